import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { chronologyEntries } from "../../../db/schema/support-records.ts";
import type { ChronologyEntryCreateBodySchema } from "../../../domain/support/records-schemas.ts";
import type { RecordCase } from "../records-context.ts";

/** A chronology entry written by staff, in a part of the record they hold (the policy's rule). */
export async function addChronologyEntry(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  body: z.output<typeof ChronologyEntryCreateBodySchema>,
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(chronologyEntries).values({
    id,
    caseId: deps.caseId,
    occurredOn: body.occurredOn,
    kind: "manual",
    category: body.category,
    scope: body.scope,
    text: body.text,
    sourceOrganisation: body.sourceOrganisation,
    recordedBy: audit.actorId!,
  });
  await recordAudit(tx, audit, {
    action: "support.chronology.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { entryId: id, scope: body.scope, accessId: deps.accessId },
  });
  return id;
}
