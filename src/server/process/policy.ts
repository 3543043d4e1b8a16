import { inSet } from "../platform/queries.ts";
import type { AccessContext } from "../plugins/access.ts";

interface OrgTarget {
  organisationId: string;
}
interface ChecklistTarget {
  organisationId: string | null;
}
interface CollaborationTarget {
  collaborationId: string;
}

/**
 * Every access rule of the process context. A process is community-level work: readable along
 * the lineage of the community that owns it, changed by those who may edit that community.
 */
export const processPolicy = {
  "process.create": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),

  "process.read": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.lineage("community.read"), target.organisationId),

  "process.edit": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),

  "process.checklist.read": async (ctx: AccessContext, target: ChecklistTarget) =>
    target.organisationId === null ||
    inSet(await ctx.lineage("community.read"), target.organisationId),

  "process.checklist.create": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),

  "process.overview.read": async (ctx: AccessContext, target: CollaborationTarget) =>
    inSet(await ctx.lineage("community.read"), target.collaborationId),
};
