import pino from "pino";

/**
 * The process log, with nothing in it that identifies a person (docs/operations.md promises
 * it): who did what is the audit log's job, in the database. Query strings (?q=, audit filters)
 * and bodies carry names, e-mail addresses and respondents' contact details, and a failed
 * query's error carries its parameters, so each is cut here, for every log line, by default.
 */

type RequestLike = {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** The request without its query string: the path names the route and record ids only. */
function safeRequest(req: RequestLike) {
  return {
    method: req.method,
    url: req.url?.split("?")[0],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  routine?: unknown;
  cause?: unknown;
  query?: unknown;
}

// A database error's message can quote the value it refused ("invalid input syntax for type
// uuid: ..."), and drizzle's adds every parameter after "params:". The code says what happened.
function isDatabaseError(err: ErrorLike): boolean {
  return typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code);
}

function withoutValues(text: string | undefined, err: ErrorLike): string | undefined {
  if (text === undefined) return undefined;
  const cut = text.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, "\nparams: [redacted]");
  return isDatabaseError(err) && err.message ? cut.replace(err.message, "[redacted]") : cut;
}

/** An error with its type, code, message and stack, but no values it was given. */
export function safeError(value: unknown, depth = 0): Record<string, unknown> | unknown {
  if (!(value instanceof Error) || depth > 3)
    return value instanceof Error ? { type: value.name } : value;
  const err = value as ErrorLike;
  return {
    type: err.name,
    message: withoutValues(err.message, err),
    ...(typeof err.code === "string" ? { code: err.code } : {}),
    ...(typeof err.routine === "string" ? { routine: err.routine } : {}),
    stack: withoutValues(err.stack, err),
    ...(err.cause ? { cause: safeError(err.cause, depth + 1) } : {}),
  };
}

export const LOG_SERIALIZERS = { req: safeRequest, err: safeError };

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      serializers: LOG_SERIALIZERS,
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
        remove: true,
      },
    },
    destination,
  );
}
