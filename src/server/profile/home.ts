import type { HomeItem } from "../../domain/platform/home.ts";
import type { AccessContext } from "../plugins/access.ts";
import { profileHomeRows } from "./home-queries.ts";

/**
 * Area profiles on the home page: imports checked and waiting to be confirmed, for those who may
 * confirm them (who started it first), and waves whose data is in but whose factors nobody has
 * prioritised yet, for those who may record the prioritisation.
 */
export async function profileHome(ctx: AccessContext): Promise<HomeItem[]> {
  const rows = await profileHomeRows(
    ctx.db,
    await ctx.lineage("community.read"),
    await ctx.subtree("profile.import"),
    await ctx.subtree("community.edit"),
    ctx.actor.userId,
  );
  const items: HomeItem[] = [];
  if (rows.imports.length > 0) {
    items.push({
      section: "waiting",
      kind: "importsToConfirm",
      count: rows.imports[0]!.total,
      items: rows.imports.map((r) => ({
        title: {
          sv: `${r.organisationName}, ${r.waveName}: ${r.fileName}`,
          en: `${r.organisationName}, ${r.waveName}: ${r.fileName}`,
        },
        href: `/profile/import?import=${r.importId}`,
      })),
    });
  }
  if (rows.unprioritised.length > 0) {
    items.push({
      section: "waiting",
      kind: "wavesToPrioritise",
      count: rows.unprioritised[0]!.total,
      items: rows.unprioritised.map((r) => ({
        title: {
          sv: `${r.organisationName}: ${r.waveName}`,
          en: `${r.organisationName}: ${r.waveName}`,
        },
        href: `/profile/waves/${r.waveId}/prioritise`,
      })),
    });
  }
  return items;
}
