import type { SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { DemoSeed } from "../db/seed/context.ts";
import type { AuditAction, ContextName, DomainContext } from "../domain/contexts.ts";
import type { HomeItem } from "../domain/platform/home.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { Mailer } from "./platform/mailer.ts";
import type { Oidc } from "./platform/oidc.ts";
import type { SecretBox } from "./platform/secret-box.ts";
import type { SessionTimes } from "./platform/sessions.ts";
import type { AccessContext, PolicyRule } from "./plugins/access.ts";

/** What every context's routes may use; each takes the part it needs. */
export interface ModuleDeps {
  db: Db;
  /**
   * The read replica for reporting reads (the audit log's search and export), when one is
   * configured. Without one those reads go through the request's own transaction: taking a second
   * connection from the pool while holding one would deadlock once every connection waits so.
   */
  readDb: Db | undefined;
  config: Config;
  times: SessionTimes;
  secureCookies: boolean;
  oidc: Oidc | null;
  secrets: SecretBox;
  /** The background job queue (src/jobs/): routes enqueue and cancel through it. */
  jobs: JobQueue;
  /** Sends e-mail (password-reset links); null when SMTP_URL is not configured. */
  mailer: Mailer | null;
  /** Every module, in order: the home page asks each for its part (GET /api/home). */
  modules: readonly Pick<ServerModule, "name" | "home">[];

  /** Every context's audit subject namers, for the audit log's names and links. */
  auditSubjects: readonly AuditSubjectSource[];
}

/**
 * How a context names the records its audit rows are about (`subjectType`), so the audit log
 * can show "Åmål kommun" instead of an id. `rows` is a SELECT of the subjects among `ids` (a
 * text[] parameter) with the columns `id` (text), `organisation_id` (uuid, or null for what
 * belongs to no organisation), `label` (jsonb: whatever `name` needs) and `path` (the page in
 * the web app, or null). The audit log joins every context's SELECT into one query per page and
 * keeps only names from organisations whose log the caller may read.
 */
export interface AuditSubjectSource {
  type: string;
  rows: (ids: SQL) => SQL;
  name: (label: unknown, locale: "sv" | "en") => string;
}

// biome-ignore lint/suspicious/noExplicitAny: each rule narrows its own target type.
type Policy = Record<string, PolicyRule<any>>;

/**
 * One context of the server, declared in one object (src/server/<context>/index.ts) and listed
 * once in src/server/modules.ts. The app registers its routes, the access plugin merges its
 * policy, roles.ts composes its permissions (through the domain declaration it shares), the
 * audit log accepts its actions, and the authorisation matrix test asks for its rows.
 */
export interface ServerModule<
  Name extends ContextName = ContextName,
  P extends Policy = Policy,
  D extends DomainContext = DomainContext,
> {
  name: Name;
  /** Its permissions (with the roles holding them) and audit actions, from src/domain/<context>/. */
  domain: D & { name: Name };
  /** Every access rule of the context, named `<resource>.<verb>`. */
  policy: P;
  /**
   * Actions on individual-level data: denied, they answer 404 (that the record exists is itself
   * secret), and the refused attempt is recorded under the same name with outcome "denied".
   */
  hiddenActions: readonly (keyof P & AuditAction)[];
  /** Registers the context's HTTP routes (through the route helper, src/server/plugins/route.ts). */
  register: (app: FastifyInstance, deps: ModuleDeps) => void;
  /**
   * Its part of the home page: what waits for the caller and what their organisations are doing,
   * read with the same access queries as the context's lists, so nothing shows that the person
   * could not open. An empty array when there is nothing to say.
   */
  home?: (ctx: AccessContext) => Promise<HomeItem[]>;

  /** How it names the subjects of its audit rows. */
  auditSubjects?: readonly AuditSubjectSource[];
  /** Its part of the fictional demo data (one of DEMO_SEEDS), run inside the seed's one transaction. */
  seed?: DemoSeed;
}

/** Keeps each module's literal types (policy keys, name) while checking it against the shape. */
export function defineModule<N extends ContextName, P extends Policy, D extends DomainContext>(
  module: ServerModule<N, P, D>,
): ServerModule<N, P, D> {
  return module;
}
