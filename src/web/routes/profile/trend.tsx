import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Trend } from "../../../domain/profile/schemas.ts";
import { type ApiError, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { TrendBarChart, type TrendDatum } from "./charts.tsx";
import {
  API,
  errorText,
  formatShare,
  KindTag,
  ProfileCrumbs,
  useLang,
  useProfile,
  useWave,
  WaveNav,
} from "./shared.tsx";

/** The whole municipality's share per factor in this and earlier waves of the same instrument. */
export function ProfileTrendPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const wave = useWave(id);
  const profile = useProfile(id);
  const trend = useQuery<Trend, ApiError>({
    queryKey: ["profile", "trend", id],
    queryFn: () => get<Trend>(`${API}/waves/${id}/trend`),
  });
  const factors = new Map((profile.data?.factors ?? []).map((f) => [f.id, f]));
  const title = t("profile.trend.title");
  const chart: TrendDatum[] = (trend.data?.rows ?? []).flatMap((r) => {
    const factor = factors.get(r.factor);
    if (!factor) return [];
    return [
      {
        factor: factor.name[lang],
        kind: factor.kind,
        waves: (trend.data?.waves ?? []).map((w) => {
          const v = r.values.find((x) => x.waveId === w.id);
          const published = v && !v.suppressed && v.percent !== null;
          return {
            name: w.name,
            value: published ? Number(v.percent) : null,
            valueText: published ? formatShare(v.percent, lang) : t("profile.suppressed.short"),
          };
        }),
      },
    ];
  });
  return (
    <>
      <ProfileCrumbs wave={wave.data} />
      <PageTitle title={title}>{title}</PageTitle>
      <WaveNav waveId={id} />
      <Paragraph>{t("profile.trend.intro")}</Paragraph>
      {trend.isPending ? <Loading /> : null}
      {trend.isError ? <Paragraph>{errorText(t, trend.error)}</Paragraph> : null}
      {trend.data && trend.data.waves.length < 2 ? (
        <Paragraph>{t("profile.trend.single")}</Paragraph>
      ) : null}
      {chart.length > 0 ? (
        <TrendBarChart
          data={chart}
          label={t("profile.trend.chartLabel", {
            values: chart
              .map(
                (f) => `${f.factor}: ${f.waves.map((w) => `${w.name} ${w.valueText}`).join(", ")}`,
              )
              .join("; "),
          })}
          axisLabel={t("profile.wave.axis")}
        />
      ) : null}
      {trend.data ? (
        <DataTable
          caption={t("profile.trend.caption")}
          columns={[t("profile.factor"), t("profile.kind"), ...trend.data.waves.map((w) => w.name)]}
        >
          {trend.data.rows.map((r) => {
            const factor = factors.get(r.factor);
            return (
              <Table.Row key={r.factor}>
                <Table.HeaderCell scope="row">{factor?.name[lang] ?? r.factor}</Table.HeaderCell>
                <Table.Cell>{factor ? <KindTag kind={factor.kind} /> : "–"}</Table.Cell>
                {trend.data.waves.map((w) => {
                  const v = r.values.find((x) => x.waveId === w.id);
                  return (
                    <Table.Cell key={w.id}>
                      {!v || v.suppressed
                        ? t("profile.suppressed.short")
                        : formatShare(v.percent, lang)}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            );
          })}
        </DataTable>
      ) : null}
    </>
  );
}
