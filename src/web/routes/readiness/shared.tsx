import { Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  AssessmentDetail,
  AssessmentSummarySchema,
  GuideSchema,
  InterviewDetailSchema,
} from "../../../domain/readiness/api.ts";
import type { DimensionLetter, Localized } from "../../../domain/readiness/dimensions.ts";
import { DIMENSIONS } from "../../../domain/readiness/dimensions.ts";
import { type ScoreGrid, UNITS_PER_POINT } from "../../../domain/readiness/scoring.ts";
import { SECTORS, type SectorKey } from "../../../domain/readiness/sectors.ts";
import { STAGES, type StageNumber } from "../../../domain/readiness/stages.ts";
import { type ApiError, get } from "../../api.ts";
import { SelectField } from "../../components/forms.tsx";
import { kindName } from "../../components/labels.ts";
import { AppLink } from "../../components/page.tsx";
import { useOrganisations } from "../platform/organisations.tsx";
import "./readiness.css";

export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;
export type InterviewDetail = z.infer<typeof InterviewDetailSchema>;
export type Guide = z.infer<typeof GuideSchema>;

export const API = "/api/readiness";

/** The interface language as a key of a Localized text. */
export function useLang(): keyof Localized {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "sv";
}

export const COMMUNITY_KINDS = ["municipality", "area", "collaboration"] as const;

/** The communities an assessment (or an organisation's guide) can belong to, by name. */
export function useCommunities() {
  const orgs = useOrganisations();
  return useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => !o.archived && (COMMUNITY_KINDS as readonly string[]).includes(o.kind))
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    [orgs.data],
  );
}

/** A required select of the communities, each named with its kind, after a "choose …" option. */
export function CommunityField({
  id,
  error,
  label,
  description,
  placeholder,
  value,
  onChange,
}: {
  id: string;
  error?: string;
  label: string;
  description: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const communities = useCommunities();
  return (
    <SelectField
      id={id}
      error={error}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      required
    >
      <option value="">{placeholder}</option>
      {communities.map((o) => (
        <option key={o.id} value={o.id}>
          {`${o.name} (${kindName(t, o.kind)})`}
        </option>
      ))}
    </SelectField>
  );
}

export function useAssessment(id: string) {
  return useQuery<AssessmentDetail, ApiError>({
    queryKey: ["readiness", "assessment", id],
    queryFn: () => get<AssessmentDetail>(`${API}/assessments/${id}`),
  });
}

export function useInterview(id: string, interviewId: string) {
  return useQuery<InterviewDetail, ApiError>({
    queryKey: ["readiness", "interview", interviewId],
    queryFn: () => get<InterviewDetail>(`${API}/assessments/${id}/interviews/${interviewId}`),
  });
}

export function dimensionName(letter: DimensionLetter, lang: keyof Localized): string {
  return DIMENSIONS[letter].name[lang];
}

export function sectorLabel(sector: SectorKey, lang: keyof Localized): string {
  return SECTORS[sector]?.[lang] ?? sector;
}

export function stageName(stage: number, lang: keyof Localized): string {
  return STAGES[stage as StageNumber]?.name[lang] ?? String(stage);
}

/** Scores shown with up to two decimals in the interface language. */
export function formatScore(value: number | null | undefined, lang: keyof Localized): string {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "sv-SE", {
    maximumFractionDigits: 2,
  }).format(value);
}

/** Agreement figures come as percentages (0–100). */
export function formatPercent(value: number | null | undefined, lang: keyof Localized): string {
  if (value === null || value === undefined) return "–";
  const fraction = value / 100;
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "sv-SE", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(fraction);
}

export function formatDate(value: string, lang: keyof Localized): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", { dateStyle: "medium" }).format(
    new Date(`${value}T12:00:00`),
  );
}

export function formatPeriod(start: string, end: string, lang: keyof Localized): string {
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** A period whose dates wrap only between them, never inside one ("15 jan. | 2024"). */
export function PeriodText({ start, end }: { start: string; end: string }) {
  const lang = useLang();
  return (
    <>
      <span className="nowrap">{formatDate(start, lang)}</span> –{" "}
      <span className="nowrap">{formatDate(end, lang)}</span>
    </>
  );
}

/** Month and year only, for narrow table cells: "mars 2024 – maj 2024". */
export function formatPeriodShort(start: string, end: string, lang: keyof Localized): string {
  const f = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", {
    month: "short",
    year: "numeric",
  });
  const a = f.format(new Date(`${start}T12:00:00`));
  const b = f.format(new Date(`${end}T12:00:00`));
  return a === b ? a : `${a} – ${b}`;
}

/** Every allowed score on the grid: 1, 1.5, … 9 for half points. */
export function gridValues(grid: ScoreGrid): number[] {
  const units = Number(UNITS_PER_POINT[grid]);
  const values: number[] = [];
  for (let u = units; u <= 9 * units; u++) values.push(Math.round((u / units) * 10) / 10);
  return values;
}

export function StageTag({ stage }: { stage: number | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (stage === null) {
    return (
      <Tag data-color="neutral" data-size="sm">
        {t("readiness.noStage")}
      </Tag>
    );
  }
  return (
    <Tag data-color="info" data-size="sm">
      {t("readiness.stageN", { stage, name: stageName(stage, lang) })}
    </Tag>
  );
}

/** Back link to the assessment's overview, above the page title. */
export function BackToAssessment({ id, label }: { id: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("readiness.breadcrumb")} className="breadcrumb-lite">
      <AppLink to="/readiness">{t("readiness.title")}</AppLink>
      {" / "}
      <AppLink to={`/readiness/${id}`}>{label ?? t("readiness.overview.title")}</AppLink>
    </nav>
  );
}

export function assessmentTitle(
  a: { topicName: Localized; organisationName: string },
  lang: keyof Localized,
  t: TFunction,
): string {
  return t("readiness.assessmentTitle", {
    topic: a.topicName[lang],
    community: a.organisationName,
  });
}
