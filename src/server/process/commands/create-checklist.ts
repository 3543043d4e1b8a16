import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { DbOrTx } from "../../../db/database.ts";
import { processChecklists } from "../../../db/schema/process.ts";
import {
  type ChecklistItem,
  DEFAULT_CHECKLIST_TITLE,
  nextChecklistVersion,
} from "../../../domain/process/checklist.ts";
import { type ChecklistRow, checklistVersions } from "../queries.ts";
import { checklistItems } from "./checklist-items.ts";

/**
 * An organisation's copy of a checklist, as a new version: the base stays as it was, and
 * processes move to the new version only when their coordinator chooses it.
 */
export async function createChecklist(
  db: DbOrTx,
  deps: { audit: AuditContext; actorId: string },
  input: {
    organisationId: string;
    title?: { sv: string; en: string };
    items?: ChecklistItem[];
  },
  base: ChecklistRow | null,
): Promise<ChecklistRow> {
  return db.transaction(async (tx) => {
    const version = nextChecklistVersion(await checklistVersions(tx, input.organisationId));
    const [row] = await tx
      .insert(processChecklists)
      .values({
        organisationId: input.organisationId,
        version,
        title: input.title ?? base?.title ?? DEFAULT_CHECKLIST_TITLE,
        items: input.items ?? [...checklistItems(base)],
        basedOnId: base?.id ?? null,
        createdBy: deps.actorId,
      })
      .returning();
    await recordAudit(tx, deps.audit, {
      action: "process.checklist.create",
      subjectType: "process_checklist",
      subjectId: row!.id,
      organisationId: input.organisationId,
      details: { version, basedOnId: base?.id ?? null, items: row!.items.length },
    });
    return row!;
  });
}
