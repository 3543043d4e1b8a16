/**
 * The organisation tree: region → collaboration → municipality → area → unit.
 * Swedish: region, samverkan, kommun, område, enhet; units belong to a sector (sektor).
 */
export const ORGANISATION_KINDS = [
  "region",
  "collaboration",
  "municipality",
  "area",
  "unit",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const SECTORS = [
  "skola",
  "socialtjanst",
  "halso_och_sjukvard",
  "polis",
  "fritid",
  "civilsamhalle",
  "annan",
] as const;
export type Sector = (typeof SECTORS)[number];

/** Ways an area is drawn; several can exist side by side in one municipality. */
export const AREA_TYPES = ["district", "school_catchment", "deso", "regso", "other"] as const;
export type AreaType = (typeof AREA_TYPES)[number];

// A municipality outside any collaboration hangs directly under its region, and units can sit
// directly under a municipality when they serve all of it (e.g. social services).
const ALLOWED_PARENTS: Record<OrganisationKind, readonly (OrganisationKind | null)[]> = {
  region: [null],
  collaboration: ["region"],
  municipality: ["region", "collaboration"],
  area: ["municipality", "area"],
  unit: ["municipality", "area"],
};

export function canHaveParent(
  kind: OrganisationKind,
  parentKind: OrganisationKind | null,
): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export function allowedParentKinds(kind: OrganisationKind): readonly (OrganisationKind | null)[] {
  return ALLOWED_PARENTS[kind];
}
