import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.ts";
import { type Db, poolOf } from "../db/database.ts";
import type { ContextName } from "../domain/contexts.ts";
import { JOBS } from "../jobs/index.ts";
import { JobQueue } from "../jobs/queue.ts";
import { PROBE_PATHS, registerHealthRoutes } from "./health.ts";
import type { ModuleDeps } from "./module.ts";
import { MODULES } from "./modules.ts";
import { AuthCache } from "./platform/auth-cache.ts";
import { smtpMailer } from "./platform/mailer.ts";
import { createOidc } from "./platform/oidc.ts";
import { type SecretBox, secretBoxFor } from "./platform/secret-box.ts";
import { registerApiDocs } from "./plugins/api-docs.ts";
import { registerAuth } from "./plugins/auth.ts";
import { NotFoundError, registerErrorHandling } from "./plugins/errors.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { responseSerializerCompiler } from "./plugins/response-serializer.ts";
import { registerSameOrigin } from "./plugins/same-origin.ts";
import { registerSecurityHeaders } from "./plugins/security-headers.ts";

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../dist/web",
);

export interface AppDeps {
  config: Config;
  db: Db;
  /** For /readyz: whether the database answers and its migrations are current. */
  ready: () => Promise<boolean>;
  /**
   * Where reporting reads go (the audit log's search and export): a read replica when
   * DATABASE_READ_URL is set, else the primary. Access is always decided on the primary.
   */
  readDb?: Db;
  /** Seals secrets kept in the database; by default from the configured key. */
  secrets?: SecretBox;
  /**
   * The job queue. Without one the app can still enqueue and cancel (tests), but no worker runs
   * here: run.ts starts the queue.
   */
  jobs?: JobQueue;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** The built web UI; by default dist/web. */
  webDist?: string;
}

export async function buildApp(deps: AppDeps) {
  const { config, db } = deps;
  z.config(z.locales.sv());
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: a text/plain body is a wrong content type (415), not a string.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);

  await registerOpenApi(app, { publicUrl: config.PARAPLY_PUBLIC_URL });
  // Before the session is read or anything is parsed: another site's request goes no further.
  registerSameOrigin(app, { publicUrl: config.PARAPLY_PUBLIC_URL });
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { hsts: config.NODE_ENV === "production" });
  // In-process counters slow a flood per instance; account lockout (in the database) is what
  // holds across instances.
  await app.register(fastifyRateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // The limit guards the API. The web UI's files are static, precompressed and cached, and one
    // page view fetches a score of chunks since the UI was split per page: counting them would
    // answer 429 to a person who merely clicks around quickly.
    allowList: (request) => PROBE_PATHS.includes(request.url) || !request.url.startsWith("/api/"),
    // The counters go out only with a 429 (with Retry-After): the web client has no use for
    // them on every answer, and each header is work on the hottest path.
    addHeadersOnExceeding: {
      "x-ratelimit-limit": false,
      "x-ratelimit-remaining": false,
      "x-ratelimit-reset": false,
    },
  });

  const secureCookies =
    config.NODE_ENV === "production" || Boolean(config.PARAPLY_PUBLIC_URL?.startsWith("https:"));
  const times = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
  // Sessions and access scopes are cached briefly and dropped on the database's change
  // notifications; AUTH_CACHE_SECONDS=0 turns the cache off.
  const cache =
    config.AUTH_CACHE_SECONDS > 0
      ? new AuthCache(poolOf(db), config.AUTH_CACHE_SECONDS * 1000)
      : undefined;
  if (cache) {
    await cache.start();
    app.decorate("authCache", cache);
    app.addHook("onClose", () => cache.stop());
  }
  registerAuth(app, { db, times, secureCookies, cache });

  const oidc = config.oidc ? await createOidc(config) : null;
  registerHealthRoutes(app, deps.ready);
  registerApiDocs(app);
  const mailer = config.mail ? smtpMailer(config.mail.smtpUrl, config.mail.from) : null;
  if (mailer) app.addHook("onClose", () => mailer.close());
  const moduleDeps: ModuleDeps = {
    db,
    readDb: deps.readDb,
    config,
    times,
    secureCookies,
    oidc,
    secrets: deps.secrets ?? secretBoxFor(config),
    jobs: deps.jobs ?? new JobQueue({ db, config, jobs: JOBS }),
    mailer,
    modules: MODULES,

    auditSubjects: MODULES.flatMap((m) => ("auditSubjects" in m ? (m.auditSubjects ?? []) : [])),
  };
  const moduleRoutes: ModuleRoute[] = [];
  app.decorate("moduleRoutes", moduleRoutes);
  // onRoute runs as each route is added, so the module being registered is the route's owner.
  // (A plugin per module would say the same, but costs every request a few microseconds.)
  let registering: ContextName | undefined;
  app.addHook("onRoute", (route) => {
    if (!registering) return;
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      moduleRoutes.push({
        module: registering,
        method,
        url: route.url,
        personalData: route.config?.personalData ?? false,
      });
    }
  });
  for (const module of MODULES) {
    registering = module.name;
    module.register(app, moduleDeps);
  }
  registering = undefined;

  registerWebRoutes(app, deps.webDist ?? WEB_DIST);
  return app;
}

/** A route as its context registered it: what the matrix and the audit tests iterate. */
export interface ModuleRoute {
  module: ContextName;
  method: string;
  url: string;
  /** Declared through the route helper: each call records exactly one personal-data audit row. */
  personalData: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    moduleRoutes: ModuleRoute[];
  }
  interface FastifyContextConfig {
    personalData?: boolean;
  }
}

export type PlatformApp = Awaited<ReturnType<typeof buildApp>>;

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Serves the built web UI; any other non-API path gets index.html for client routing. The build
 * writes a `.br` and a `.gz` beside each file (vite.config.ts), and `preCompressed` sends the best
 * one the request accepts, or the plain file. Hashed assets are kept for a year; index.html is
 * asked for again each time, so a deploy reaches every tab on its next load.
 */
function registerWebRoutes(app: FastifyInstance, root: string): void {
  if (!existsSync(root)) return;
  app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get("/*", { config: { access: "public" }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { "*": string })["*"];
    if (file.startsWith("api/")) {
      throw new NotFoundError();
    }
    // The same URL is sent br, gzip or plain: caches must keep them apart.
    reply.header("vary", "accept-encoding");
    const known = file !== "" && !file.includes("..") && isFile(path.join(root, file));
    if (file.startsWith("assets/")) {
      // A chunk of an older build answered with the page would fail as a script; 404 instead.
      if (!known) return reply.callNotFound();
      return reply.sendFile(file, { immutable: true, maxAge: ONE_YEAR_MS });
    }
    reply.header("cache-control", "no-cache");
    return reply.sendFile(known ? file : "index.html", { cacheControl: false });
  });
}
