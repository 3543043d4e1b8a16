import type { Permission, Role } from "../../domain/platform/roles.ts";
import { roleAllows } from "../../domain/platform/roles.ts";
import type { AuthCache } from "../platform/auth-cache.ts";
import { UnauthenticatedError } from "./errors.ts";

export interface RoleGrant {
  id: string;
  role: Role;
  organisationId: string | null;
}

/** The signed-in person behind a request, as loaded from the session. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: "sv" | "en";
  sessionId: string;
  authMethod: "password" | "oidc";
  mfaPending: boolean;
  totpEnabled: boolean;
  /** Roles demand two-factor authentication but the user has not enrolled yet. */
  mfaEnrolmentRequired: boolean;
  grants: RoleGrant[];
}

/**
 * Who may call a route: `public`; `any-session` (also half-signed-in, awaiting the second
 * factor); `enrolment` (signed in, even if two-factor enrolment is still owed); `session`
 * (fully signed in); or a permission the caller must hold in some organisation. Routes then
 * ask `authorize` about the specific target.
 */
export type RouteAccess =
  | "public"
  | "any-session"
  | "enrolment"
  | "session"
  | { permission: Permission };

/** The caller of a route that needs a session (the auth hook has already refused others). */
export function actorOf(request: { actor?: Actor }): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "system_admin");
}

export function holdsAnywhere(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => roleAllows(g.role, permission));
}

export function actorLabel(actor: Actor | undefined): string {
  return actor ? actor.email : "anonymous";
}

declare module "fastify" {
  interface FastifyInstance {
    authCache?: AuthCache;
  }
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
