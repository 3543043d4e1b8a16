import type { CaseScope } from "../../domain/support/access.ts";
import { RECORD_WRITERS, type RecordPart } from "../../domain/support/record-writers.ts";
import type { AccessContext } from "../plugins/access.ts";
import { caseAccessOf } from "./case-access.ts";
import { canReadConcern, isIntakeOfficerForReport } from "./records-queries.ts";

export interface RecordWriteTarget {
  caseId: string;
  /** The part the record belongs to: the writer must hold it. */
  scope: CaseScope;
  /** Which roles write this kind of record (RECORD_WRITERS). */
  part: RecordPart;
}

/**
 * Writing a case's records: one live access record must both open the part and carry a role
 * that writes it, so a team member invited to the plan cannot write the needs assessment.
 * Reading is score's `case.read` with the part's scope. Reports of concern are filed by anyone
 * with support.work (no case access needed) and opened only by their reporter and the intake
 * unit they went to; only that unit receives them and gives feedback.
 */
export const supportRecordsPolicy = {
  "support.records.write": async (ctx: AccessContext, target: RecordWriteTarget) => {
    const grant = await caseAccessOf(ctx, target.caseId);
    const writers: readonly string[] = RECORD_WRITERS[target.part];
    return grant.records.some((r) => r.scopes.includes(target.scope) && writers.includes(r.role));
  },
  "support.concern.read": (ctx: AccessContext, target: { reportId: string }) =>
    canReadConcern(ctx.db, ctx.actor.userId, target.reportId),
  "support.concern.intake": (ctx: AccessContext, target: { reportId: string }) =>
    isIntakeOfficerForReport(ctx.db, ctx.actor.userId, target.reportId),
  "support.configure": async (ctx: AccessContext, target: { municipalityId: string }) => {
    const places = await ctx.subtree("support.configure");
    return places === null || places.has(target.municipalityId);
  },
};

export const SUPPORT_RECORDS_HIDDEN_ACTIONS = [
  "support.records.write",
  "support.concern.read",
  "support.concern.intake",
] as const;
