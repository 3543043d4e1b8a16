import { Fieldset, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { z } from "zod";
import type {
  IndicatorListSchema,
  Profile,
  ProfileCell,
  Trend,
} from "../../../domain/profile/schemas.ts";
import { type ApiError, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { ShareBarChart, type ShareDatum } from "./charts.tsx";
import { SelectionFilters, selectionLabel, useSelection } from "./filters.tsx";
import { InvitedCounts } from "./invited.tsx";
import {
  ALL,
  API,
  cellsFor,
  errorText,
  type Factor,
  formatInterval,
  formatShare,
  type Lang,
  ProfileCrumbs,
  type Selection,
  Suppressed,
  useLang,
  useProfile,
  useWave,
  WaveNav,
} from "./shared.tsx";

type Indicator = z.infer<typeof IndicatorListSchema>[number];

function FactorSection({
  kind,
  profile,
  selection,
  reference,
  lang,
}: {
  kind: Factor["kind"];
  profile: Profile;
  selection: Selection;
  reference: Reference | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const factors = profile.factors.filter((f) => f.kind === kind);
  const cells = cellsFor(profile, selection);
  const refCells = reference?.values ?? null;
  const headingId = `profile-${kind}`;
  const data: ShareDatum[] = factors.map((f) => {
    const c = cells.get(f.id);
    const r = refCells?.get(f.id);
    const published = c && !c.suppressed && c.percent !== null;
    return {
      label: f.name[lang],
      value: published ? Number(c.percent) : null,
      valueText: published ? formatShare(c.percent, lang) : t("profile.suppressed.short"),
      kind,
      reference: r && !r.suppressed && r.percent !== null ? Number(r.percent) : null,
    };
  });
  if (factors.length === 0) return null;
  const what = selectionLabel(t, profile, selection);
  const refName = reference?.label ?? "";
  return (
    <section aria-labelledby={headingId} className="profile-section">
      <Heading level={2} data-size="md" id={headingId}>
        {t(`profile.wave.${kind}Heading`)}
      </Heading>
      <Paragraph>
        {t(`profile.wave.${kind}Intro`)}
        {reference ? ` ${t("profile.wave.referenceMark", { reference: refName })}` : ""}
      </Paragraph>
      <ShareBarChart
        data={data}
        label={t("profile.wave.chartLabel", {
          kind: t(`profile.kinds.${kind}`),
          group: what,
          values: data.map((d) => `${d.label} ${d.valueText}`).join("; "),
        })}
        axisLabel={t("profile.wave.axis")}
      />
      <DataTable
        caption={t("profile.wave.tableCaption", { kind: t(`profile.kinds.${kind}`), group: what })}
        columns={[
          t("profile.factor"),
          t("profile.domain"),
          t("profile.n"),
          t("profile.share"),
          t("profile.ci"),
          ...(reference ? [t("profile.wave.referenceColumn", { reference: refName })] : []),
        ]}
      >
        {factors.map((f) => {
          const c = cells.get(f.id);
          const r = refCells?.get(f.id);
          return (
            <Table.Row key={f.id}>
              <Table.HeaderCell scope="row">{f.name[lang]}</Table.HeaderCell>
              <Table.Cell>{t(`profile.domains.${f.domain}`)}</Table.Cell>
              {!c || c.suppressed ? (
                <>
                  <Table.Cell>
                    {c ? <Suppressed reason={c.reason} /> : t("profile.noRespondents")}
                  </Table.Cell>
                  <Table.Cell>–</Table.Cell>
                  <Table.Cell>–</Table.Cell>
                </>
              ) : (
                <>
                  <Table.Cell>{c.n}</Table.Cell>
                  <Table.Cell>{formatShare(c.percent, lang)}</Table.Cell>
                  <Table.Cell>{formatInterval(c.ci, lang)}</Table.Cell>
                </>
              )}
              {reference ? (
                <Table.Cell>
                  {!r ? (
                    t("profile.noRespondents")
                  ) : !r.suppressed ? (
                    formatShare(r.percent, lang)
                  ) : (
                    <Suppressed reason={r.reason} />
                  )}
                </Table.Cell>
              ) : null}
            </Table.Row>
          );
        })}
      </DataTable>
    </section>
  );
}

/** What the bars are measured against: a name and a published share (or why not) per factor. */
export interface Reference {
  label: string;
  values: Map<string, Pick<ProfileCell, "percent" | "suppressed" | "reason">>;
}

/**
 * The reference on the bars: for a part of the wave, the whole municipality in the same wave;
 * for the whole municipality, its latest earlier wave of the same survey, when there is one.
 */
function useReference(
  waveId: string,
  profile: Profile | undefined,
  filtered: boolean,
): Reference | null {
  const { t } = useTranslation();
  const trend = useQuery<Trend, ApiError>({
    queryKey: ["profile", "trend", waveId],
    queryFn: () => get<Trend>(`${API}/waves/${waveId}/trend`),
    enabled: !filtered,
  });
  return useMemo(() => {
    if (!profile) return null;
    if (filtered)
      return { label: t("profile.filters.wholeMunicipality"), values: cellsFor(profile, ALL) };
    const earlier = (trend.data?.waves ?? [])
      .filter((w) => w.year < profile.wave.year)
      .sort((a, b) => b.year - a.year)[0];
    if (!earlier || !trend.data) return null;
    const values: Reference["values"] = new Map();
    for (const row of trend.data.rows) {
      const v = row.values.find((x) => x.waveId === earlier.id);
      if (v)
        values.set(row.factor, {
          percent: v.percent,
          suppressed: v.suppressed,
          reason: null,
        });
    }
    return { label: earlier.name, values };
  }, [profile, filtered, trend.data, t]);
}

/** Register indicators of the wave's municipality beside the factors, each with its source. */
function Indicators({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery<Indicator[], ApiError>({
    queryKey: ["profile", "kolada", organisationId],
    queryFn: () => get<Indicator[]>(`${API}/kolada${query({ organisationId })}`),
  });
  if (!list.data || list.data.length === 0) return null;
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    maximumFractionDigits: 1,
  });
  return (
    <section aria-labelledby="profile-indicators" className="profile-section">
      <Heading level={2} data-size="md" id="profile-indicators">
        {t("profile.kolada.heading")}
      </Heading>
      <Paragraph>{t("profile.kolada.intro")}</Paragraph>
      <DataTable
        caption={t("profile.kolada.caption")}
        columns={[
          t("profile.kolada.indicator"),
          t("profile.kolada.period"),
          t("profile.kolada.gender"),
          t("profile.kolada.value"),
          t("profile.kolada.source"),
        ]}
      >
        {list.data.map((i) => (
          <Table.Row key={`${i.kpi}-${i.period}-${i.gender}`}>
            <Table.HeaderCell scope="row">
              {i.title ? `${i.title} (${i.kpi})` : i.kpi}
            </Table.HeaderCell>
            <Table.Cell>{i.period}</Table.Cell>
            <Table.Cell>{t(`profile.kolada.genders.${i.gender}`)}</Table.Cell>
            <Table.Cell>{i.value === null ? "–" : number.format(i.value)}</Table.Cell>
            <Table.Cell>
              {i.source === "Kolada" ? t("profile.kolada.sourceKolada") : i.source}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </section>
  );
}

function Downloads({
  waveId,
  selection,
}: {
  waveId: string;
  selection: Selection & { groupSetId: string };
}) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState({ author: "", unit: "", reference: "" });
  const groupSetId = selection.groupSetId || undefined;
  const report = `${API}/waves/${waveId}/report.pdf${query({
    groupSetId,
    area: selection.area,
    grade: selection.grade,
    gender: selection.gender,
    ...facts,
  })}`;
  const fact = (key: keyof typeof facts, size: number) => (
    <Textfield
      id={`profile-report-${key}`}
      label={t(`profile.downloads.${key}`)}
      value={facts[key]}
      maxLength={size}
      onChange={(e) => setFacts({ ...facts, [key]: e.target.value })}
    />
  );
  return (
    <section aria-labelledby="profile-downloads" className="profile-section">
      <Heading level={2} data-size="md" id="profile-downloads">
        {t("profile.downloads.heading")}
      </Heading>
      <Paragraph>{t("profile.downloads.intro")}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t("profile.downloads.factsLegend")}</Fieldset.Legend>
        <Fieldset.Description>{t("profile.downloads.factsDescription")}</Fieldset.Description>
        {fact("author", 120)}
        {fact("unit", 120)}
        {fact("reference", 60)}
      </Fieldset>
      <ul>
        <li>
          <a className="ds-link" href={report} download>
            {t("profile.downloads.pdf")}
          </a>
        </li>
        <li>
          <a
            className="ds-link"
            href={`${API}/waves/${waveId}/profile.csv${query({ format: "csv", groupSetId })}`}
            download
          >
            {t("profile.downloads.csv")}
          </a>
        </li>
        <li>
          <a
            className="ds-link"
            href={`${API}/waves/${waveId}/profile.csv${query({ format: "xlsx", groupSetId })}`}
            download
          >
            {t("profile.downloads.xlsx")}
          </a>
        </li>
      </ul>
    </section>
  );
}

export function ProfileWavePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const wave = useWave(id);
  const [selection, setSelection] = useSelection();
  const profile = useProfile(id, selection.groupSetId || undefined);
  const filtered = selection.area !== null || selection.grade !== null || selection.gender !== null;
  const reference = useReference(id, profile.data, filtered);
  const title = wave.data
    ? `${wave.data.name}: ${wave.data.organisationName}`
    : t("profile.wave.title");
  return (
    <>
      <ProfileCrumbs />
      <PageTitle title={title}>{title}</PageTitle>
      {wave.isError ? <Paragraph>{errorText(t, wave.error)}</Paragraph> : null}
      <WaveNav waveId={id} />
      {wave.data ? (
        <Paragraph>
          {t("profile.wave.summary", {
            respondents: wave.data.respondents,
            excluded: wave.data.excluded,
            instrument: wave.data.instrument.name[lang],
            version: wave.data.instrument.version,
          })}
        </Paragraph>
      ) : null}
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <Paragraph>{errorText(t, profile.error)}</Paragraph> : null}
      {profile.data && wave.data ? (
        <>
          {wave.data.respondents === 0 ? <Paragraph>{t("profile.wave.empty")}</Paragraph> : null}
          <SelectionFilters
            profile={profile.data}
            wave={wave.data}
            selection={selection}
            onChange={setSelection}
          />
          <Paragraph data-size="sm">
            {t("profile.wave.suppressionNote", { minN: profile.data.minN })}
          </Paragraph>
          <FactorSection
            kind="risk"
            profile={profile.data}
            selection={selection}
            reference={reference}
            lang={lang}
          />
          <FactorSection
            kind="protective"
            profile={profile.data}
            selection={selection}
            reference={reference}
            lang={lang}
          />
          <Indicators organisationId={wave.data.organisationId} />
          {wave.data.canImport ? <InvitedCounts key={wave.data.id} wave={wave.data} /> : null}
          <Downloads waveId={id} selection={selection} />
        </>
      ) : null}
    </>
  );
}
