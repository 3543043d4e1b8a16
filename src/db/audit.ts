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

// Each column of a deferred row and the field it takes its value from.
const DEFERRED_COLUMNS: readonly (readonly [string, keyof AuditRow])[] = [
  ["actor_id", "actorId"],
  ["actor_label", "actorLabel"],
  ["ip", "ip"],
  ["user_agent", "userAgent"],
  ["request_id", "requestId"],
  ["action", "action"],
  ["outcome", "outcome"],
  ["subject_type", "subjectType"],
  ["subject_id", "subjectId"],
  ["organisation_id", "organisationId"],
  ["personal_data", "personalData"],
  ["reason", "reason"],
  ["details", "details"],
];

/**
 * The INSERT of the rows `tx` collected, with their values as parameters, or null when there are
 * none. A request's one row is a statement its connection keeps prepared (src/db/database.ts):
 * written out as literals in a simple query, it was parsed and planned on every request. INSERT
 * turns each text parameter into its column's type (uuid, boolean, jsonb); the chain trigger fills
 * the rest.
 */
export function takeDeferredAuditRows(
  tx: Tx,
): { text: string; values: (string | boolean | null)[] } | null {
  const rows = deferredRows.get(tx);
  deferredRows.delete(tx);
  if (!rows || rows.length === 0) return null;
  const values: (string | boolean | null)[] = [];
  const tuples = rows.map((r) => {
    const placeholders = DEFERRED_COLUMNS.map(([, field]) => {
      const value = r[field];
      values.push(typeof value === "object" && value !== null ? JSON.stringify(value) : value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  const columns = DEFERRED_COLUMNS.map(([column]) => column).join(", ");
  return {
    text: `INSERT INTO platform.audit_log (${columns}) VALUES ${tuples.join(", ")}`,
    values,
  };
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
