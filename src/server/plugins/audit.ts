import type { FastifyRequest } from "fastify";
import type { DbOrTx } from "../../db/database.ts";
import { auditLog } from "../../db/schema/platform.ts";
import { actorLabel } from "./actor.ts";

/** Who did it and from where: taken from the request once, passed to commands. */
export interface AuditContext {
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  outcome?: "success" | "failure" | "denied";
  subjectType?: string;
  subjectId?: string;
  organisationId?: string | null;
  personalData?: boolean;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const ua = request.headers["user-agent"];
  return {
    actorId: request.actor?.userId ?? null,
    actorLabel: actorLabel(request.actor),
    ip: request.ip ?? null,
    userAgent: typeof ua === "string" ? ua.slice(0, 300) : null,
    requestId: request.id,
  };
}

/** The system itself (CLI, seeding, jobs) as an actor. */
export function systemAuditContext(label: string): AuditContext {
  return { actorId: null, actorLabel: label, ip: null, userAgent: null, requestId: null };
}

/**
 * Appends one row to the audit log. Call it with the transaction that makes the change, so
 * that the change and its record commit or fail together.
 */
export async function recordAudit(
  tx: DbOrTx,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: context.actorId,
    actorLabel: context.actorLabel,
    ip: context.ip,
    userAgent: context.userAgent,
    requestId: context.requestId,
    action: entry.action,
    outcome: entry.outcome ?? "success",
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    organisationId: entry.organisationId ?? null,
    personalData: entry.personalData ?? false,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}
