import { Alert, Label, Paragraph, Table, ValidationMessage } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { IndicatorListSchema } from "../../../domain/profile/schemas.ts";
import { type ApiError, get, query } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { useMunicipalities } from "./instruments.tsx";
import { API, errorText, ProfileCrumbs, uploadRaw } from "./shared.tsx";

type Indicator = z.infer<typeof IndicatorListSchema>[number];

/** Register indicators in Kolada's layout: import a CSV or JSON file, and list what is kept. */
export function ProfileKoladaPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const form = useFormErrors("profile-kolada");
  const municipalities = useMunicipalities();
  const [organisationId, setOrganisationId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = organisationId || municipalities[0]?.id || "";
  const list = useQuery<Indicator[], ApiError>({
    queryKey: ["profile", "kolada", shown],
    queryFn: () => get<Indicator[]>(`${API}/kolada${query({ organisationId: shown })}`),
    enabled: shown !== "",
  });
  const send = useMutation<{ imported: number }, ApiError, File>({
    mutationFn: (f) =>
      uploadRaw(
        `${API}/kolada${query({ organisationId: shown, format: /\.json$/i.test(f.name) ? "json" : "csv" })}`,
        f,
      ),
    onSuccess: ({ imported }) => {
      setDone(t("profile.kolada.imported", { count: imported }));
      void client.invalidateQueries({ queryKey: ["profile", "kolada", shown] });
    },
  });
  const submit = () => {
    setDone(null);
    if (!file) return form.validate({ file: t("profile.kolada.fileRequired") });
    if (!/\.(csv|json)$/i.test(file.name))
      return form.validate({ file: t("profile.kolada.fileKind") });
    form.clear();
    send.mutate(file);
  };
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "sv-SE", {
    maximumFractionDigits: 1,
  });
  const fileField = form.field("file");
  const title = t("profile.kolada.title");
  return (
    <>
      <ProfileCrumbs />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("profile.kolada.pageIntro")}</Paragraph>
      <SelectField
        id="profile-kolada-org"
        label={t("profile.municipality")}
        value={shown}
        onChange={setOrganisationId}
      >
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      {can("profile.import") ? (
        <section className="profile-section" aria-labelledby="profile-kolada-import">
          <h2 id="profile-kolada-import" className="ds-heading" data-size="sm">
            {t("profile.kolada.import")}
          </h2>
          {done ? <Alert data-color="success">{done}</Alert> : null}
          {send.isError ? (
            <Alert data-color="danger">
              <Paragraph>{errorText(t, send.error)}</Paragraph>
              {send.error.issues.length ? (
                <ul>
                  {send.error.issues.map((i) => (
                    <li key={`${i.path}-${i.message}`}>{`${i.path}: ${i.message}`}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : null}
          <ValidatedForm
            form={form}
            onSubmit={submit}
            labelledBy="profile-kolada-import"
            submitLabel={t("profile.kolada.importSubmit")}
            pending={send.isPending}
            labels={{ file: t("profile.kolada.file") }}
          >
            <div>
              <Label htmlFor={fileField.id}>{t("profile.kolada.file")}</Label>
              <p id={`${fileField.id}-desc`} className="profile-hint">
                {t("profile.kolada.fileHint")}
              </p>
              <input
                id={fileField.id}
                type="file"
                accept=".csv,.json,text/csv,application/json"
                aria-describedby={[
                  `${fileField.id}-desc`,
                  fileField.error ? `${fileField.id}-error` : "",
                ]
                  .filter(Boolean)
                  .join(" ")}
                aria-invalid={fileField.error ? true : undefined}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              {fileField.error ? (
                <ValidationMessage id={`${fileField.id}-error`}>
                  {fileField.error}
                </ValidationMessage>
              ) : null}
            </div>
          </ValidatedForm>
        </section>
      ) : null}
      {list.isPending && shown ? <Loading /> : null}
      {list.isError ? <Paragraph>{errorText(t, list.error)}</Paragraph> : null}
      {list.data && list.data.length === 0 ? (
        <Paragraph>{t("profile.kolada.empty")}</Paragraph>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <DataTable
          caption={t("profile.kolada.caption")}
          columns={[
            t("profile.kolada.indicator"),
            t("profile.kolada.period"),
            t("profile.kolada.gender"),
            t("profile.kolada.value"),
            t("profile.kolada.status"),
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
              <Table.Cell>{i.status ?? "–"}</Table.Cell>
              <Table.Cell>
                {i.source === "Kolada" ? t("profile.kolada.sourceKolada") : i.source}
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
