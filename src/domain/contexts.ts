import { PLATFORM_AUDIT_ACTIONS } from "./platform/audit-actions.ts";
import { PLATFORM_PERMISSIONS } from "./platform/permissions.ts";
import type { Role } from "./platform/roles.ts";
import { PROFILE_AUDIT_ACTIONS } from "./profile/audit-actions.ts";
import { PROFILE_PERMISSIONS } from "./profile/permissions.ts";
import { READINESS_AUDIT_ACTIONS } from "./readiness/audit-actions.ts";
import { READINESS_PERMISSIONS } from "./readiness/permissions.ts";
import { SUPPORT_AUDIT_ACTIONS } from "./support/audit-actions.ts";
import { SUPPORT_PERMISSIONS } from "./support/permissions.ts";

/**
 * What each context declares to the rest of the system, in the pure layer that the server, the
 * web app, the seeds and the CLI all import: its permissions (with the roles that hold them) and
 * its audit actions. The server's module list (src/server/modules.ts) holds the same contexts in
 * the same order; a test keeps the two lists in step.
 */
export const DOMAIN_CONTEXTS = [
  { name: "platform", permissions: PLATFORM_PERMISSIONS, auditActions: PLATFORM_AUDIT_ACTIONS },
  { name: "readiness", permissions: READINESS_PERMISSIONS, auditActions: READINESS_AUDIT_ACTIONS },
  { name: "support", permissions: SUPPORT_PERMISSIONS, auditActions: SUPPORT_AUDIT_ACTIONS },
  { name: "profile", permissions: PROFILE_PERMISSIONS, auditActions: PROFILE_AUDIT_ACTIONS },
] as const satisfies readonly DomainContext[];

export interface DomainContext {
  name: string;
  permissions: Record<string, readonly Role[]>;
  auditActions: readonly string[];
}

type Contexts = typeof DOMAIN_CONTEXTS;
export type ContextName = Contexts[number]["name"];

/** Every action the audit log may record: the union of the contexts' declarations. */
export type AuditAction = Contexts[number]["auditActions"][number];
export const AUDIT_ACTIONS: readonly AuditAction[] = DOMAIN_CONTEXTS.flatMap((c) => c.auditActions);

export type Permission = {
  [C in Contexts[number] as C["name"]]: keyof C["permissions"] & string;
}[ContextName];
