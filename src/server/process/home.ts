import type { HomeItem } from "../../domain/platform/home.ts";
import type { AccessContext } from "../plugins/access.ts";
import { today } from "./detail.ts";
import { processHomeRows } from "./home-queries.ts";

/**
 * The process on the home page: milestones the person is responsible for that are due, and
 * phases ready for the decision that completes them, for those who may take it.
 */
export async function processHome(ctx: AccessContext): Promise<HomeItem[]> {
  const rows = await processHomeRows(
    ctx.db,
    await ctx.lineage("community.read"),
    await ctx.subtree("community.edit"),
    ctx.actor.userId,
    today(),
  );
  const items: HomeItem[] = [];
  if (rows.due.length > 0) {
    items.push({
      section: "waiting",
      kind: "itemsDue",
      count: rows.due[0]!.total,
      items: rows.due.map((r) => ({
        title: {
          sv: `${r.organisationName}: ${r.itemText.sv}`,
          en: `${r.organisationName}: ${r.itemText.en}`,
        },
        href: `/process/${r.processId}`,
        ...(r.dueOn ? { due: r.dueOn } : {}),
      })),
    });
  }
  if (rows.decisions.length > 0) {
    items.push({
      section: "waiting",
      kind: "phasesReady",
      count: rows.decisions[0]!.total,
      items: rows.decisions.map((r) => ({
        title: {
          sv: `${r.organisationName}: fas ${r.phase} är redo att avslutas`,
          en: `${r.organisationName}: phase ${r.phase} is ready to complete`,
        },
        href: `/process/${r.processId}`,
      })),
    });
  }
  return items;
}
