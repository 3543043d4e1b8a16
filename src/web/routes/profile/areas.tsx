import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { SelectionFilters, useSelection } from "./filters.tsx";
import {
  cellsFor,
  errorText,
  formatShare,
  ProfileCrumbs,
  useLang,
  useProfile,
  useWave,
  WaveNav,
} from "./shared.tsx";

/**
 * The map-free area table: one row per area (or group of the chosen grouping) and the whole
 * municipality, one column per factor of the chosen kind, suppressed cells as "–".
 */
export function ProfileAreasPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const wave = useWave(id);
  const [selection, setSelection] = useSelection();
  const profile = useProfile(id, selection.groupSetId || undefined);
  const [kind, setKind] = useState<"risk" | "protective">("risk");
  const title = t("profile.areas.title");
  const data = profile.data;
  const factors = (data?.factors ?? []).filter((f) => f.kind === kind);
  const rows = data
    ? [
        { id: null as string | null, name: t("profile.filters.wholeMunicipality") },
        ...data.areas.map((a) => ({ id: a.id as string | null, name: a.name })),
      ]
    : [];
  return (
    <>
      <ProfileCrumbs wave={wave.data} />
      <PageTitle title={title}>{title}</PageTitle>
      <WaveNav waveId={id} />
      <Paragraph>{t("profile.areas.intro")}</Paragraph>
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <Paragraph>{errorText(t, profile.error)}</Paragraph> : null}
      {data && wave.data ? (
        <>
          <SelectionFilters
            profile={data}
            wave={wave.data}
            selection={{ ...selection, area: null }}
            onChange={setSelection}
            hideArea
          />
          <SelectField
            id="profile-areas-kind"
            label={t("profile.kind")}
            value={kind}
            onChange={(v) => setKind(v as "risk" | "protective")}
          >
            <option value="risk">{t("profile.kinds.risk")}</option>
            <option value="protective">{t("profile.kinds.protective")}</option>
          </SelectField>
          <DataTable
            caption={t("profile.areas.caption", { kind: t(`profile.kinds.${kind}`) })}
            stackNarrow={false}
            columns={[t("profile.filters.area"), ...factors.map((f) => f.name[lang])]}
          >
            {rows.map((row) => {
              const cells = cellsFor(data, { ...selection, area: row.id });
              return (
                <Table.Row key={row.id ?? "all"}>
                  <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                  {factors.map((f) => {
                    const c = cells.get(f.id);
                    return (
                      <Table.Cell key={f.id}>
                        {!c || c.suppressed
                          ? t("profile.suppressed.short")
                          : formatShare(c.percent, lang)}
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              );
            })}
          </DataTable>
          <Paragraph data-size="sm">
            {t("profile.wave.suppressionNote", { minN: data.minN })}
          </Paragraph>
        </>
      ) : null}
    </>
  );
}
