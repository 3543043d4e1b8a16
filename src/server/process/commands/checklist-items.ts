import type { Tx } from "../../../db/database.ts";
import { processItems, processPhases } from "../../../db/schema/process.ts";
import { type ChecklistItem, DEFAULT_CHECKLIST } from "../../../domain/process/checklist.ts";
import type { PhaseNumber } from "../../../domain/process/phases.ts";
import type { ChecklistRow } from "../queries.ts";

/** The items of a checklist version; Paraply's own when there is no organisation copy. */
export function checklistItems(
  checklist: ChecklistRow | null | undefined,
): readonly ChecklistItem[] {
  return checklist ? checklist.items : DEFAULT_CHECKLIST;
}

/**
 * Copies a checklist's items for the given phases into a cycle. The copy is the cycle's own:
 * later versions of the checklist do not change it.
 */
export async function copyItems(
  tx: Tx,
  cycleId: string,
  items: readonly ChecklistItem[],
  phases: readonly PhaseNumber[],
): Promise<void> {
  const rows = items
    .map((item, position) => ({ item, position }))
    .filter(({ item }) => phases.includes(item.phase))
    .map(({ item, position }) => ({
      cycleId,
      phase: item.phase,
      key: item.key,
      position,
      required: item.required,
      text: item.text,
    }));
  if (rows.length > 0) await tx.insert(processItems).values(rows);
}

/** One row per phase of the cycle; the first has started. */
export async function createPhases(
  tx: Tx,
  cycleId: string,
  phases: readonly PhaseNumber[],
  startedOn: string,
): Promise<void> {
  await tx
    .insert(processPhases)
    .values(phases.map((phase, i) => ({ cycleId, phase, startedOn: i === 0 ? startedOn : null })));
}
