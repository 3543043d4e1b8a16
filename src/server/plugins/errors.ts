import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";

export interface ErrorIssue {
  path: string;
  message: string;
}

/** A failure the caller can act on: it keeps its status and code, and its message is shown. */
export class DomainError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, issues: ErrorIssue[] = []) {
    super(400, "bad_request", message, issues);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = "Du behöver logga in.") {
    super(401, "unauthenticated", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "Du har inte behörighet till detta.") {
    super(403, "forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message = "Hittades inte.") {
    super(404, "not_found", message);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}

function pathOf(segments: readonly PropertyKey[], prefix?: string): string {
  const joined = segments.map(String).join(".");
  return [prefix, joined].filter(Boolean).join(".");
}

function reply(
  res: FastifyReply,
  status: number,
  code: string,
  message: string,
  issues?: ErrorIssue[],
) {
  return res.status(status).send({
    error: {
      code,
      message,
      ...(issues && issues.length > 0 ? { issues } : {}),
      requestId: res.request.id,
    },
  });
}

const FASTIFY_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "invalid_json", "Förfrågan innehåller ogiltig JSON."],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "invalid_json", "Förfrågan saknar innehåll."],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "body_too_large", "Förfrågan är för stor."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type", "Innehållstypen stöds inte."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "bad_request", "Felaktig innehållslängd."],
};

/**
 * Input the database refused as invalid. The contracts check the same things first; this is the
 * safety net, so that a value they let through is the caller's 400 and not our 500. The messages
 * name no column or constraint.
 */
const POSTGRES_INVALID_INPUT: Record<string, string> = {
  "23514": "Uppgifterna hänger inte ihop (till exempel roll och organisation).",
  "23502": "Ett obligatoriskt värde saknas.",
  "22P02": "Ett värde har fel form.",
  "22007": "Ett datum eller en tidpunkt har fel form.",
  "22008": "Ett datum eller en tidpunkt ligger utanför det tillåtna intervallet.",
  "22003": "Ett tal är för stort eller för litet.",
  "22001": "En text är för lång.",
  "22021": "Texten innehåller tecken som inte kan sparas.",
  "22P05": "Texten innehåller tecken som inte kan sparas.",
  "54000": "Ett värde är för stort.",
};

/** One mapping from every error to one JSON shape; nothing internal leaks to the caller. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, res: FastifyReply) => {
    if (error instanceof DomainError) {
      return reply(res, error.status, error.code, error.message, error.issues);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.flatMap((v) => {
        const segments = v.instancePath.split("/").filter(Boolean);
        const prefix = error.validationContext === "body" ? undefined : error.validationContext;
        const message = v.message ?? "Ogiltigt värde.";
        const keys = v.keyword === "unrecognized_keys" ? (v.params.keys as string[]) : undefined;
        // An unknown field is named in the path, like any other wrong field.
        return keys?.length
          ? keys.map((key) => ({ path: pathOf([...segments, key], prefix), message }))
          : [{ path: pathOf(segments, prefix), message }];
      });
      return reply(res, 400, "validation", "Uppgifterna är inte giltiga.", issues);
    }
    if (error instanceof ZodError) {
      const issues = error.issues.flatMap((i) =>
        i.code === "unrecognized_keys"
          ? i.keys.map((key) => ({ path: pathOf([...i.path, key]), message: i.message }))
          : [{ path: pathOf(i.path), message: i.message }],
      );
      return reply(res, 400, "validation", "Uppgifterna är inte giltiga.", issues);
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return reply(res, known[0], known[1], known[2]);
    // Drizzle wraps the driver's error, so PostgreSQL's code is on its cause.
    const pgCode =
      (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (pgCode === "23505") {
      return reply(res, 409, "duplicate", "Det finns redan en post med samma värde.");
    }
    const invalid = pgCode ? POSTGRES_INVALID_INPUT[pgCode] : undefined;
    if (invalid) {
      // The contracts should have stopped this: note it for the developers, not as a failure.
      request.log.warn(
        { pgCode, route: request.routeOptions.url },
        "input refused by the database",
      );
      return reply(res, 400, "invalid_value", invalid);
    }
    if (pgCode === "23503") {
      return reply(
        res,
        409,
        "in_use",
        "Posten hänger ihop med andra uppgifter och kan inte ändras så.",
      );
    }
    if (error.statusCode === 429) {
      return reply(
        res,
        429,
        "rate_limited",
        "För många förfrågningar. Vänta en stund och försök igen.",
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply(res, error.statusCode, "bad_request", "Förfrågan kunde inte behandlas.");
    }
    request.log.error({ err: error }, "unhandled error");
    return reply(res, 500, "internal", "Något gick fel hos oss. Försök igen senare.");
  });

  app.setNotFoundHandler((request, res) =>
    reply(
      res,
      404,
      "not_found",
      `Det finns ingen sådan adress: ${request.method} ${request.url.split("?")[0]}`,
    ),
  );
}
