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
 * The INSERT of the rows `tx` collected, as one statement with its values written out (it travels
 * in a simple query beside COMMIT, which takes no parameters), or null when there are none.
 * Every value is a literal quoted as pg's escapeLiteral quotes it (`quoteLiteral`), which INSERT
 * turns into its column's type (uuid, boolean, jsonb); the chain trigger fills the rest.
 */
export function takeDeferredAuditRows(tx: Tx): string | null {
  const rows = deferredRows.get(tx);
  deferredRows.delete(tx);
  if (!rows || rows.length === 0) return null;
  const literal = (value: AuditRow[keyof AuditRow]) =>
    value === null
      ? "NULL"
      : quoteLiteral(typeof value === "object" ? JSON.stringify(value) : String(value));
  const values = rows.map((r) => DEFERRED_COLUMNS.map(([, field]) => literal(r[field])).join(", "));
  const columns = DEFERRED_COLUMNS.map(([column]) => column).join(", ");
  return `INSERT INTO platform.audit_log (${columns}) VALUES (${values.join("), (")})`;
}

/**
 * A string constant as pg's escapeLiteral writes it: quotes doubled, and where there is a
 * backslash, backslashes doubled in an E'' string. escapeLiteral builds its result a character
 * at a time, which on a case list's audit row (40 case ids) was a twentieth of the app's CPU.
 */
export function quoteLiteral(text: string): string {
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes("\\") ? ` E${quoted.replaceAll("\\", "\\\\")}` : quoted;
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
