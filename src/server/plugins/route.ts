import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from "fastify";
import type { z } from "zod";
import {
  type AuditContext,
  type AuditEntry,
  recordAudit,
  recordStandaloneAudit,
} from "../../db/audit.ts";
import type { Db, DbOrTx, Tx } from "../../db/database.ts";
import { runRequestTransaction } from "../../db/request-transaction.ts";
import {
  type AccessContext,
  type Action,
  accessContextOf,
  can,
  isHiddenAction,
  type TargetOf,
} from "./access.ts";
import type { RouteAccess } from "./actor.ts";
import { auditContextOf } from "./audit.ts";
import { ForbiddenError, NotFoundError } from "./errors.ts";
import type { Produces } from "./openapi.ts";

/** The zod contracts of one route; fastify-type-provider-zod validates and documents them. */
export interface RouteSchema {
  tags?: string[];
  hide?: boolean;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Record<number, z.ZodType>;
}

type Parsed<S, K extends keyof RouteSchema> = S extends { [P in K]: infer Z extends z.ZodType }
  ? z.output<Z>
  : undefined;
type ReplyBody<S> = S extends { response: infer R extends Record<number, z.ZodType> }
  ? z.input<R[keyof R]>
  : unknown;

/** What a route's steps see: the parsed input, where to read, and who asks. */
export interface RouteInput<S> {
  request: FastifyRequest;
  params: Parsed<S, "params">;
  query: Parsed<S, "querystring">;
  body: Parsed<S, "body">;
  /** The request transaction when the route has one, else the pool. */
  db: DbOrTx;
  /** The caller's access context on the same connection (throws 401 on a public route). */
  readonly ctx: AccessContext;
  /** Who did it and from where, for commands that record their own audit rows. */
  audit: AuditContext;
}

export interface RouteCall<S, L> extends RouteInput<S> {
  /** What `load` found (the route answered 404 when it found nothing). */
  target: L;
  /**
   * For headers only: `run` returns the body, so that nothing is sent before the request
   * transaction (and its audit row) has committed.
   */
  reply: FastifyReply;
  /**
   * Records an audit row in the request transaction. Outside one (routes without personal
   * data) the row gets its own; a personal-data row outside a request transaction is refused.
   */
  record: (entry: AuditEntry) => Promise<void>;
}

type Authorization<A extends Action, S, L> =
  | { action: A; target: (input: RouteInput<S>, loaded: L) => TargetOf<A> }
  | (L extends TargetOf<A> ? { action: A; target?: undefined } : never);

export interface RouteSpec<S extends RouteSchema, L, A extends Action> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  /** What it does, in a few English words: the operation's summary in the API document. */
  summary: string;
  /** More for an integrator, when the summary does not say it all. */
  description?: string;
  /** Who may call it at all (checked by the auth hook before the body is parsed). */
  access: RouteAccess;
  /** A tighter per-route limit (@fastify/rate-limit), e.g. on sign-in. */
  rateLimit?: { max: number; timeWindow: number };
  schema: S;
  /** The success answer, for the API document, when it is not JSON from `schema.response`. */
  produces?: Produces;
  /** The success status when it is not 200 (201 for a creation). */
  status?: number;
  /**
   * The route reads personal data: access check, reads and audit row run in one transaction that
   * names the acting user for row-level security, and the route fails unless exactly one
   * personal-data row was recorded.
   */
  personalData?: boolean;
  /** A request transaction without the one-row rule: for routes that may show personal data. */
  transaction?: boolean;
  /**
   * For a read that shows personal data only sometimes (a reader with the right to see it, and
   * data that holds it): asked on the pool once the target is loaded and authorized. When it
   * answers true the call starts again in a request transaction, so that the check, the reads and
   * the audit row still commit together; otherwise the read saves the transaction's round trips.
   */
  transactionWhen?: (call: RouteCall<S, L>) => Promise<boolean>;
  /** Finds the route's target; nothing found answers 404 with `notFound`. */
  load?: (input: RouteInput<S>) => Promise<L | null | undefined>;
  notFound?: string;
  /** The policy action asked about, and its target (by default what `load` found). */
  authorize?: Authorization<A, S, L>;
  run: (call: RouteCall<S, L>) => Promise<ReplyBody<S>>;
  /** The audit row of a successful call, from its result. */
  audit?: (call: RouteCall<S, L>, result: ReplyBody<S>) => AuditEntry | undefined;
}

export interface RouteDeps {
  db: Db;
}

/** A refusal of a hidden action, carried out of the transaction so its audit row commits. */
class HiddenDenial extends Error {}

/**
 * Registers one route. The route states who may call it, how it loads its target, what it
 * authorizes, what it runs and what it audits; this helper does the rest in that order, in a
 * request transaction when the route reads personal data. Community reads without personal data
 * stay on the pool: a transaction costs two round trips they do not need.
 */
