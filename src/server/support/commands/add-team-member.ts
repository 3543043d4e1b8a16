import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { supportTeamMembers } from "../../../db/schema/support-records.ts";
import { NotFoundError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { isPractitioner } from "../records-queries.ts";
import { grantCaseAccess } from "./grant-access.ts";

/** Adds a member to a team: membership is a team-member access record to the case. */
export async function addTeamMember(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase & { teamId: string },
  member: { userId: string; organisationName: string },
): Promise<string> {
  if (!(await isPractitioner(tx, member.userId))) {
    throw new NotFoundError("Personen finns inte eller kan inte få en roll i ärendet.");
  }
  const accessId = await grantCaseAccess(tx, audit, {
    caseId: deps.caseId,
    userId: member.userId,
    role: "team_member",
    basis: "case_role",
    municipalityId: deps.municipalityId,
  });
  // A person twice in one team violates team_members_team_user_key: 409, and the grant rolls back.
  await tx.insert(supportTeamMembers).values({
    teamId: deps.teamId,
    caseId: deps.caseId,
    userId: member.userId,
    organisationName: member.organisationName,
    accessId,
    addedBy: audit.actorId!,
  });
  await recordAudit(tx, audit, {
    action: "support.team.member_add",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { teamId: deps.teamId, userId: member.userId, accessId, grantedBy: deps.accessId },
  });
  return accessId;
}
