import { Label, Paragraph, Textfield, ValidationMessage } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type Import, type Wave, WaveCreateBodySchema } from "../../../domain/profile/schemas.ts";
import { type ApiError, api, query } from "../../api.ts";
import { SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { useMunicipalities } from "./instruments.tsx";
import { API, uploadRaw, useInstruments, useLang, useWaves } from "./shared.tsx";

const NEW = "new";
const ENDINGS = /\.(csv|xlsx|sav)$/i;

/**
 * Step 1: the wave the file belongs to (an existing one, or a new one named here) and the file.
 * The file goes to the server as it is; the server reads it and lists its columns.
 */
export function UploadStep({ onUploaded }: { onUploaded: (created: Import) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const form = useFormErrors("profile-upload");
  const waves = useWaves();
  const municipalities = useMunicipalities();
  const importable = (waves.data ?? []).filter((w) => w.canImport);
  const [waveId, setWaveId] = useState(params.get("wave") ?? NEW);
  const [organisationId, setOrganisationId] = useState("");
  const instruments = useInstruments(organisationId || undefined);
  const [instrumentId, setInstrumentId] = useState("");
  const [name, setName] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation<Import, ApiError, { waveId?: string; body?: unknown; file: File }>({
    mutationFn: async ({ waveId, body, file }) => {
      const id = waveId ?? (await api<Wave>("POST", `${API}/waves`, body)).id;
      return uploadRaw<Import>(`${API}/waves/${id}/imports${query({ fileName: file.name })}`, file);
    },
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["profile", "waves"] });
      onUploaded(created);
    },
    onError: form.fromError,
  });
  const submit = () => {
    if (!file) return form.validate({ file: t("profile.import.fileRequired") });
    if (!ENDINGS.test(file.name)) return form.validate({ file: t("profile.import.fileKind") });
    if (waveId !== NEW) return send.mutate({ waveId, file });
    const body = form.parse(
      WaveCreateBodySchema,
      { organisationId, instrumentId, name, year: Number(year) },
      {
        organisationId: t("profile.chooseMunicipality"),
        instrumentId: t("profile.import.chooseInstrument"),
        name: t("profile.import.nameRequired"),
        year: t("profile.import.yearInvalid"),
      },
    );
    if (body) send.mutate({ body, file });
  };
  const fileField = form.field("file");
  return (
    <ValidatedForm
      form={form}
      onSubmit={submit}
      labelledBy="profile-step-heading"
      submitLabel={t("profile.import.upload")}
      pending={send.isPending}
      labels={{
        organisationId: t("profile.municipality"),
        instrumentId: t("profile.instrument"),
        name: t("profile.import.waveNameLabel"),
        year: t("profile.year"),
        file: t("profile.import.file"),
      }}
    >
      <Paragraph>{t("profile.import.uploadIntro")}</Paragraph>
      <SelectField
        id="profile-upload-wave"
        label={t("profile.import.wave")}
        value={waveId}
        onChange={setWaveId}
      >
        <option value={NEW}>{t("profile.import.newWave")}</option>
        {importable.map((w) => (
          <option key={w.id} value={w.id}>
            {`${w.name} (${w.organisationName})`}
          </option>
        ))}
      </SelectField>
      {waveId === NEW ? (
        <>
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
          <SelectField
            {...form.field("instrumentId")}
            label={t("profile.instrument")}
            value={instrumentId}
            onChange={setInstrumentId}
            required
          >
            <option value="">{t("profile.import.chooseInstrument")}</option>
            {(instruments.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {`${i.name[lang]} (${i.key}, v${i.version})`}
              </option>
            ))}
          </SelectField>
          <Textfield
            {...form.field("name")}
            label={t("profile.import.waveNameLabel")}
            description={t("profile.import.nameHint")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
          <Textfield
            {...form.field("year")}
            label={t("profile.year")}
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            required
          />
        </>
      ) : null}
      <div>
        <Label htmlFor={fileField.id}>{t("profile.import.file")}</Label>
        <p id={`${fileField.id}-desc`} className="profile-hint">
          {t("profile.import.fileHint")}
        </p>
        <input
          id={fileField.id}
          type="file"
          accept=".csv,.xlsx,.sav,text/csv"
          aria-describedby={[`${fileField.id}-desc`, fileField.error ? `${fileField.id}-error` : ""]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={fileField.error ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {fileField.error ? (
          <ValidationMessage id={`${fileField.id}-error`}>{fileField.error}</ValidationMessage>
        ) : null}
      </div>
    </ValidatedForm>
  );
}
