import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/database.ts";
import type { AuthCache } from "../platform/auth-cache.ts";
import { hashToken, loadActor, SESSION_COOKIE, type SessionTimes } from "../platform/sessions.ts";
import { type Actor, holdsAnywhere, type RouteAccess } from "./actor.ts";
import { DomainError, ForbiddenError, UnauthenticatedError } from "./errors.ts";

export interface AuthOptions {
  db: Db;
  cache?: AuthCache;
  times: SessionTimes;
  secureCookies: boolean;
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

function check(access: RouteAccess, request: FastifyRequest): void {
  if (access === "public") return;
  const actor = request.actor;
  if (!actor) throw new UnauthenticatedError();
  if (access === "any-session") return;
  if (actor.mfaPending) {
    throw new DomainError(401, "mfa_required", "Ange koden från din autentiseringsapp.");
  }
  if (access === "enrolment") return;
  if (actor.mfaEnrolmentRequired) {
    throw new DomainError(
      403,
      "mfa_enrolment_required",
      "Du behöver aktivera tvåstegsverifiering först.",
    );
  }
  if (access === "session") return;
  if (!holdsAnywhere(actor, access.permission)) throw new ForbiddenError();
}

/**
 * Deny by default: a route that does not declare who may call it refuses to register, and every
 * request is checked against the declaration before its body is even parsed.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  app.addHook("onRoute", (route) => {
    if (!route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
  });

  // Callback style, so that a request whose session is cached passes without a promise.
  app.addHook("onRequest", (request: FastifyRequest, reply: FastifyReply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    const proceed = (actor: Actor | null | undefined) => {
      if (actor) request.actor = actor;
      else if (token) {
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
      }
      if (request.is404) return done();
      // done() runs the next hooks synchronously: call it once, outside the try.
      let refused: Error | undefined;
      try {
        check(request.routeOptions.config.access ?? "session", request);
      } catch (error) {
        refused = error as Error;
      }
      done(refused);
    };
    if (!token) return proceed(undefined);
    const id = hashToken(token);
    const cached = options.cache?.getActor(id);
    if (cached) return proceed(cached);
    const load = () => loadActor(options.db, id, options.times, options.cache);
    (options.cache ? options.cache.coalesce(`actor:${id}`, load) : load()).then(proceed, done);
  });

  // A person's own change (second factor, sign-out, password) must hold for their very next
  // request here, before the change notification arrives.
  app.addHook("onSend", (request, _reply, payload, done) => {
    if (request.actor && request.method !== "GET" && request.method !== "HEAD") {
      options.cache?.invalidate(request.actor.userId);
    }
    done(null, payload);
  });
}
