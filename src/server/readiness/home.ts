import type { HomeItem, HomeLink } from "../../domain/platform/home.ts";
import { topicName } from "../../domain/readiness/topics.ts";
import type { AccessContext } from "../plugins/access.ts";
import { type HomeRow, readinessHomeRows } from "./home-queries.ts";

function assessmentTitle(row: HomeRow) {
  const topic = topicName(row.topic);
  return { sv: `${row.organisationName}: ${topic.sv}`, en: `${row.organisationName}: ${topic.en}` };
}

function interviewTitle(row: HomeRow) {
  const title = assessmentTitle(row);
  return {
    sv: `Intervju ${row.interviewNumber}, ${title.sv}`,
    en: `Interview ${row.interviewNumber}, ${title.en}`,
  };
}

function item(
  section: HomeItem["section"],
  kind: string,
  rows: HomeRow[],
  link: (row: HomeRow) => HomeLink,
): HomeItem[] {
  if (rows.length === 0) return [];
  return [{ section, kind, count: rows[0]!.total, items: rows.map(link) }];
}

/**
 * Readiness on the home page: score sheets to fill in, consensus to set, interviews and
 * assessments left unfinished, and the assessments in progress the person may read.
 */
export async function readinessHome(ctx: AccessContext): Promise<HomeItem[]> {
  const rows = await readinessHomeRows(
    ctx.db,
    await ctx.lineage("community.read"),
    ctx.actor.userId,
  );
  const base = (row: HomeRow) => `/readiness/${row.assessmentId}`;
  return [
    ...item("waiting", "scores", rows.scores, (row) => ({
      title: interviewTitle(row),
      href: `${base(row)}/interviews/${row.interviewId}/scores`,
      due: row.periodEnd,
    })),
    ...item("waiting", "consensus", rows.consensus, (row) => ({
      title: assessmentTitle(row),
      href: `${base(row)}/consensus`,
      due: row.periodEnd,
    })),
    ...item("waiting", "interviews", rows.interviews, (row) => ({
      title: interviewTitle(row),
      href: `${base(row)}/interviews/${row.interviewId}`,
      due: row.periodEnd,
    })),
    ...item("waiting", "setup", rows.setup, (row) => ({
      title: assessmentTitle(row),
      href: base(row),
    })),
    ...item("activity", "inProgress", rows.inProgress, (row) => ({
      title: assessmentTitle(row),
      href: base(row),
      due: row.periodEnd,
    })),
  ];
}
