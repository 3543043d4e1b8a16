import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { SIP_RESPONSIBLE_KINDS, type SipResponsibleKind } from "../../../domain/support/sip.ts";
import { api } from "../../api.ts";
import {
  FormActions,
  Options,
  SelectField,
  StatusMessage,
  useFormErrors,
  ValidatedForm,
} from "../../components/forms.tsx";
import { Loading } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import { CaseHeader, useCase } from "./case.tsx";
import { isNotFound, latestSip, type Sip, type SipList, urls, useSupportQuery } from "./shared.tsx";

interface Intervention {
  what: string;
  responsibleKind: SipResponsibleKind;
  responsibleName: string;
}
interface Participant {
  name: string;
  role: string;
}

interface Draft {
  interventions: Intervention[];
  overallResponsible: string;
  overallResponsibleName: string;
  meetingOn: string;
  participants: Participant[];
  minutes: string;
  followUpOn: string;
  childGoals: string;
  childVoice: string;
  consentId: string;
}

const EMPTY: Draft = {
  interventions: [{ what: "", responsibleKind: "municipality", responsibleName: "" }],
  overallResponsible: "",
  overallResponsibleName: "",
  meetingOn: "",
  participants: [{ name: "", role: "" }],
  minutes: "",
  followUpOn: "",
  childGoals: "",
  childVoice: "",
  consentId: "",
};

function draftOf(sip: Sip): Draft {
  return {
    interventions: sip.interventions.length > 0 ? sip.interventions : EMPTY.interventions,
    overallResponsible: sip.overallResponsible ?? "",
    overallResponsibleName: sip.overallResponsibleName,
    meetingOn: sip.meetingOn ?? "",
    participants: sip.participants.length > 0 ? sip.participants : EMPTY.participants,
    minutes: sip.minutes,
    followUpOn: sip.followUpOn ?? "",
    childGoals: sip.childGoals,
    childVoice: sip.childVoice,
    consentId: sip.consentId ?? "",
  };
}

