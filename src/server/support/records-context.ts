import type { AuditAction } from "../../domain/contexts.ts";
import type { CaseScope } from "../../domain/support/access.ts";
import type { RouteCall } from "../plugins/route.ts";
import { type CaseAccessGrant, recordFor } from "./case-access.ts";
import { authorizedCase } from "./case-routes.ts";

/** What a command of a case's records needs: the case, its municipality, the access used. */
export interface RecordCase {
  caseId: string;
  municipalityId: string;
  accessId: string;
}

/**
 * The case behind an authorized records route and the access record the call rests on (the one
 * opening `scope`), for the command's audit row and the read's.
 */
export async function recordCase(
  call: Pick<RouteCall<unknown, unknown>, "db" | "ctx">,
  caseId: string,
  scope: CaseScope,
): Promise<RecordCase & { grant: CaseAccessGrant }> {
  const { row, grant } = await authorizedCase(call, caseId);
  const record = recordFor(grant, scope) ?? recordFor(grant)!;
  return { caseId: row.id, municipalityId: row.municipalityId, accessId: record.id, grant };
}

/** The audit row of a read of one part of a case's records, naming the access it rests on. */
export function recordsReadEntry(
  c: RecordCase & { grant: CaseAccessGrant },
  action: AuditAction,
  scope: CaseScope,
  details: Record<string, unknown> = {},
) {
  const record = recordFor(c.grant, scope)!;
  return {
    action,
    subjectType: "support_case",
    subjectId: c.caseId,
    organisationId: c.municipalityId,
    personalData: true,
    details: { accessId: record.id, role: record.role, basis: record.basis, scope, ...details },
  } as const;
}

/** Today in Sweden, for "overdue" and for the dates of automatic chronology entries. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
}
