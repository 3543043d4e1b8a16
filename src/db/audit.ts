import pg from "pg";
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
  const deferred = deferredRows.get(tx);
  if (deferred) {
    deferred.push(auditRow(context, entry));
    return;
  }
  await tx.insert(auditLog).values(auditRow(context, entry));
}

function auditRow(context: AuditContext, entry: AuditEntry) {
  return {
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
  };
}

type AuditRow = ReturnType<typeof auditRow>;
const deferredRows = new WeakMap<Tx, AuditRow[]>();

/**
 * From now on `tx` collects its audit rows for takeDeferredAuditRows, which the request
 * transaction sends together with its COMMIT (src/db/request-transaction.ts).
 */
export function deferAuditRows(tx: Tx): void {
  deferredRows.set(tx, []);
}

// The order of the values in takeDeferredAuditRows.
const COLUMNS = [
  "actor_id",
  "actor_label",
  "ip",
  "user_agent",
  "request_id",
  "action",
  "outcome",
  "subject_type",
  "subject_id",
  "organisation_id",
  "personal_data",
  "reason",
  "details",
] as const;

/**
 * The INSERT of the rows `tx` collected, as one statement with its values written out (it travels
 * in a simple query beside COMMIT, which takes no parameters), or null when there are none.
 * Every text value is quoted by pg's escapeLiteral; the chain trigger fills the rest.
 */
export function takeDeferredAuditRows(tx: Tx): string | null {
  const rows = deferredRows.get(tx);
  deferredRows.delete(tx);
  if (!rows || rows.length === 0) return null;
  const text = (value: string | null) => (value === null ? "NULL" : pg.escapeLiteral(value));
  const values = rows.map((r) =>
    [
      r.actorId === null ? "NULL" : `${text(r.actorId)}::uuid`,
      text(r.actorLabel),
      text(r.ip),
      text(r.userAgent),
      text(r.requestId),
      text(r.action),
      text(r.outcome),
      text(r.subjectType),
      text(r.subjectId),
      r.organisationId === null ? "NULL" : `${text(r.organisationId)}::uuid`,
      r.personalData ? "true" : "false",
      text(r.reason),
      `${text(JSON.stringify(r.details))}::jsonb`,
    ].join(", "),
  );
  return `INSERT INTO platform.audit_log (${COLUMNS.join(", ")}) VALUES (${values.join("), (")})`;
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
