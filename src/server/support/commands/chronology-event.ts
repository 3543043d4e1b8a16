import type { Tx } from "../../../db/database.ts";
import { chronologyEntries } from "../../../db/schema/support-records.ts";
import {
  type ChronologyCategory,
  type ChronologyKind,
  EVENT_SCOPE,
} from "../../../domain/support/chronology.ts";

export interface ChronologyEventInput {
  caseId: string;
  occurredOn: string;
  kind: Exclude<ChronologyKind, "manual">;
  category: ChronologyCategory;
  text: string;
  sourceId: string;
  recordedBy: string;
}

/**
 * Writes the chronology entry of a record as it is made, so that the chronology fills itself;
 * the entry's part is the record's, so nobody reads of it in the chronology what the record
 * itself would not show them. Part of the command's transaction: no audit row of its own.
 */
export async function addChronologyEvent(tx: Tx, input: ChronologyEventInput): Promise<void> {
  await tx.insert(chronologyEntries).values({ ...input, scope: EVENT_SCOPE[input.kind] });
}
