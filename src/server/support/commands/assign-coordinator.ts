import type { AuditContext } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { ConflictError, NotFoundError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { coordinatorsOf, isPractitioner } from "../records-queries.ts";
import { addChronologyEvent } from "./chronology-event.ts";
import { grantCaseAccess } from "./grant-access.ts";

/**
 * Escalation: a support coordinator is brought in when the child needs interventions from
 * several organisations at once. The coordinator's right to the case is an access record made by
 * the one grant command; one coordinator at a time.
 */
export async function assignCoordinator(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  userId: string,
  today: string,
): Promise<string> {
  if (!(await isPractitioner(tx, userId))) {
    throw new NotFoundError("Personen finns inte eller kan inte få en roll i ärendet.");
  }
  if ((await coordinatorsOf(tx, deps.caseId)).length > 0) {
    throw new ConflictError("Ärendet har redan en stödsamordnare.");
  }
  const accessId = await grantCaseAccess(tx, audit, {
    caseId: deps.caseId,
    userId,
    role: "support_coordinator",
    basis: "case_role",
    municipalityId: deps.municipalityId,
  });
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: today,
    kind: "coordinator_assigned",
    category: "support",
    text: "Stödsamordnare utsedd",
    sourceId: accessId,
    recordedBy: audit.actorId!,
  });
  return accessId;
}
