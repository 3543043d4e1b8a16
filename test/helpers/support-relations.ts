import type { Role } from "../../src/domain/platform/roles.ts";
import type { CaseRole } from "../../src/domain/support/access.ts";
import type { TestApp } from "./app.ts";
import { actorWith, buildMunicipality } from "./factories.ts";
import { grantAs } from "./support.ts";

/** Every relation a person can have to a case, as the support matrices test them. */
export const RELATIONS = [
  "none",
  "expired",
  "discoverer",
  "child_contact",
  "coordinator",
  "team_member",
  "same_unit",
  "other_municipality",
  "org_admin",
  "emergency",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The case role each relation holds on the case; the others hold none. */
export const ON_CASE: Partial<Record<Relation, CaseRole>> = {
  expired: "team_member",
  discoverer: "discoverer",
  child_contact: "child_contact",
  coordinator: "support_coordinator",
  team_member: "team_member",
  emergency: "emergency",
};

export type RelationPeople = Map<Relation, { id: string; headers: Record<string, string> }>;

/** One signed-in person per relation: in the case's unit, its municipality, or another one. */
export async function relationPeople(
  t: TestApp,
  municipalityId: string,
  unitId: string,
): Promise<RelationPeople> {
  const other = await buildMunicipality(t.db);
  const homeOf: Record<Relation, [Role, string]> = {
    none: ["reader", municipalityId],
    expired: ["practitioner", unitId],
    discoverer: ["practitioner", unitId],
    child_contact: ["practitioner", unitId],
    coordinator: ["practitioner", unitId],
    team_member: ["practitioner", unitId],
    same_unit: ["practitioner", unitId],
    other_municipality: ["practitioner", other.id],
    org_admin: ["org_admin", municipalityId],
    emergency: ["practitioner", unitId],
  };
  const people: RelationPeople = new Map();
  await Promise.all(
    RELATIONS.map(async (relation) => {
      const [role, org] = homeOf[relation];
      const { user, headers } = await actorWith(t, role, org);
      people.set(relation, { id: user.id, headers });
    }),
  );
  return people;
}

/** Grants each relation its case role on the case; "expired" ended an hour ago. */
export async function grantRelations(
  t: TestApp,
  caseId: string,
  people: RelationPeople,
): Promise<Partial<Record<Relation, string>>> {
  const access: Partial<Record<Relation, string>> = {};
  const hour = 3_600_000;
  for (const [relation, role] of Object.entries(ON_CASE) as [Relation, CaseRole][]) {
    access[relation] = await grantAs(t, caseId, people.get(relation)!.id, {
      role,
      ...(relation === "expired"
        ? { validFrom: new Date(Date.now() - 2 * hour), validUntil: new Date(Date.now() - hour) }
        : {}),
    });
  }
  return access;
}
