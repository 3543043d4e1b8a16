import type { CaseScope } from "../../domain/support/access.ts";
import type { AccessContext } from "../plugins/access.ts";
import { hasCaseAccess } from "./queries.ts";

interface CaseTarget {
  caseId: string;
  scope: CaseScope;
}

/**
 * Individual-level rules. No organisation role opens a case, not even the platform
 * administrator's: only a live access record does.
 */
export const supportPolicy = {
  "case.read": (ctx: AccessContext, target: CaseTarget) =>
    hasCaseAccess(ctx.db, ctx.actor.userId, target.caseId, target.scope),
};
