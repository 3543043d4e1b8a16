import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { CaseRole } from "../../../domain/support/access.ts";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { AccessLogPart, ConsentsPart, PlanPart, SipPart } from "./case-parts.tsx";
import { ChronologyPart } from "./chronology.tsx";
import { CompassPart } from "./compass.tsx";
import { Disclosures } from "./disclosures.tsx";
import {
  type CaseDetail,
  type CaseSummaryPart,
  caseTitle,
  formatDate,
  formatPersonalNumber,
  hasScope,
  isNotFound,
  ProtectedMark,
  urls,
  useLang,
  useSupportQuery,
} from "./shared.tsx";
import { TeamPart } from "./team.tsx";

/** The case by id; a 404 (no live access, or no such case) ends the page. */
export function useCase(id: string) {
  return useSupportQuery<CaseDetail>(["case", id], urls.case(id));
}

/** The case's heading and what the reader's access is: role, basis, until when. */
export function CaseHeader({ detail, title }: { detail: CaseDetail; title?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = caseTitle(t, detail);
  const heading = title ? `${title}: ${name}` : name;
  return (
    <>
      <PageTitle title={heading}>{heading}</PageTitle>
      <ProtectedMark marked={detail.summary?.child?.protectedIdentity ?? false} />
      <Paragraph className="support-access" data-size="sm">
        {t("support.access.line", {
          role: t(`support.roles.${detail.access.role}`),
          basis: t(`support.bases.${detail.access.basis}`),
        })}
        {detail.access.validUntil
          ? ` ${t("support.access.until", { date: formatDate(detail.access.validUntil, lang) })}`
          : null}
      </Paragraph>
    </>
  );
}

function SummaryPart({ detail, summary }: { detail: CaseDetail; summary: CaseSummaryPart }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="support-section" aria-labelledby="case-summary">
      <Heading level={2} data-size="md" id="case-summary">
        {t("support.parts.summary")}
      </Heading>
      <dl className="support-facts">
        {summary.child?.personalNumber ? (
          <>
            <dt>{t("support.personalNumber")}</dt>
            <dd>{formatPersonalNumber(summary.child.personalNumber)}</dd>
          </>
        ) : null}
        <dt>{t("support.status.label")}</dt>
        <dd>{t(`support.status.${detail.status}`)}</dd>
        <dt>{t("support.openedAt")}</dt>
        <dd>{formatDate(detail.openedAt, lang)}</dd>
      </dl>
      <Heading level={3} data-size="sm">
        {t("support.discover.observation")}
      </Heading>
      <Paragraph>{summary.observation}</Paragraph>
      {summary.immediateSupport ? (
        <>
          <Heading level={3} data-size="sm">
            {t("support.discover.immediateSupport")}
          </Heading>
          <Paragraph>{summary.immediateSupport}</Paragraph>
        </>
      ) : null}
      <Heading level={3} data-size="sm">
        {t("support.case.members")}
      </Heading>
      <ul>
        {summary.members.map((m) => (
          <li key={m.accessId}>
            {m.displayName}: {t(`support.roles.${m.role}`)}
            {m.validUntil
              ? ` (${t("support.access.until", { date: formatDate(m.validUntil, lang) })})`
              : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who may name the child of a consultation (the server's rule; shown only to them). */
const IDENTIFYING_ROLES: readonly CaseRole[] = [
  "discoverer",
  "child_contact",
  "support_coordinator",
];

/** What the reader may do next; the server checks each again. */
function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.status !== "open") return null;
  const base = `/support/cases/${detail.id}`;
  const scopes = detail.access.scopes;
  return (
    <nav aria-label={t("support.case.actions")}>
      <ul className="support-links">
        {detail.kind === "consultation" &&
        detail.access.roles.some((r) => IDENTIFYING_ROLES.includes(r)) ? (
          <li>
            <AppLink to={`${base}/identify`}>{t("support.identify.title")}</AppLink>
          </li>
        ) : null}
        {detail.abilities.activateContact ? (
          <li>
            <AppLink to={`${base}/contact`}>{t("support.contact.title")}</AppLink>
          </li>
        ) : null}
        {hasScope(scopes, "wellbeing") ? (
          <li>
            <AppLink to={`${base}/assessment`}>{t("support.assessment.new")}</AppLink>
          </li>
        ) : null}
        {hasScope(scopes, "plan") ? (
          <>
            <li>
              <AppLink to={`${base}/plan`}>{t("support.plan.edit")}</AppLink>
            </li>
            <li>
              <AppLink to={`${base}/sip`}>{t("support.sip.edit")}</AppLink>
            </li>
          </>
        ) : null}
        {detail.abilities.recordConsent ? (
          <li>
            <AppLink to={`${base}/consents`}>{t("support.consents.title")}</AppLink>
          </li>
        ) : null}
        <li>
          <AppLink to={`/support/reports/new?caseId=${detail.id}`}>
            {t("support.report.button")}
          </AppLink>
        </li>
        {detail.abilities.close ? (
          <li>
            <AppLink to={`${base}/close`}>{t("support.close.title")}</AppLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function SupportCasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const detail = useCase(id);
  if (detail.isPending) return <Loading />;
  if (isNotFound(detail.error)) {
    // The same answer whether the case does not exist or the person may not read it; emergency
    // access is offered either way, so the offer says nothing about the case.
    return (
      <>
        <NotFoundPage />
        <Paragraph>
          <AppLink to={`/support/cases/${id}/emergency`}>{t("support.emergency.offer")}</AppLink>
        </Paragraph>
      </>
    );
  }
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const d = detail.data;
  const scopes = d.access.scopes;
  return (
    <>
      <CaseHeader detail={d} />
      <CaseActions detail={d} />
      {d.summary ? (
        <>
          <SummaryPart detail={d} summary={d.summary} />
          <TeamPart caseId={d.id} />
        </>
      ) : null}
      {hasScope(scopes, "wellbeing") ? <CompassPart caseId={d.id} /> : null}
      {hasScope(scopes, "plan") ? (
        <>
          <PlanPart caseId={d.id} />
          <SipPart caseId={d.id} />
        </>
      ) : null}
      {d.consents ? (
        <>
          <ConsentsPart consents={d.consents} />
          <Disclosures caseId={d.id} />
        </>
      ) : null}
      {hasScope(scopes, "chronology") ? <ChronologyPart caseId={d.id} scopes={scopes} /> : null}
      {d.abilities.readAccessLog ? <AccessLogPart caseId={d.id} /> : null}
    </>
  );
}
