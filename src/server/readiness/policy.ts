import { inSet } from "../platform/queries.ts";
import type { AccessContext } from "../plugins/access.ts";
import { isSystemAdmin } from "../plugins/actor.ts";
import { readableAssessmentIds, type TeamRole, teamRolesOf } from "./queries.ts";

interface OrgTarget {
  organisationId: string;
}
interface GuideTarget {
  organisationId: string | null;
}
interface AssessmentTarget {
  id: string;
  organisationId: string;
}

// Several rules ask about the caller's place on one team within a request: ask the database once.
const teamMemo = new WeakMap<AccessContext, Map<string, Promise<TeamRole[]>>>();

function teamRoles(ctx: AccessContext, assessmentId: string): Promise<TeamRole[]> {
  let memo = teamMemo.get(ctx);
  if (!memo) {
    memo = new Map();
    teamMemo.set(ctx, memo);
  }
  let roles = memo.get(assessmentId);
  if (!roles) {
    roles = teamRolesOf(ctx.db, assessmentId, ctx.actor.userId);
    memo.set(assessmentId, roles);
  }
  return roles;
}

/**
 * The caller's roles on a team, as a read in the same transaction found them (the detail view
 * loads the whole team): the rules asked afterwards need no query of their own, and see the team
 * as a change earlier in the request left it.
 */
export function knownTeamRoles(ctx: AccessContext, assessmentId: string, roles: TeamRole[]): void {
  let memo = teamMemo.get(ctx);
  if (!memo) {
    memo = new Map();
    teamMemo.set(ctx, memo);
  }
  memo.set(assessmentId, Promise.resolve(roles));
}

/** Team rules: no organisation role substitutes for a place on the team. */
const onTeam =
  (...roles: TeamRole[]) =>
  async (ctx: AccessContext, target: AssessmentTarget) => {
    const held = await teamRoles(ctx, target.id);
    return roles.length === 0 ? held.length > 0 : held.some((role) => roles.includes(role));
  };

/**
 * Every access rule of the readiness context. Results are community-level data, readable along
 * the lineage of the owning organisation; the work itself (team, respondents, interviews, scores,
 * consensus) belongs to the assessment's team.
 */
export const readinessPolicy = {
  "readiness.guide.read": async (ctx: AccessContext, guide: GuideTarget) =>
    guide.organisationId === null ||
    inSet(await ctx.lineage("community.read"), guide.organisationId),

  "readiness.guide.create": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),

  "readiness.create": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),

  // The same rule as the lists, for one record (readableWhere): its organisation in the caller's
  // lineage answers without a query; otherwise the query asks about a place on its team.
  "readiness.read": async (ctx: AccessContext, target: AssessmentTarget) => {
    const visible = await ctx.lineage("community.read");
    if (inSet(visible, target.organisationId)) return true;
    return (await readableAssessmentIds(ctx.db, [target.id], visible, ctx.actor.userId)).has(
      target.id,
    );
  },

  "readiness.edit": onTeam("lead"),
  "readiness.team.manage": onTeam("lead"),
  "readiness.respondent.manage": onTeam(),
  // Names and contact details of respondents: the team only, not even the system administrator.
  "readiness.respondent.identify": onTeam(),
  "readiness.interview.create": onTeam("interviewer", "lead"),
  "readiness.interview.save": onTeam("interviewer", "lead"),
  // Interview notes are the team's; the system administrator may read them (audited).
  "readiness.interview.read": async (ctx: AccessContext, target: AssessmentTarget) =>
    isSystemAdmin(ctx.actor) || (await onTeam()(ctx, target)),
  "readiness.score": onTeam("scorer"),
  "readiness.consensus": onTeam("scorer", "lead"),
};
