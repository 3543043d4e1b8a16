import {
  Alert,
  Card,
  Heading,
  Label,
  Paragraph,
  Table,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  InstrumentCreateBodySchema,
  type InstrumentDetail,
} from "../../../domain/profile/schemas.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { useCan } from "../../components/session.ts";
import { useOrganisations } from "../platform/organisations.tsx";
import { API, errorText, KindTag, ProfileCrumbs, useInstruments, useLang } from "./shared.tsx";

/** The municipalities in the person's view, by name: they own instruments and waves. */
export function useMunicipalities() {
  const orgs = useOrganisations();
  return useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind === "municipality" && !o.archived)
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    [orgs.data],
  );
}

/** Reads an instrument file and sends it; the server checks it against the documented format. */
function ImportInstrument() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormErrors("instrument-import");
  const municipalities = useMunicipalities();
  const [organisationId, setOrganisationId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation<InstrumentDetail, ApiError, unknown>({
    mutationFn: (body) => api<InstrumentDetail>("POST", `${API}/instruments`, body),
    onSuccess: (created) => {
      setDone(
        t("profile.instruments.imported", { name: created.name.sv, version: created.version }),
      );
      void client.invalidateQueries({ queryKey: ["profile", "instruments"] });
    },
    onError: form.fromError,
  });
  const submit = async () => {
    setDone(null);
    if (!file) return form.validate({ file: t("profile.instruments.fileRequired") });
    let instrument: unknown;
    try {
      instrument = JSON.parse(await file.text());
    } catch {
      return form.validate({ file: t("profile.instruments.notJson") });
    }
    if (!organisationId) return form.validate({ organisationId: t("profile.chooseMunicipality") });
    // The file is checked here against the documented format, so that its problems name the
    // place in the file (e.g. "factors.2.cutPoint") on the file field.
    const parsed = InstrumentCreateBodySchema.safeParse({ organisationId, instrument });
    if (!parsed.success)
      return form.validate({
        file: parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.slice(1).join(".") || t("profile.instruments.file")}: ${i.message}`)
          .join(" "),
      });
    const body = parsed.data;
    if (body) create.mutate(body);
  };
  const fileField = form.field("file");
  return (
    <Card className="profile-section" data-color="neutral">
      <Heading level={2} data-size="sm" id="instrument-import-heading">
        {t("profile.instruments.import")}
      </Heading>
      <Paragraph>{t("profile.instruments.importIntro")}</Paragraph>
      {done ? <Alert data-color="success">{done}</Alert> : null}
      <ValidatedForm
        form={form}
        onSubmit={() => void submit()}
        labelledBy="instrument-import-heading"
        submitLabel={t("profile.instruments.importSubmit")}
        pending={create.isPending}
        labels={{
          organisationId: t("profile.municipality"),
          file: t("profile.instruments.file"),
        }}
      >
        <SelectField
          {...form.field("organisationId")}
          label={t("profile.municipality")}
          value={organisationId}
          onChange={setOrganisationId}
          required
        >
          <option value="">{t("profile.chooseMunicipality")}</option>
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <div>
          <Label htmlFor={fileField.id}>{t("profile.instruments.file")}</Label>
          <input
            id={fileField.id}
            type="file"
            accept=".json,application/json"
            aria-invalid={fileField.error ? true : undefined}
            aria-describedby={fileField.error ? `${fileField.id}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileField.error ? (
            <ValidationMessage id={`${fileField.id}-error`}>{fileField.error}</ValidationMessage>
          ) : null}
        </div>
      </ValidatedForm>
    </Card>
  );
}

export function ProfileInstrumentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const list = useInstruments();
  const title = t("profile.instruments.title");
  return (
    <>
      <ProfileCrumbs />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("profile.instruments.intro")}</Paragraph>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <Paragraph>{errorText(t, list.error)}</Paragraph> : null}
      {list.data ? (
        <DataTable
          caption={t("profile.instruments.caption")}
          columns={[
            t("profile.instruments.name"),
            t("profile.instruments.key"),
            t("profile.instruments.version"),
            t("profile.instruments.factors"),
            t("profile.instruments.items"),
            t("profile.instruments.export"),
          ]}
        >
          {list.data.map((i) => (
            <Table.Row key={i.id}>
              <Table.Cell>
                <AppLink to={`/profile/instruments/${i.id}`}>{i.name[lang]}</AppLink>
                {i.builtIn ? ` (${t("profile.instruments.builtIn")})` : ""}
              </Table.Cell>
              <Table.Cell>{i.key}</Table.Cell>
              <Table.Cell>{i.version}</Table.Cell>
              <Table.Cell>{i.factors}</Table.Cell>
              <Table.Cell>{i.items}</Table.Cell>
              <Table.Cell>
                <a className="ds-link" href={`${API}/instruments/${i.id}/export`} download>
                  {t("profile.instruments.exportLink", { name: i.name[lang], version: i.version })}
                </a>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : null}
      {can("community.edit") ? <ImportInstrument /> : null}
    </>
  );
}

export function ProfileInstrumentPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const detail = useQuery<InstrumentDetail, ApiError>({
    queryKey: ["profile", "instrument", id],
    queryFn: () => get<InstrumentDetail>(`${API}/instruments/${id}`),
  });
  const factors = detail.data?.instrument.factors ?? [];
  const number = new Intl.NumberFormat(lang === "en" ? "en-GB" : "sv-SE");
  const title = detail.data
    ? t("profile.instruments.detailTitle", {
        name: detail.data.name[lang],
        version: detail.data.version,
      })
    : t("profile.instruments.title");
  return (
    <>
      <nav aria-label={t("profile.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/profile">{t("profile.title")}</AppLink>
        {" / "}
        <AppLink to="/profile/instruments">{t("profile.instruments.title")}</AppLink>
      </nav>
      <PageTitle title={title}>{title}</PageTitle>
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <Paragraph>{errorText(t, detail.error)}</Paragraph> : null}
      {detail.data ? (
        <>
          <Paragraph>
            {t("profile.instruments.summary", {
              items: detail.data.items,
              factors: detail.data.factors,
            })}{" "}
            <a className="ds-link" href={`${API}/instruments/${id}/export`} download>
              {t("profile.instruments.exportJson")}
            </a>
          </Paragraph>
          <DataTable
            caption={t("profile.instruments.factorsCaption")}
            columns={[
              t("profile.factor"),
              t("profile.kind"),
              t("profile.domain"),
              t("profile.instruments.factorItems"),
              t("profile.instruments.cutPoint"),
              t("profile.instruments.levels"),
            ]}
          >
            {factors.map((f) => (
              <Table.Row key={f.id}>
                <Table.HeaderCell scope="row">{f.name[lang]}</Table.HeaderCell>
                <Table.Cell>
                  <KindTag kind={f.kind} />
                </Table.Cell>
                <Table.Cell>{t(`profile.domains.${f.domain}`)}</Table.Cell>
                <Table.Cell>
                  {f.items
                    .map((item) =>
                      f.reverse?.includes(item)
                        ? `${item} (${t("profile.instruments.reversed")})`
                        : item,
                    )
                    .join(", ")}
                  {f.minAnswered
                    ? ` · ${t("profile.instruments.minAnswered", { count: f.minAnswered })}`
                    : ""}
                </Table.Cell>
                <Table.Cell>{`${f.compare ?? ">"} ${number.format(f.cutPoint)}`}</Table.Cell>
                <Table.Cell>
                  {f.levels?.length
                    ? f.levels
                        .map((l) => `${l.name[lang]}: ${number.format(l.cutPoint)} (${l.source})`)
                        .join("; ")
                    : "–"}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
