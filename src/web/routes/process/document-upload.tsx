import { Heading, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DOCUMENT_MAX_BYTES, typeOfName } from "../../../domain/process/documents.ts";
import type { ItemView, ProcessDetail } from "../../../domain/process/schemas.ts";
import { query } from "../../api.ts";
import { useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { uploadRaw } from "../profile/shared.tsx";
import { API } from "./shared.tsx";

const ACCEPT = ".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg,.txt";

/**
 * Where a piece of evidence is removed: an uploaded document through its own route (from the
 * item's version, so the file goes only from the item the person saw), a link through the
 * evidence route.
 */
export function evidenceRemovalUrl(process: ProcessDetail, item: ItemView, evidenceId: string) {
  const uploaded = item.evidence.find((e) => e.id === evidenceId && e.kind === "document")?.url;
  const documents = `${API}/processes/${process.id}/items/${item.id}/documents/`;
  return uploaded?.startsWith(documents)
    ? `${uploaded}${query({ version: item.version })}`
    : `${API}/processes/${process.id}/items/${item.id}/evidence/${evidenceId}`;
}

/** Uploads a file as the milestone's evidence; the server judges its type by its content. */
export function DocumentUpload({
  process,
  item,
  onSaved,
}: {
  process: ProcessDetail;
  item: ItemView;
  onSaved: (detail: ProcessDetail) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(`upload-${item.id}`);
  const [file, setFile] = useState<File | null>(null);
  const fileField = form.field("file");
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      uploadRaw<ProcessDetail>(
        `${API}/processes/${process.id}/items/${item.id}/documents${query({
          name: chosen.name,
          version: item.version,
        })}`,
        chosen,
      ),
    onSuccess: (detail) => {
      setFile(null);
      onSaved(detail);
    },
    onError: form.fromError,
  });
  const submit = () => {
    const problem = !file
      ? t("process.document.chooseFile")
      : file.size > DOCUMENT_MAX_BYTES
        ? t("process.document.tooLarge")
        : !typeOfName(file.name)
          ? t("process.document.wrongType")
          : null;
    if (problem || !file) {
      form.validate({ file: problem ?? "" });
      return;
    }
    form.clear();
    upload.mutate(file);
  };
  const titleId = `upload-${item.id}-title`;
  const hintId = `${fileField.id}-desc`;
  return (
    <section aria-labelledby={titleId}>
      <Heading level={3} data-size="2xs" id={titleId}>
        {t("process.document.title")}
      </Heading>
      <ValidatedForm
        form={form}
        onSubmit={submit}
        labelledBy={titleId}
        submitLabel={t("process.document.upload")}
        pending={upload.isPending}
        variant="secondary"
        labels={{ file: t("process.document.file") }}
      >
        <div>
          <Label htmlFor={fileField.id}>{t("process.document.file")}</Label>
          <Paragraph id={hintId} data-size="sm">
            {t("process.document.hint")}
          </Paragraph>
          <input
            id={fileField.id}
            type="file"
            accept={ACCEPT}
            aria-describedby={[hintId, fileField.error ? `${fileField.id}-error` : ""]
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
    </section>
  );
}
