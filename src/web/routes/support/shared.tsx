import { Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { CaseRole, CaseScope } from "../../../domain/support/access.ts";
import type {
  AssessmentListSchema,
  CandidateListSchema,
  ChronologySchema,
  ConcernReceiptListSchema,
  ConcernReportListSchema,
  DisclosureListSchema,
  MeasureListSchema,
  SipListSchema,
  SipSchema,
  TeamsSchema,
} from "../../../domain/support/records-schemas.ts";
import type {
  AccessLogSchema,
  AccessReviewListSchema,
  CaseDetailSchema,
  CaseListItemSchema,
  CaseListSchema,
  ChildContactListSchema,
  ConsentSchema,
  EmergencyReviewListSchema,
  NotificationListSchema,
  RetentionDryRunSchema,
} from "../../../domain/support/schemas.ts";
import { ApiError, get } from "../../api.ts";
import { useMe } from "../../components/session.ts";
import "./support.css";

export const API = "/api/support";

/** Every address of the support API the pages use, in one place. */
export const urls = {
  cases: `${API}/cases`,
  search: `${API}/cases/search`,
  case: (id: string) => `${API}/cases/${id}`,
  contacts: (id: string) => `${API}/cases/${id}/contacts`,
  childContact: (id: string) => `${API}/cases/${id}/child-contact`,
  consents: (id: string) => `${API}/cases/${id}/consents`,
  withdrawConsent: (id: string, consentId: string) =>
    `${API}/cases/${id}/consents/${consentId}/withdraw`,
  emergency: (id: string) => `${API}/cases/${id}/emergency-access`,
  emergencyReview: `${API}/emergency-access`,
  emergencyVerdict: (accessId: string) => `${API}/emergency-access/${accessId}/review`,
  accessReview: `${API}/access-review`,
  accessReviewVerdict: (auditId: number) => `${API}/access-review/${auditId}/verdict`,
  retentionDryRun: `${API}/retention/dry-run`,
  notifications: `${API}/notifications`,
  accessLog: (id: string) => `${API}/cases/${id}/access-log`,
  identify: (id: string) => `${API}/cases/${id}/identify`,
  close: (id: string) => `${API}/cases/${id}/close`,
  assessments: (id: string) => `${API}/cases/${id}/assessments`,
  measures: (id: string) => `${API}/cases/${id}/measures`,
  measure: (id: string, measureId: string) => `${API}/cases/${id}/measures/${measureId}`,
  teams: (id: string) => `${API}/cases/${id}/teams`,
  roleCandidates: (id: string) => `${API}/cases/${id}/role-candidates`,
  coordinator: (id: string) => `${API}/cases/${id}/coordinator`,
  teamMembers: (id: string, teamId: string) => `${API}/cases/${id}/teams/${teamId}/members`,
  sips: (id: string) => `${API}/cases/${id}/sips`,
  sip: (id: string, sipId: string) => `${API}/cases/${id}/sips/${sipId}`,
  sipStatus: (id: string, sipId: string) => `${API}/cases/${id}/sips/${sipId}/status`,
  sipPdf: (id: string, sipId: string) => `${API}/cases/${id}/sips/${sipId}/report.pdf`,
  disclosures: (id: string) => `${API}/cases/${id}/disclosures`,
  chronology: (id: string) => `${API}/cases/${id}/chronology`,
  concernReports: `${API}/concern-reports`,
  concernInbox: `${API}/intake/concern-reports`,
  receiveConcern: (reportId: string) => `${API}/concern-reports/${reportId}/receive`,
  concernFeedback: (reportId: string) => `${API}/concern-reports/${reportId}/feedback`,
};

export type CaseListItem = z.infer<typeof CaseListItemSchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type ChildContactList = z.infer<typeof ChildContactListSchema>;
export type AccessLog = z.infer<typeof AccessLogSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type AccessReviewList = z.infer<typeof AccessReviewListSchema>;
export type EmergencyReviewList = z.infer<typeof EmergencyReviewListSchema>;
export type RetentionDryRun = z.infer<typeof RetentionDryRunSchema>;
export type AssessmentList = z.infer<typeof AssessmentListSchema>;
export type MeasureList = z.infer<typeof MeasureListSchema>;
export type Teams = z.infer<typeof TeamsSchema>;
export type CandidateList = z.infer<typeof CandidateListSchema>;
export type SipList = z.infer<typeof SipListSchema>;
export type Sip = z.infer<typeof SipSchema>;
export type ConcernReceiptList = z.infer<typeof ConcernReceiptListSchema>;
export type ConcernReportList = z.infer<typeof ConcernReportListSchema>;
export type DisclosureList = z.infer<typeof DisclosureListSchema>;
export type Chronology = z.infer<typeof ChronologySchema>;

/** The interface language, for dates and localized texts. */
export function useLang(): "sv" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "sv";
}

/** Whether the server said "no such case": also what it says when the person has no live access. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function formatDate(value: string | null | undefined, lang: "sv" | "en"): string {
  if (!value) return "";
  return new Date(value).toLocaleDateString(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
  });
}

export function formatDateTime(value: string | null | undefined, lang: "sv" | "en"): string {
  if (!value) return "";
  return new Date(value).toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "short",
  });
}

/** The marking of protected personal data, shown wherever the child appears. */
export function ProtectedMark({ marked }: { marked: boolean }) {
  const { t } = useTranslation();
  if (!marked) return null;
  return (
    <Tag data-color="danger" data-size="sm" className="support-protected">
      {t("support.protectedIdentity")}
    </Tag>
  );
}

export function RoleTag({ role }: { role: CaseRole }) {
  const { t } = useTranslation();
  return (
    <Tag data-color="neutral" data-size="sm">
      {t(`support.roles.${role}`)}
    </Tag>
  );
}

/** Whether the reader's access covers a part of the case; the server has already filtered. */
export const hasScope = (scopes: readonly string[], scope: CaseScope) => scopes.includes(scope);

/** A case query that treats 404 as the answer it is, not as something to retry. */
export function useSupportQuery<T>(key: readonly unknown[], url: string, enabled = true) {
  return useQuery<T, ApiError>({
    queryKey: ["support", ...key],
    queryFn: () => get<T>(url),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The units where the person works as a practitioner: where a case they open belongs. */
export function usePractitionerUnits(): { id: string; name: string }[] {
  const me = useMe();
  return (me.data?.grants ?? [])
    .filter((g) => g.role === "practitioner" && g.organisationId)
    .map((g) => ({ id: g.organisationId ?? "", name: g.organisationName ?? "" }));
}

export type CaseSummaryPart = NonNullable<CaseDetail["summary"]>;

/** The case's name: the child's, or a consultation's label (no identity). */
export function caseTitle(t: TFunction, detail: Pick<CaseDetail, "kind" | "summary">): string {
  if (!detail.summary) return t("support.case.untitled");
  return detail.kind === "consultation"
    ? t("support.consultationTitle", { label: detail.summary.title })
    : detail.summary.title;
}

/** 12 digits as people write them: ÅÅÅÅMMDD-NNNN. */
export function formatPersonalNumber(digits: string): string {
  return digits.length === 12 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : digits;
}

/** The SIP that matters now: the newest one (the list is a case's SIPs over time). */
export function latestSip(list: SipList | undefined): Sip | undefined {
  return [...(list?.sips ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
