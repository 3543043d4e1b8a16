import { createHash } from "node:crypto";
import type { DbOrTx } from "../../db/database.ts";
import { AssessmentSummarySchema } from "../../domain/readiness/api.ts";
import type { CachedJson } from "../platform/cached-json.ts";
import type { OrgIdSet } from "../platform/queries.ts";
import { type AssessmentListRow, assessmentListRows, listAssessmentPage } from "./list-queries.ts";
import { presentListEntry } from "./presenters.ts";

// Entries are kept by assessment with the versions of the rows they were made from, so an entry
// whose assessment, sheets or organisation name changed is made afresh; whole pages by their
// entries' ids and versions, so a page read again is sent (and compressed) as it was made. A
// version alone names no entry: rows written in one transaction share it.
const ENTRIES_KEPT = 10_000;
const PAGES_KEPT = 200;
const entries = new Map<string, { digest: string; json: string }>();
const pages = new Map<string, CachedJson>();

function keep(row: AssessmentListRow): { digest: string; json: string } {
  // Checked against the contract once, when made, as the response serializer would on each send.
  const entry = {
    digest: row.digest,
    json: JSON.stringify(AssessmentSummarySchema.parse(presentListEntry(row))),
  };
  if (entries.size >= ENTRIES_KEPT) entries.clear();
  entries.set(row.assessment.id, entry);
  return entry;
}

/**
 * One page of the readiness list as JSON. The page statement gives each entry's row versions;
 * only entries not kept under those versions are read in full (a second statement) and made.
 */
export async function assessmentListPage(
  db: DbOrTx,
  visible: OrgIdSet,
  userId: string,
  filter: { organisationId?: string },
  page: { limit: number; offset: number },
): Promise<CachedJson> {
  const listed = await listAssessmentPage(db, visible, userId, filter, page);
  const made = new Map<string, { digest: string; json: string }>();
  for (const { id, digest } of listed) {
    const kept = entries.get(id);
    if (kept?.digest === digest) made.set(id, kept);
  }
  const missing = listed.filter(({ id }) => !made.has(id)).map(({ id }) => id);
  if (missing.length > 0) {
    for (const row of await assessmentListRows(db, missing)) made.set(row.assessment.id, keep(row));
  }
  // An entry deleted between the two statements is left out; one changed is shown as it now is.
  const shown = listed.flatMap(({ id }) => {
    const entry = made.get(id);
    return entry ? [{ id, ...entry }] : [];
  });
  const etag = `"${createHash("sha1")
    .update(shown.map((entry) => `${entry.id}:${entry.digest}`).join(","))
    .digest("base64url")}"`;
  let cached = pages.get(etag);
  if (!cached) {
    cached = { body: `[${shown.map((entry) => entry.json).join(",")}]`, etag };
    if (pages.size >= PAGES_KEPT) pages.clear();
    pages.set(etag, cached);
  }
  return cached;
}
