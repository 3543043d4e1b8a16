import type { HomeItem } from "../../domain/platform/home.ts";
import type { AccessContext } from "../plugins/access.ts";
import { supportHomeRows } from "./home-queries.ts";

/** A calendar day in Sweden, as the home page shows dates. */
const swedishDay = (iso: string) =>
  new Date(iso).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/**
 * Support on the home page: cases whose needs the caller, as child contact, has yet to assess,
 * and reports of concern waiting for feedback in the caller's intake unit. Titles name the date,
 * never the child.
 */
export async function supportHome(ctx: AccessContext): Promise<HomeItem[]> {
  const rows = await supportHomeRows(ctx.db, ctx.actor.userId);
  const items: HomeItem[] = [];
  if (rows.toAssess.length > 0) {
    items.push({
      section: "waiting",
      kind: "toAssess",
      count: rows.toAssess[0]!.total,
      items: rows.toAssess.map((r) => ({
        title: {
          sv: `Ärende öppnat ${swedishDay(r.openedAt)}`,
          en: `Case opened ${swedishDay(r.openedAt)}`,
        },
        href: `/support/cases/${r.caseId}/assessment`,
      })),
    });
  }
  if (rows.awaitingFeedback.length > 0) {
    items.push({
      section: "waiting",
      kind: "awaitingFeedback",
      count: rows.awaitingFeedback[0]!.total,
      items: rows.awaitingFeedback.map((r) => ({
        title: {
          sv: `Orosanmälan från ${swedishDay(r.sentAt)}`,
          en: `Report of concern of ${swedishDay(r.sentAt)}`,
        },
        href: "/support/reports",
        ...(r.feedbackDueAt ? { due: swedishDay(r.feedbackDueAt) } : {}),
      })),
    });
  }
  return items;
}