export function route<S extends RouteSchema, L = undefined, A extends Action = Action>(
  app: FastifyInstance,
  deps: RouteDeps,
  spec: RouteSpec<S, L, A>,
): void {
  // Individual-level targets are personal data, and a refusal must be recorded: both need one.
  const inTransaction = Boolean(
    spec.personalData ||
      spec.transaction ||
      (spec.authorize && isHiddenAction(spec.authorize.action)),
  );
  if (spec.transactionWhen && (spec.method !== "GET" || inTransaction)) {
    // Starting again is safe only for a read, and a route that always has a transaction would
    // never ask.
    throw new Error(`${spec.method} ${spec.url}: transactionWhen is for reads without one`);
  }
  app.route({
    method: spec.method,
    url: spec.url,
    config: {
      access: spec.access,
      ...(spec.personalData ? { personalData: true } : {}),
      ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
      openapi: {
        loads: Boolean(spec.load),
        authorizes: Boolean(spec.authorize),
        ...(spec.produces ? { produces: spec.produces } : {}),
      },
    },
    // The zod types are checked on `spec` above; Fastify sees plain schemas here.
    schema: {
      ...(spec.schema as FastifySchema),
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
    },
    // The success status is set first: an error's status replaces it in the error handler.
    handler: inTransaction
      ? (request: FastifyRequest, reply: FastifyReply) => {
          if (spec.status) reply.status(spec.status);
          return inRequestTransaction(deps.db, request, (tx) => handle(spec, request, reply, tx));
        }
      : (request: FastifyRequest, reply: FastifyReply) => {
          if (spec.status) reply.status(spec.status);
          return handleOnPool(spec, request, reply, deps.db);
        },
  });
}

/** A call on the pool, or, when the route's `transactionWhen` asks for it, again in a transaction. */
async function handleOnPool<S extends RouteSchema, L, A extends Action>(
  spec: RouteSpec<S, L, A>,
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
) {
  const call = new Call<S, L>(request, reply, db, db, `${spec.method} ${spec.url}`);
  await prepare(spec, call);
  if (spec.transactionWhen && (await spec.transactionWhen(call))) {
    return inRequestTransaction(db, request, (tx) => handle(spec, request, reply, tx));
  }
  return finish(spec, call);
}

async function inRequestTransaction<T>(
  db: Db,
  request: FastifyRequest,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  let denial: HiddenDenial | undefined;
  const result = await runRequestTransaction(db, request.actor?.userId ?? null, async (tx) => {
    try {
      return await work(tx);
    } catch (error) {
      // The denied attempt is recorded and committed; the caller still only learns "not found".
      if (error instanceof HiddenDenial) {
        denial = error;
        return undefined;
      }
      throw error;
    }
  });
  if (denial) throw new NotFoundError();
  return result as T;
}

/**
 * One call of one route. Access and audit contexts are made on first use (the hottest reads need
 * no audit context), and the getters live on the prototype: a call allocates little.
 */
class Call<S, L> implements RouteCall<S, L> {
  target = undefined as L;
  personalRows = 0;
  private access?: AccessContext;
  private auditContext?: AuditContext;

  constructor(
    readonly request: FastifyRequest,
    readonly reply: FastifyReply,
    readonly db: DbOrTx,
    /** The pool when the call runs outside a request transaction. */
    private readonly pool: Db | undefined,
    readonly route: string,
  ) {}

  get params() {
    return this.request.params as Parsed<S, "params">;
  }
  get query() {
    return this.request.query as Parsed<S, "querystring">;
  }
  get body() {
    return this.request.body as Parsed<S, "body">;
  }
  get ctx() {
    this.access ??= accessContextOf(this.request, this.db);
    return this.access;
  }
  get audit() {
    this.auditContext ??= auditContextOf(this.request);
    return this.auditContext;
  }

  // An arrow, so that routes may destructure it.
  record = async (entry: AuditEntry): Promise<void> => {
    if (!this.pool) {
      if (entry.personalData) this.personalRows++;
      return recordAudit(this.db as Tx, this.audit, entry);
    }
    if (entry.personalData) {
      throw new Error(`${this.route} records personal data outside a request transaction`);
    }
    return recordStandaloneAudit(this.pool, this.audit, entry);
  };
}

async function handle<S extends RouteSchema, L, A extends Action>(
  spec: RouteSpec<S, L, A>,
  request: FastifyRequest,
  reply: FastifyReply,
  tx: Tx,
) {
  const call = new Call<S, L>(request, reply, tx, undefined, `${spec.method} ${spec.url}`);
  await prepare(spec, call);
  return finish(spec, call);
}

/** Loads the target (404 when there is none) and asks the policy about it. */
async function prepare<S extends RouteSchema, L, A extends Action>(
  spec: RouteSpec<S, L, A>,
  call: Call<S, L>,
) {
  const { request, db } = call;
  if (spec.load) {
    const found = await spec.load(call);
    if (found === null || found === undefined) throw new NotFoundError(spec.notFound);
    call.target = found;
  }
  if (spec.authorize) {
    const { action, target } = spec.authorize;
    const subject = (target ? target(call, call.target) : call.target) as TargetOf<A>;
    if (!(await can(call.ctx, action, subject))) {
      if (!isHiddenAction(action)) throw new ForbiddenError();
      // Hidden actions are declared among the context's audit actions (ServerModule).
      await recordAudit(db as Tx, call.audit, {
        action: action as AuditEntry["action"],
        outcome: "denied",
        personalData: true,
        details: { params: request.params },
      });
      throw new HiddenDenial();
    }
  }
}

/** Runs the route and records its audit row. */
async function finish<S extends RouteSchema, L, A extends Action>(
  spec: RouteSpec<S, L, A>,
  call: Call<S, L>,
) {
  const result = await spec.run(call);
  const entry = spec.audit?.(call, result as ReplyBody<S>);
  if (entry) await call.record(entry);
  if (spec.personalData && call.personalRows !== 1) {
    throw new Error(`${call.route} read personal data with ${call.personalRows} audit rows`);
  }
  return result;
}
