import {
  CASE_ROLES,
  type CaseRole,
  type CaseScope,
  ROLES_BROADEST_FIRST,
} from "../../domain/support/access.ts";
import type { AccessContext } from "../plugins/access.ts";
import { type LiveAccessRow, liveAccessOnCase } from "./queries.ts";

/**
 * What `authorize` found for one person and one case: every live access record they hold there
 * (a discoverer may also be the child contact), the parts these open together, and for any part
 * the record it rests on, so that the audit row of a read states role, basis and access id.
 */
export interface CaseAccessGrant {
  caseId: string;
  records: readonly LiveAccessRow[];
  scopes: ReadonlySet<CaseScope>;
  roles: readonly CaseRole[];
}

/** The record that opens `scope` (any part when omitted), or null; the broadest role first. */
export function recordFor(grant: CaseAccessGrant, scope?: CaseScope): LiveAccessRow | null {
  for (const role of ROLES_BROADEST_FIRST) {
    const record = grant.records.find(
      (r) => r.role === role && (scope === undefined || r.scopes.includes(scope)),
    );
    if (record) return record;
  }
  return null;
}

export function holdsRole(grant: CaseAccessGrant, roles: readonly CaseRole[]): boolean {
  return grant.roles.some((r) => roles.includes(r));
}

const memo = new WeakMap<AccessContext, Map<string, Promise<CaseAccessGrant>>>();

/**
 * The caller's live access to a case, asked once per request: the policy's rules and the route's
 * presenter read the same answer, in the request transaction as the acting user.
 */
export function caseAccessOf(ctx: AccessContext, caseId: string): Promise<CaseAccessGrant> {
  let perCase = memo.get(ctx);
  if (!perCase) {
    perCase = new Map();
    memo.set(ctx, perCase);
  }
  let grant = perCase.get(caseId);
  if (!grant) {
    grant = liveAccessOnCase(ctx.db, ctx.actor.userId, caseId).then((records) => ({
      caseId,
      records,
      scopes: new Set(records.flatMap((r) => r.scopes)),
      roles: CASE_ROLES.filter((role) => records.some((r) => r.role === role)),
    }));
    perCase.set(caseId, grant);
  }
  return grant;
}

/** Forgets what was asked about a case in this request, after the request changed its access. */
export function forgetCaseAccess(ctx: AccessContext, caseId: string): void {
  memo.get(ctx)?.delete(caseId);
}
