import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../db/database.ts";
import type { AuthCache } from "../platform/auth-cache.ts";
import { loadActor, SESSION_COOKIE, type SessionTimes } from "../platform/sessions.ts";
import { holdsAnywhere, type RouteAccess } from "./actor.ts";
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

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor =
        (await loadActor(options.db, token, options.times, options.cache)) ?? undefined;
      if (!request.actor)
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(options.secureCookies));
    }
    if (request.is404) return;
    check(request.routeOptions.config.access ?? "session", request);
  });

  // A person's own change (second factor, sign-out, password) must hold for their very next
  // request here, before the change notification arrives.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (request.actor && request.method !== "GET" && request.method !== "HEAD") {
      options.cache?.invalidate(request.actor.userId);
    }
    return payload;
  });
}
