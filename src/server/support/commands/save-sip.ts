import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type AuditContext, recordAudit } from "../../../db/audit.ts";
import type { Tx } from "../../../db/database.ts";
import { sips } from "../../../db/schema/support-records.ts";
import type {
  SipSaveBodySchema,
  SipUpdateBodySchema,
} from "../../../domain/support/records-schemas.ts";
import { BadRequestError, ConflictError } from "../../plugins/errors.ts";
import type { RecordCase } from "../records-context.ts";
import { sipConsentOfCase } from "../records-queries.ts";
import { addChronologyEvent } from "./chronology-event.ts";

type SipBody = z.output<typeof SipSaveBodySchema>;

async function checkConsent(tx: Tx, caseId: string, body: SipBody) {
  if (body.consentId !== null && !(await sipConsentOfCase(tx, caseId, body.consentId))) {
    throw new BadRequestError("Samtycket finns inte i ärendet.", [
      { path: "consentId", message: "Välj ett samtycke till SIP som har registrerats i ärendet." },
    ]);
  }
}

const values = (b: SipBody) => ({
  interventions: b.interventions,
  overallResponsible: b.overallResponsible,
  overallResponsibleName: b.overallResponsibleName,
  meetingOn: b.meetingOn,
  participants: b.participants,
  minutes: b.minutes,
  followUpOn: b.followUpOn,
  childGoals: b.childGoals,
  childVoice: b.childVoice,
  consentId: b.consentId,
});

/** Starts a SIP as a draft; it may be incomplete until it is agreed. */
export async function createSip(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  body: SipBody,
): Promise<string> {
  await checkConsent(tx, deps.caseId, body);
  const id = crypto.randomUUID();
  await tx
    .insert(sips)
    .values({ id, caseId: deps.caseId, ...values(body), createdBy: audit.actorId! });
  await meetingEvent(tx, audit, deps, id, null, body.meetingOn);
  await recordAudit(tx, audit, {
    action: "support.sip.create",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { sipId: id, accessId: deps.accessId },
  });
  return id;
}

/**
 * Changes a SIP. An agreed plan stays agreed only while it still has what the law requires (the
 * database's sips_agreed_complete check answers 409 otherwise).
 */
export async function updateSip(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase & { sipId: string; meetingOnBefore: string | null },
  body: z.output<typeof SipUpdateBodySchema>,
): Promise<void> {
  await checkConsent(tx, deps.caseId, body);
  const updated = await tx
    .update(sips)
    .set({ ...values(body), version: sql`${sips.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(eq(sips.id, deps.sipId), eq(sips.caseId, deps.caseId), eq(sips.version, body.version)),
    )
    .returning({ id: sips.id });
  if (updated.length === 0) {
    throw new ConflictError("Planen har ändrats av någon annan. Ladda om sidan och försök igen.");
  }
  await meetingEvent(tx, audit, deps, deps.sipId, deps.meetingOnBefore, body.meetingOn);
  await recordAudit(tx, audit, {
    action: "support.sip.update",
    subjectType: "support_case",
    subjectId: deps.caseId,
    organisationId: deps.municipalityId,
    personalData: true,
    details: { sipId: deps.sipId, accessId: deps.accessId },
  });
}

// A meeting date set or moved puts the SIP meeting in the chronology.
async function meetingEvent(
  tx: Tx,
  audit: AuditContext,
  deps: RecordCase,
  sipId: string,
  before: string | null,
  after: string | null,
) {
  if (after === null || after === before) return;
  await addChronologyEvent(tx, {
    caseId: deps.caseId,
    occurredOn: after,
    kind: "sip_meeting",
    category: "meeting",
    text: "SIP-möte",
    sourceId: sipId,
    recordedBy: audit.actorId!,
  });
}
