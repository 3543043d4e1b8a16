import type { CaseRole, CaseScope } from "../../domain/support/access.ts";
import type { AccessContext } from "../plugins/access.ts";
import { caseAccessOf, holdsRole } from "./case-access.ts";
import { openCaseMunicipality } from "./queries.ts";

export interface CaseTarget {
  caseId: string;
  /** The part asked for; any part of the case when omitted. */
  scope?: CaseScope;
}

/** Who may bring in a child contact: the discoverer, or the responsible people. */
export const ACTIVATING_ROLES: readonly CaseRole[] = [
  "discoverer",
  "child_contact",
  "support_coordinator",
];
/** Who is responsible for the case, and so may close it. */
export const RESPONSIBLE_ROLES: readonly CaseRole[] = ["child_contact", "support_coordinator"];

async function caseScope(ctx: AccessContext, t: CaseTarget): Promise<boolean> {
  const grant = await caseAccessOf(ctx, t.caseId);
  return t.scope === undefined ? grant.records.length > 0 : grant.scopes.has(t.scope);
}

/** Log review shows who read which case and why, never the case's content. */
async function reviews(ctx: AccessContext): Promise<boolean> {
  const places = await ctx.subtree("support.review");
  return places === null || places.size > 0;
}

async function caseRole(ctx: AccessContext, caseId: string, roles: readonly CaseRole[]) {
  return holdsRole(await caseAccessOf(ctx, caseId), roles);
}

/**
 * Individual-level rules. No organisation role opens a case, not even the platform
 * administrator's: only a live access record does (support.live_access_rows). Emergency access
 * is the one door without one: staff of the case's municipality, with a reason and an end time.
 */
export const supportPolicy = {
  "case.read": (ctx: AccessContext, target: CaseTarget) => caseScope(ctx, target),
  "case.activate_contact": (ctx: AccessContext, target: CaseTarget) =>
    caseRole(ctx, target.caseId, ACTIVATING_ROLES),
  "case.identify": (ctx: AccessContext, target: CaseTarget) =>
    caseRole(ctx, target.caseId, ACTIVATING_ROLES),
  "case.close": (ctx: AccessContext, target: CaseTarget) =>
    caseRole(ctx, target.caseId, RESPONSIBLE_ROLES),
  "consent.record": (ctx: AccessContext, target: CaseTarget) =>
    caseScope(ctx, { caseId: target.caseId, scope: "consents" }),
  "consent.withdraw": (ctx: AccessContext, target: CaseTarget) =>
    caseScope(ctx, { caseId: target.caseId, scope: "consents" }),
  "case.emergency": async (ctx: AccessContext, target: CaseTarget) => {
    const municipality = await openCaseMunicipality(ctx.db, target.caseId);
    if (municipality === null) return false;
    // A held role in the municipality's tree, never the platform-wide one (lineage null).
    const places = await ctx.lineage("support.work");
    return places?.has(municipality) === true;
  },
  "emergency.review": (ctx: AccessContext, _target: Record<string, never>) => reviews(ctx),
  "access_review.read": (ctx: AccessContext, _target: Record<string, never>) => reviews(ctx),
};
