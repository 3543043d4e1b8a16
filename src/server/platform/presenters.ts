import type { z } from "zod";
import type {
  areaGroupSets,
  areaGroups,
  organisations,
  sessions,
  users,
} from "../../db/schema/platform.ts";
import type { AreaGroupSchema, AreaGroupSetSchema } from "../../domain/platform/area-groups.ts";
import type {
  AuditEntrySchema,
  GrantSchema,
  OrganisationSchema,
  OwnSessionSchema,
  UserSchema,
  UserSummarySchema,
} from "../../domain/platform/schemas.ts";
import type { AuditEntryRow } from "./audit-queries.ts";
import { type AuditNames, subjectKey } from "./audit-subjects.ts";

type OrganisationRow = typeof organisations.$inferSelect & { countyName?: string | null };
type UserRow = typeof users.$inferSelect;
type Grant = z.infer<typeof GrantSchema>;

export function presentOrganisation(
  org: OrganisationRow,
  options: { abilities?: z.infer<typeof OrganisationSchema>["abilities"] } = {},
): z.infer<typeof OrganisationSchema> {
  return {
    id: org.id,
    kind: org.kind,
    parentId: org.parentId,
    name: org.name,
    municipalityCode: org.municipalityCode,
    countyName: org.countyName ?? null,
    sector: org.sector,
    areaType: org.areaType,
    description: org.description,
    archived: org.archivedAt !== null,
    version: org.version,
    ...(options.abilities ? { abilities: options.abilities } : {}),
  };
}

// Password hashes and TOTP secrets never leave the server: fields are listed, never spread.
export function presentUserSummary(
  user: Pick<
    UserRow,
    "id" | "email" | "displayName" | "disabledAt" | "lockedUntil" | "totpEnabledAt"
  >,
  grants: Grant[],
): z.infer<typeof UserSummarySchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    disabled: user.disabledAt !== null,
    locked: user.lockedUntil !== null && user.lockedUntil > new Date(),
    totpEnabled: user.totpEnabledAt !== null,
    grants,
  };
}

export function presentUser(
  user: UserRow,
  grants: Grant[],
  abilities: { update: boolean },
): z.infer<typeof UserSchema> {
  return {
    ...presentUserSummary(user, grants),
    locale: user.locale,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
    abilities,
  };
}

/** One audit row with the names found for its page (`nameAuditRows`). */
export function presentAuditEntry(
  row: AuditEntryRow,
  names: AuditNames,
): z.infer<typeof AuditEntrySchema> {
  const subject =
    row.subjectType && row.subjectId
      ? names.subjects.get(subjectKey(row.subjectType, row.subjectId))
      : undefined;
  return {
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    actorName: (row.actorId && names.actors.get(row.actorId)) || null,
    action: row.action,
    outcome: row.outcome,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName: subject?.name ?? null,
    subjectPath: subject?.path ?? null,
    organisationId: row.organisationId,
    personalData: row.personalData,
    reason: row.reason,
    ip: row.ip,
    details: row.details as Record<string, unknown>,
  };
}

export function presentAreaGroup(
  group: typeof areaGroups.$inferSelect,
  areaIds: string[],
): z.infer<typeof AreaGroupSchema> {
  return {
    id: group.id,
    groupSetId: group.groupSetId,
    name: group.name,
    version: group.version,
    areaIds,
  };
}

export function presentAreaGroupSet(
  set: typeof areaGroupSets.$inferSelect,
  groups: z.infer<typeof AreaGroupSchema>[],
): z.infer<typeof AreaGroupSetSchema> {
  return {
    id: set.id,
    municipalityId: set.municipalityId,
    name: set.name,
    kind: set.kind,
    description: set.description,
    version: set.version,
    groups,
  };
}

/** One of the caller's own sessions: the token and its hash never leave the server. */
export function presentOwnSession(
  session: typeof sessions.$inferSelect,
  currentId: string,
): z.infer<typeof OwnSessionSchema> {
  return {
    id: session.publicId,
    authMethod: session.authMethod,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === currentId,
  };
}
