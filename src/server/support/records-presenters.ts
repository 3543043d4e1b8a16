import type { z } from "zod";
import { type CompassNeed, compassSeries } from "../../domain/support/compass.ts";
import { isFeedbackOverdue } from "../../domain/support/concern.ts";
import { LEGAL_DUTIES } from "../../domain/support/disclosures.ts";
import { isEvaluationDue, isMeasureOverdue } from "../../domain/support/plan.ts";
import type {
  AssessmentListSchema,
  ChronologyEventSchema,
  ConcernReceiptSchema,
  ConcernReportSchema,
  DisclosureSchema,
  MeasureSchema,
  SipSchema,
} from "../../domain/support/records-schemas.ts";
import { type SipContent, type SipIntervention, sipMissing } from "../../domain/support/sip.ts";
import type {
  AssessmentRow,
  ConcernRow,
  chronologyOf,
  disclosuresOf,
  measuresOf,
  sipsOf,
} from "./records-queries.ts";

/** Every field that leaves the server for a case's records, listed by hand. */

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Assessments in the order of the municipality's needs; ratings of needs since removed stay. */
export function presentAssessments(
  rows: AssessmentRow[],
  needs: readonly CompassNeed[],
): z.input<typeof AssessmentListSchema> {
  const order = (need: string) => {
    const i = needs.findIndex((n) => n.key === need);
    return i === -1 ? needs.length : i;
  };
  return {
    needs: needs.map((n) => ({ key: n.key, sv: n.sv, en: n.en })),
    assessments: rows.map((a) => ({
      id: a.id,
      assessedOn: a.assessedOn,
      ratings: [...a.ratings].sort((x, y) => order(x.need) - order(y.need)),
      childView: a.childView,
      guardiansView: a.guardiansView,
      summary: a.summary,
      assessedBy: { userId: a.assessedBy, name: a.assessorName },
      createdAt: a.createdAt.toISOString(),
    })),
    series: compassSeries(
      rows.map((a) => ({ id: a.id, assessedOn: a.assessedOn, ratings: a.ratings })),
      needs,
    ),
  };
}

type MeasureRow = Awaited<ReturnType<typeof measuresOf>>[number];

export function presentMeasure(m: MeasureRow, today: string): z.input<typeof MeasureSchema> {
  return {
    id: m.id,
    what: m.what,
    ownerName: m.ownerName,
    ownerUserId: m.ownerUserId,
    dueOn: m.dueOn,
    evaluateOn: m.evaluateOn,
    status: m.status,
    evaluation: m.evaluation,
    overdue: isMeasureOverdue(m, today),
    evaluationDue: isEvaluationDue(m, today),
    version: m.version,
  };
}

type SipRow = Awaited<ReturnType<typeof sipsOf>>[number];

export function sipContent(s: SipRow): SipContent & {
  participants: { name: string; role: string }[];
} {
  return {
    interventions: s.interventions as SipIntervention[],
    overallResponsible: s.overallResponsible,
    meetingOn: s.meetingOn,
    participants: s.participants as { name: string; role: string }[],
    followUpOn: s.followUpOn,
    childGoals: s.childGoals,
  };
}

export function presentSip(s: SipRow): z.input<typeof SipSchema> {
  const content = sipContent(s);
  return {
    id: s.id,
    status: s.status,
    interventions: content.interventions.map((i) => ({
      what: i.what,
      responsibleKind: i.responsibleKind,
      responsibleName: i.responsibleName,
    })),
    overallResponsible: s.overallResponsible,
    overallResponsibleName: s.overallResponsibleName,
    meetingOn: s.meetingOn,
    participants: content.participants.map((p) => ({ name: p.name, role: p.role })),
    minutes: s.minutes,
    followUpOn: s.followUpOn,
    childGoals: s.childGoals,
    childVoice: s.childVoice,
    consentId: s.consentId,
    missing: sipMissing(content),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export function presentConcernReceipt(
  r: ConcernRow,
  now: Date,
): z.input<typeof ConcernReceiptSchema> {
  return {
    id: r.id,
    status: r.status,
    intakeUnit: r.intakeUnitName,
    sentAt: r.sentAt.toISOString(),
    receivedAt: iso(r.receivedAt),
    feedbackDueAt: iso(r.feedbackDueAt),
    feedbackOverdue: isFeedbackOverdue(r, now),
    feedbackAt: iso(r.feedbackAt),
  };
}

/**
 * The whole report: for the intake unit, the reporter and the case's concern_reports part. That a
 * child has a case is itself secret: the case is named only to the reporter who linked it and
 * to readers of the case (`viewerId` is the reader).
 */
export function presentConcernReport(
  r: ConcernRow,
  now: Date,
  viewerId: string,
): z.input<typeof ConcernReportSchema> {
  return {
    ...presentConcernReceipt(r, now),
    caseId: r.reporterId === viewerId ? r.caseId : null,
    childPersonalNumber: r.childPersonalNumber,
    childName: r.childName,
    unbornChild: r.unbornChild,
    reporter: { userId: r.reporterId, name: r.reporterName },
    reporterRole: r.reporterRole,
    reporterOrganisation: r.reporterOrganisation,
    reporterPhone: r.reporterPhone,
    observation: r.observation,
    childTold: r.childTold,
    guardiansTold: r.guardiansTold,
    notToldReason: r.notToldReason,
    interpreterNeeded: r.interpreterNeeded,
    interpreterLanguage: r.interpreterLanguage,
    otherServices: r.otherServices,
    feedback: r.feedback,
  };
}

/** A report read through the case it was filed in: the reader already holds the case. */
export function presentCaseConcernReport(
  r: ConcernRow,
  now: Date,
): z.input<typeof ConcernReportSchema> {
  return { ...presentConcernReport(r, now, r.reporterId), caseId: r.caseId };
}

type DisclosureRow = Awaited<ReturnType<typeof disclosuresOf>>[number];

export function presentDisclosure({
  d,
  discloserName,
}: DisclosureRow): z.input<typeof DisclosureSchema> {
  const duty = LEGAL_DUTIES.find((x) => x.key === d.legalDuty) ?? null;
  return {
    id: d.id,
    disclosedOn: d.disclosedOn,
    recipient: d.recipient,
    information: d.information,
    reason: d.reason,
    basis: d.basis,
    consentId: d.consentId,
    legalDuty: duty && { key: duty.key, sv: duty.sv, en: duty.en, reference: duty.reference },
    disclosedBy: { userId: d.disclosedBy, name: discloserName },
    createdAt: d.createdAt.toISOString(),
  };
}

type ChronologyRow = Awaited<ReturnType<typeof chronologyOf>>[number];

export function presentChronologyEvent({
  e,
  recorderName,
}: ChronologyRow): z.input<typeof ChronologyEventSchema> {
  return {
    id: e.id,
    occurredOn: e.occurredOn,
    kind: e.kind,
    category: e.category,
    scope: e.scope,
    text: e.text,
    sourceOrganisation: e.sourceOrganisation,
    recordedBy: { userId: e.recordedBy, name: recorderName },
    createdAt: e.createdAt.toISOString(),
  };
}
