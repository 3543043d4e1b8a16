import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { supportTeams } from "../../../db/schema/support-records.ts";
import type { TeamKind } from "../../../domain/support/teams.ts";
import type { RecordCase } from "../records-context.ts";
import { addChronologyEvent } from "./chronology-event.ts";

/** Forms a child team (age band) or an individual team around the case; one of each kind. */
export async function formTeam(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  kind: TeamKind,
  today: string,
): Promise<string> {
  const id = crypto.randomUUID();
  // A second team of the same kind violates teams_case_kind_key: 409 from the error handler.
  await tx.insert(supportTeams).values({ id, caseId: deps.caseId, kind, formedBy: audit.actorId! });
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: today,
    kind: "team_formed",
    category: "support",
    text: kind === "individual" ? "Individuellt team bildat" : "Barnteam kopplat till ärendet",
    sourceId: id,
    recordedBy: audit.actorId!,
  });
  await recordAudit(tx, audit, {
    action: "support.team.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { teamId: id, kind, accessId: deps.accessId },
  });
  return id;
}
