import { inSet } from "../platform/queries.ts";
import type { AccessContext } from "../plugins/access.ts";

interface OrgTarget {
  organisationId: string;
}
interface InstrumentTarget {
  organisationId: string | null;
}

/**
 * Every access rule of area profiles. Profiles are community-level aggregates, readable along
 * the lineage of the owning municipality; imports, instruments and prioritisations are made in
 * the municipality's subtree by those holding the right permission.
 */
export const profilePolicy = {
  "profile.instrument.read": async (ctx: AccessContext, target: InstrumentTarget) =>
    target.organisationId === null ||
    inSet(await ctx.lineage("community.read"), target.organisationId),
  "profile.instrument.create": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),
  "profile.wave.read": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.lineage("community.read"), target.organisationId),
  "profile.wave.import": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("profile.import"), target.organisationId),
  "profile.prioritise": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("community.edit"), target.organisationId),
  "profile.indicator.read": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.lineage("community.read"), target.organisationId),
  "profile.indicator.import": async (ctx: AccessContext, target: OrgTarget) =>
    inSet(await ctx.subtree("profile.import"), target.organisationId),
};
