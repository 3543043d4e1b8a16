import { Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseScope } from "../../../domain/support/access.ts";
import { CHRONOLOGY_CATEGORIES } from "../../../domain/support/chronology.ts";
import { api } from "../../api.ts";
import { Options, SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { Part } from "./case-parts.tsx";
import { type Chronology, formatDate, urls, useLang, useSupportQuery } from "./shared.tsx";

export function ChronologyPart({ caseId, scopes }: { caseId: string; scopes: CaseScope[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const list = useSupportQuery<Chronology>(["chronology", caseId], urls.chronology(caseId));
  const events = list.data?.events ?? [];
  const form = useFormErrors("chronology");
  const [category, setCategory] = useState<string>("support");
  const [text, setText] = useState("");
  const [scope, setScope] = useState<string>("chronology");
  const add = useMutation({
    mutationFn: () =>
      api("POST", urls.chronology(caseId), {
        occurredOn: new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }),
        category,
        text,
        scope,
      }),
    onSuccess: async () => {
      setText("");
      await client.invalidateQueries({ queryKey: ["support", "chronology", caseId] });
    },
    onError: form.fromError,
  });
  return (
    <Part
      id="case-chronology"
      title={t("support.parts.chronology")}
      pending={list.isPending}
      empty={false}
      emptyText=""
    >
      {events.length === 0 ? <Paragraph>{t("support.chronology.none")}</Paragraph> : null}
      <ol className="support-chronology">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredOn}>{formatDate(e.occurredOn, lang)}</time> (
            {t(`support.chronology.categories.${e.category}`)}): {e.text} – {e.recordedBy.name}
          </li>
        ))}
      </ol>
      <details className="support-form">
        <summary>{t("support.chronology.new")}</summary>
        <ValidatedForm
          form={form}
          onSubmit={() => {
            if (form.validate(text.trim() ? {} : { text: t("common.required") })) add.mutate();
          }}
          submitLabel={t("support.chronology.add")}
          pending={add.isPending}
          variant="secondary"
        >
          <SelectField
            {...form.field("category")}
            label={t("support.chronology.category")}
            value={category}
            onChange={setCategory}
          >
            <Options
              values={CHRONOLOGY_CATEGORIES}
              label={(c) => t(`support.chronology.categories.${c}`)}
            />
          </SelectField>
          <Textfield
            {...form.field("text")}
            label={t("support.chronology.text")}
            multiline
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField
            {...form.field("scope")}
            label={t("support.chronology.scope")}
            description={t("support.chronology.scopeHint")}
            value={scope}
            onChange={setScope}
          >
            <Options values={scopes} label={(s) => t(`support.parts.${s}`)} />
          </SelectField>
        </ValidatedForm>
      </details>
    </Part>
  );
}
