import { Card, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type AssessmentDetail, InterviewCreateBodySchema } from "../../../domain/readiness/api.ts";
import { api } from "../../api.ts";
import { SelectField, useFormErrors, ValidatedForm } from "../../components/forms.tsx";
import { API } from "./shared.tsx";

export function NewInterview({ a }: { a: AssessmentDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useFormErrors("interview");
  const used = new Set(a.interviews.map((i) => i.respondentId));
  const free = a.respondents.filter((r) => !used.has(r.id));
  const [respondentId, setRespondentId] = useState("");
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [duration, setDuration] = useState("45");
  useEffect(() => {
    if (!free.some((r) => r.id === respondentId)) setRespondentId(free[0]?.id ?? "");
  }, [free, respondentId]);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      api<{ id: string }>("POST", `${API}/assessments/${a.id}/interviews`, body),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", a.id] });
      navigate(`/readiness/${a.id}/interviews/${created.id}`);
    },
    onError: form.fromError,
  });
  const labels = {
    respondentId: t("readiness.overview.respondent"),
    heldOn: t("readiness.overview.heldOn"),
    durationMinutes: t("readiness.overview.duration"),
  };
  const submit = () => {
    const parsed = form.parse(
      InterviewCreateBodySchema,
      { respondentId, heldOn, durationMinutes: Number(duration) },
      {
        respondentId: t("readiness.overview.respondentRequired"),
        heldOn: t("readiness.new.dateInvalid"),
        durationMinutes: t("readiness.overview.durationInvalid"),
      },
    );
    if (parsed) create.mutate(parsed);
  };
  return (
    <Card data-color="neutral" className="readiness-subcard">
      <Heading level={3} data-size="xs" id="new-interview-heading">
        {t("readiness.overview.newInterview")}
      </Heading>
      {free.length === 0 ? (
        <Paragraph data-size="sm">{t("readiness.overview.addRespondentFirst")}</Paragraph>
      ) : (
        <ValidatedForm
          form={form}
          onSubmit={submit}
          labels={labels}
          labelledBy="new-interview-heading"
          submitLabel={t("readiness.overview.startInterview")}
          pending={create.isPending}
        >
          <div className="readiness-inline">
            <SelectField
              {...form.field("respondentId")}
              label={labels.respondentId}
              value={respondentId}
              onChange={setRespondentId}
              required
            >
              {free.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.code} · ${r.role}`}
                </option>
              ))}
            </SelectField>
            <Textfield
              {...form.field("heldOn")}
              label={labels.heldOn}
              type="date"
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
              required
            />
            <Textfield
              {...form.field("durationMinutes")}
              label={labels.durationMinutes}
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              required
            />
          </div>
        </ValidatedForm>
      )}
    </Card>
  );
}