/** The SIP editor: the four points the law requires, the meeting, the child's goals and voice. */
export function SupportSipPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const detail = useCase(id);
  const list = useSupportQuery<SipList>(["sips", id], urls.sips(id));
  const current = latestSip(list.data);
  const form = useFormErrors("sip");
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the saved plan once, then edit
  useEffect(() => {
    if (current) setDraft(draftOf(current));
  }, [current?.id]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      current
        ? api<Sip>("PUT", urls.sip(id, current.id), { ...body, version: current.version })
        : api<Sip>("POST", urls.sips(id), body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      setStatus(t("support.sip.saved"));
    },
    onError: form.fromError,
  });
  const agree = useMutation({
    mutationFn: (sip: Sip) =>
      api("POST", urls.sipStatus(id, sip.id), { status: "agreed", version: sip.version }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["support"] });
      setStatus(t("support.sip.agreedNow"));
    },
    onError: form.fromError,
  });

  if (detail.isPending || list.isPending) return <Loading />;
  if (isNotFound(detail.error) || isNotFound(list.error)) return <NotFoundPage />;
  if (!detail.data) return <Paragraph>{t("common.unknownError")}</Paragraph>;

  const sipConsents = (detail.data.consents ?? []).filter(
    (c) => c.kind === "sip" && !c.withdrawnAt,
  );
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const setIntervention = (i: number, change: Partial<Intervention>) =>
    set({ interventions: draft.interventions.map((x, j) => (j === i ? { ...x, ...change } : x)) });
  const setParticipant = (i: number, change: Partial<Participant>) =>
    set({ participants: draft.participants.map((x, j) => (j === i ? { ...x, ...change } : x)) });

  const submit = () =>
    save.mutate({
      interventions: draft.interventions.filter((x) => x.what.trim() || x.responsibleName.trim()),
      overallResponsible: draft.overallResponsible || null,
      overallResponsibleName: draft.overallResponsibleName,
      meetingOn: draft.meetingOn || null,
      participants: draft.participants.filter((p) => p.name.trim() || p.role.trim()),
      minutes: draft.minutes,
      followUpOn: draft.followUpOn || null,
      childGoals: draft.childGoals,
      childVoice: draft.childVoice,
      consentId: draft.consentId || null,
    });

  return (
    <>
      <CaseHeader detail={detail.data} title={t("support.sip.title")} />
      <Paragraph>{t("support.sip.intro")}</Paragraph>
      <StatusMessage message={status} />
      {current ? (
        <Paragraph>
          {t("support.sip.statusLine", { status: t(`support.sip.statuses.${current.status}`) })}{" "}
          <a className="ds-link" href={urls.sipPdf(id, current.id)} download>
            {t("support.sip.pdf")}
          </a>
        </Paragraph>
      ) : null}
      {current && current.missing.length > 0 ? (
        <Alert data-color="warning">
          {t("support.sip.missing")}
          <ul>
            {current.missing.map((m) => (
              <li key={m}>{t(`support.sip.requirements.${m}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="support-form">
        <ValidatedForm
          form={form}
          onSubmit={submit}
          actions={
            <FormActions
              submitLabel={t("common.save")}
              pending={save.isPending}
              onCancel={() => navigate(`/support/cases/${id}`)}
            >
              {current && current.status === "draft" && current.missing.length === 0 ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => agree.mutate(current)}
                  disabled={agree.isPending}
                >
                  {t("support.sip.agree")}
                </Button>
              ) : null}
            </FormActions>
          }
        >
          {sipConsents.length > 0 ? (
            <SelectField
              {...form.field("consentId")}
              label={t("support.sip.consent")}
              value={draft.consentId}
              onChange={(consentId) => set({ consentId })}
            >
              <option value="">{t("support.sip.noConsent")}</option>
              {sipConsents.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.giverName}: {c.purpose}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Heading level={2} data-size="sm">
            {t("support.sip.interventions")}
          </Heading>
          {draft.interventions.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="support-row">
              <Textfield
                {...form.field(`interventions.${i}.what`)}
                label={t("support.sip.interventionWhat", { n: i + 1 })}
                value={x.what}
                onChange={(e) => setIntervention(i, { what: e.target.value })}
              />
              <div className="support-inline">
                <SelectField
                  {...form.field(`interventions.${i}.responsibleKind`)}
                  label={t("support.sip.responsibleKind", { n: i + 1 })}
                  value={x.responsibleKind}
                  onChange={(v) => setIntervention(i, { responsibleKind: v as SipResponsibleKind })}
                >
                  <Options
                    values={SIP_RESPONSIBLE_KINDS}
                    label={(k) => t(`support.sip.responsible.${k}`)}
                  />
                </SelectField>
                <Textfield
                  {...form.field(`interventions.${i}.responsibleName`)}
                  label={t("support.sip.responsibleName", { n: i + 1 })}
                  value={x.responsibleName}
                  onChange={(e) => setIntervention(i, { responsibleName: e.target.value })}
                />
              </div>
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="tertiary"
              onClick={() =>
                set({ interventions: [...draft.interventions, { ...EMPTY.interventions[0]! }] })
              }
            >
              {t("support.sip.addIntervention")}
            </Button>
          </div>
          <div className="support-inline">
            <SelectField
              {...form.field("overallResponsible")}
              label={t("support.sip.overall")}
              value={draft.overallResponsible}
              onChange={(v) => set({ overallResponsible: v })}
            >
              <Options
                values={SIP_RESPONSIBLE_KINDS.filter((k) => k !== "other")}
                label={(k) => t(`support.sip.responsible.${k}`)}
                placeholder={t("support.sip.choose")}
              />
            </SelectField>
            <Textfield
              {...form.field("overallResponsibleName")}
              label={t("support.sip.overallName")}
              value={draft.overallResponsibleName}
              onChange={(e) => set({ overallResponsibleName: e.target.value })}
            />
          </div>
          <Heading level={2} data-size="sm">
            {t("support.sip.meetingTitle")}
          </Heading>
          <div className="support-inline">
            <Textfield
              {...form.field("meetingOn")}
              label={t("support.sip.meeting")}
              type="date"
              value={draft.meetingOn}
              onChange={(e) => set({ meetingOn: e.target.value })}
            />
            <Textfield
              {...form.field("followUpOn")}
              label={t("support.sip.followUp")}
              type="date"
              value={draft.followUpOn}
              onChange={(e) => set({ followUpOn: e.target.value })}
            />
          </div>
          {draft.participants.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <div key={i} className="support-inline">
              <Textfield
                {...form.field(`participants.${i}.name`)}
                label={t("support.sip.participantName", { n: i + 1 })}
                value={p.name}
                onChange={(e) => setParticipant(i, { name: e.target.value })}
              />
              <Textfield
                {...form.field(`participants.${i}.role`)}
                label={t("support.sip.participantRole", { n: i + 1 })}
                value={p.role}
                onChange={(e) => setParticipant(i, { role: e.target.value })}
              />
            </div>
          ))}
          <div>
            <Button
              type="button"
              variant="tertiary"
              onClick={() => set({ participants: [...draft.participants, { name: "", role: "" }] })}
            >
              {t("support.sip.addParticipant")}
            </Button>
          </div>
          <Textfield
            {...form.field("minutes")}
            label={t("support.sip.minutes")}
            multiline
            rows={4}
            value={draft.minutes}
            onChange={(e) => set({ minutes: e.target.value })}
          />
          <Textfield
            {...form.field("childGoals")}
            label={t("support.sip.childGoals")}
            multiline
            rows={3}
            value={draft.childGoals}
            onChange={(e) => set({ childGoals: e.target.value })}
          />
          <Textfield
            {...form.field("childVoice")}
            label={t("support.sip.childVoice")}
            description={t("support.sip.childVoiceHint")}
            multiline
            rows={3}
            value={draft.childVoice}
            onChange={(e) => set({ childVoice: e.target.value })}
          />
        </ValidatedForm>
      </div>
    </>
  );
}
