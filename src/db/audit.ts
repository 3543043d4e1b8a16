import type { AuditAction } from "../domain/contexts.ts";
import type { Db, Tx } from "./database.ts";
import { auditLog } from "./schema/platform.ts";

/** Who did it and from where: taken from the request (or the system) once, passed to commands. */
export interface AuditContext {
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** Only actions a context declares (src/domain/<context>/audit-actions.ts). */
  action: AuditAction;
  outcome?: "success" | "failure" | "denied";
  subjectType?: string;
  subjectId?: string;
  organisationId?: string | null;
  personalData?: boolean;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** The system itself (CLI, seeding, jobs) as an actor. */
export function systemAuditContext(label: string): AuditContext {
  return { actorId: null, actorLabel: label, ip: null, userAgent: null, requestId: null };
}

/**
 * Appends one row to the audit log. It takes a transaction, never the pool: the row commits or
 * fails together with the change it records, or with the reads and the access check it records.
 */
export async function recordAudit(tx: Tx, context: AuditContext, entry: AuditEntry): Promise<void> {
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

/**
 * A row that records an event with nothing else to commit beside it, such as a refused sign-in.
 * Reads of personal data never use this: they record inside the transaction that reads.
 */
export function recordStandaloneAudit(
  db: Db,
  context: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  return db.transaction((tx) => recordAudit(tx, context, entry));
}
