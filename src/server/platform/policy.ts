import { holdingsOf, type Role } from "../../domain/platform/roles.ts";
import type { AccessContext } from "../plugins/access.ts";
import { isSystemAdmin } from "../plugins/actor.ts";
import { inSet } from "./queries.ts";

interface OrgTarget {
  id: string;
}
interface NewOrgTarget {
  parentId: string | null;
}
interface UserTarget {
  userId: string;
  /** Organisations where the user holds a role. */
  organisationIds: string[];
  /** Every role the user holds, the platform-wide one included. */
  grants: { role: Role; organisationId: string | null }[];
}
interface GrantTarget {
  organisationId: string | null;
  role: Role;
}
/** An area group set, or something in one: the municipality whose areas it groups. */
interface AreaGroupTarget {
  municipalityId: string;
}
/** A background job: whoever started it. */
interface JobTarget {
  requestedBy: string | null;
}
interface AuditScope {
  organisationId: string | null;
}

/** Every access rule of the platform context: organisations, users, roles, audit, settings. */
export const platformPolicy = {
  "organisation.read": async (ctx: AccessContext, org: OrgTarget) =>
    inSet(await ctx.lineage("organisation.read"), org.id),

  // A top-level organisation (a region) is the platform administrator's to create.
  "organisation.create": async (ctx: AccessContext, target: NewOrgTarget) =>
    target.parentId === null
      ? isSystemAdmin(ctx.actor)
      : inSet(await ctx.subtree("organisation.manage"), target.parentId),

  "organisation.update": async (ctx: AccessContext, org: OrgTarget) =>
    inSet(await ctx.subtree("organisation.manage"), org.id),

  // Area groupings are read like their municipality and changed by those who manage it.
  "areaGroup.read": async (ctx: AccessContext, target: AreaGroupTarget) =>
    inSet(await ctx.lineage("organisation.read"), target.municipalityId),

  "areaGroup.manage": async (ctx: AccessContext, target: AreaGroupTarget) =>
    inSet(await ctx.subtree("organisation.manage"), target.municipalityId),

  "user.read": async (ctx: AccessContext, user: UserTarget) => {
    if (user.userId === ctx.actor.userId || isSystemAdmin(ctx.actor)) return true;
    const scope = await ctx.subtree("user.read");
    return user.organisationIds.some((id) => inSet(scope, id));
  },

  // Changing a person's account touches every organisation they work in, so the administrator
  // must cover all of them. A password or two-factor reset lets the administrator become that
  // person, so they must also already hold everything the person holds, where the person holds
  // it or above: a system administrator's account is a system administrator's to change.
  "user.update": async (ctx: AccessContext, user: UserTarget) => {
    if (isSystemAdmin(ctx.actor)) return true;
    if (user.userId === ctx.actor.userId || user.organisationIds.length === 0) return false;
    const scope = await ctx.subtree("user.manage");
    if (!user.organisationIds.every((id) => inSet(scope, id))) return false;
    for (const { permission, organisationId } of holdingsOf(user.grants)) {
      if (organisationId === null) return false;
      if (!inSet(await ctx.subtree(permission), organisationId)) return false;
    }
    return true;
  },

  "role.grant": async (ctx: AccessContext, grant: GrantTarget) =>
    grant.role === "system_admin" || grant.organisationId === null
      ? isSystemAdmin(ctx.actor)
      : inSet(await ctx.subtree("user.manage"), grant.organisationId),

  "audit.read": async (ctx: AccessContext, scope: AuditScope) =>
    scope.organisationId === null
      ? isSystemAdmin(ctx.actor)
      : inSet(await ctx.subtree("audit.read"), scope.organisationId),

  "settings.manage": (ctx: AccessContext, _target: null) => isSystemAdmin(ctx.actor),

  // A job is followed and stopped by the person who started it (and the platform administrator);
  // to anyone else it does not exist, as its progress may say what someone is working on.
  "job.read": (ctx: AccessContext, job: JobTarget) =>
    job.requestedBy === ctx.actor.userId || isSystemAdmin(ctx.actor),
  "job.cancel": (ctx: AccessContext, job: JobTarget) =>
    job.requestedBy === ctx.actor.userId || isSystemAdmin(ctx.actor),
};
