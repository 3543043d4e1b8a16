import type { Tx } from "../database.ts";
import { areaGroupMembers, areaGroupSets, areaGroups, organisations } from "../schema/platform.ts";

/** Bengtsfors's localities as areas, beside "Bengtsfors centrum" from the organisation tree. */
const BENGTSFORS_AREAS = ["Billingsfors", "Bäckefors", "Dals Långed"];

/**
 * Two groupings of the same areas that cut them differently: districts and school catchments.
 * Keys are area names; "Bengtsfors centrum" comes from the demo tree.
 */
const BENGTSFORS_SETS = [
  {
    name: "Stadsdelar",
    kind: "district" as const,
    description: "Kommunens indelning i kommundelar för uppföljning",
    groups: [
      { name: "Norra kommundelen", areas: ["Bengtsfors centrum", "Billingsfors"] },
      { name: "Södra kommundelen", areas: ["Bäckefors", "Dals Långed"] },
    ],
  },
  {
    name: "Skolupptagningsområden",
    kind: "school_catchment" as const,
    description: "Vilken 7–9-skola eleverna i området hör till",
    groups: [
      {
        name: "Gerdinskolans upptagningsområde",
        areas: ["Bengtsfors centrum", "Bäckefors"],
      },
      { name: "Dals Långeds upptagningsområde", areas: ["Billingsfors", "Dals Långed"] },
    ],
  },
];

/** Bengtsfors's extra areas and its two group sets, in the demo seed's transaction. */
export async function seedDemoAreaGroups(tx: Tx, ids: Map<string, string>): Promise<void> {
  const municipalityId = ids.get("bengtsfors");
  const centrumId = ids.get("bengtsfors-centrum");
  if (!municipalityId || !centrumId) throw new Error("Bengtsfors is missing from the demo tree");
  const areaIds = new Map<string, string>([["Bengtsfors centrum", centrumId]]);
  for (const name of BENGTSFORS_AREAS) {
    const [row] = await tx
      .insert(organisations)
      .values({ kind: "area", parentId: municipalityId, name, areaType: "other" })
      .returning({ id: organisations.id });
    areaIds.set(name, row!.id);
  }
  for (const spec of BENGTSFORS_SETS) {
    const [set] = await tx
      .insert(areaGroupSets)
      .values({
        municipalityId,
        name: spec.name,
        kind: spec.kind,
        description: spec.description,
      })
      .returning({ id: areaGroupSets.id });
    for (const g of spec.groups) {
      const [group] = await tx
        .insert(areaGroups)
        .values({ groupSetId: set!.id, name: g.name })
        .returning({ id: areaGroups.id });
      await tx.insert(areaGroupMembers).values(
        g.areas.map((area) => ({
          groupId: group!.id,
          groupSetId: set!.id,
          areaId: areaIds.get(area)!,
        })),
      );
    }
  }
}
