import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/data-table.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { errorText, useLang, useWaves } from "./shared.tsx";

/** The survey waves the person may read, newest first, and the way to the module's tools. */
export function ProfileListPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const waves = useWaves();
  const date = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "medium",
  });
  const sorted = [...(waves.data ?? [])].sort(
    (a, b) => b.year - a.year || a.organisationName.localeCompare(b.organisationName, "sv"),
  );
  return (
    <>
      <PageTitle title={t("profile.title")}>{t("profile.title")}</PageTitle>
      <Paragraph>{t("profile.intro")}</Paragraph>
      <ul className="profile-wave-nav">
        {can("profile.import") ? (
          <li>
            <AppLink to="/profile/import">{t("profile.import.title")}</AppLink>
          </li>
        ) : null}
        <li>
          <AppLink to="/profile/instruments">{t("profile.instruments.title")}</AppLink>
        </li>
        <li>
          <AppLink to="/profile/kolada">{t("profile.kolada.title")}</AppLink>
        </li>
      </ul>
      {waves.isPending ? <Loading /> : null}
      {waves.isError ? <Paragraph>{errorText(t, waves.error)}</Paragraph> : null}
      {waves.data && waves.data.length === 0 ? <Paragraph>{t("profile.empty")}</Paragraph> : null}
      {sorted.length > 0 ? (
        <DataTable
          caption={t("profile.listCaption")}
          columns={[
            t("profile.waveName"),
            t("profile.community"),
            t("profile.year"),
            t("profile.instrument"),
            t("profile.respondents"),
            t("profile.importedAt"),
          ]}
        >
          {sorted.map((w) => (
            <Table.Row key={w.id}>
              <Table.Cell>
                <AppLink to={`/profile/waves/${w.id}`}>{w.name}</AppLink>
              </Table.Cell>
              <Table.Cell>{w.organisationName}</Table.Cell>
              <Table.Cell>{w.year}</Table.Cell>
              <Table.Cell>
                {w.instrument.name[lang]} (v{w.instrument.version})
              </Table.Cell>
              <Table.Cell>{w.respondents}</Table.Cell>
              <Table.Cell>
                {w.importedAt ? date.format(new Date(w.importedAt)) : t("profile.notImported")}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
