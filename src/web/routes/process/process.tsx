import { Alert, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  ACTOR_KIND_NAMES,
  PROMOTIVE_ELEMENT_NAMES,
  PROMOTIVE_ELEMENTS,
} from "../../../domain/process/parts.ts";
import type { PhaseState, ProcessDetail } from "../../../domain/process/schemas.ts";
import { DataTable } from "../../components/data-table.tsx";
import { StatusMessage } from "../../components/forms.tsx";
import { AppLink, Loading, PageTitle } from "../../components/page.tsx";
import { CompletePhaseForm, NewCycleForm } from "./actions.tsx";
import { PhaseItems } from "./items.tsx";
import { LinkedProfile } from "./linked-profile.tsx";
import { ChecklistChooser, PartsForm } from "./parts-form.tsx";
import { PeopleForm } from "./people-form.tsx";
import { formatDate, PhaseStatusTag, ProgressBar, useLang, useProcess } from "./shared.tsx";

function PhaseFacts({ phase }: { phase: PhaseState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const spent = phase.timeSpent;
  return (
    <Paragraph data-size="sm">
      {phase.startedOn
        ? t("process.detail.startedOn", { date: formatDate(phase.startedOn, lang) })
        : null}
      {phase.completedOn
        ? `. ${t("process.detail.completedOn", { date: formatDate(phase.completedOn, lang) })}`
        : null}
      {phase.decidedBy ? `. ${t("process.detail.decidedBy", { name: phase.decidedBy })}` : null}
      {spent
        ? `. ${
            phase.typicalMonths.max === null
              ? t("process.detail.timeSpentOngoing", { months: spent.months })
              : t("process.detail.timeSpent", {
                  months: spent.months,
                  min: phase.typicalMonths.min,
                  max: phase.typicalMonths.max,
                })
          }${spent.pace === "beyond" ? ` (${t("process.detail.beyondTypical")})` : ""}`
        : null}
      {phase.typicalEnd
        ? `. ${t("process.detail.typicalEnd", { date: formatDate(phase.typicalEnd, lang) })}`
        : null}
      {phase.decisionNote ? `. ${phase.decisionNote}` : null}
    </Paragraph>
  );
}

function Parts({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="process-columns">
      <section aria-labelledby="actors-title">
        <Heading level={3} data-size="xs" id="actors-title">
          {t("process.detail.actors")}
        </Heading>
        <ul>
          {process.actors.map((a) => (
            <li key={`${a.kind}-${a.name}`}>
              {a.name} ({ACTOR_KIND_NAMES[a.kind][lang]})
            </li>
          ))}
        </ul>
        <Heading level={3} data-size="xs">
          {t("process.detail.keyLeaders")}
        </Heading>
        <ul>
          {process.keyLeaders.map((k) => (
            <li key={`${k.name}-${k.role}`}>
              {k.name}, {k.role}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="board-title">
        <Heading level={3} data-size="xs" id="board-title">
          {t("process.detail.board")}
        </Heading>
        <ul>
          {process.board.map((m) => (
            <li key={`${m.name}-${m.sector}`}>
              {m.name}
              {m.role ? `, ${m.role}` : ""} ({t(`process.sectors.${m.sector}`)})
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="promotive-title">
        <Heading level={3} data-size="xs" id="promotive-title">
          {t("process.detail.promotive")}
        </Heading>
        <Paragraph data-size="sm">{t("process.detail.promotiveIntro")}</Paragraph>
        <dl>
          {PROMOTIVE_ELEMENTS.map((e) => (
            <div key={e}>
              <dt>{PROMOTIVE_ELEMENT_NAMES[e][lang]}</dt>
              <dd>{process.promotive[e] || t("process.detail.notDescribed")}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function Linked({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="linked-title">
      <Heading level={3} data-size="xs" id="linked-title">
        {t("process.detail.readiness")}
      </Heading>
      {process.linked.suggestReadiness ? (
        <Alert data-color="info">
          {t("process.detail.suggestReadiness")}{" "}
          <AppLink to="/readiness/new">{t("process.detail.newReadiness")}</AppLink>
        </Alert>
      ) : null}
      {process.linked.readiness.length === 0 ? (
        <Paragraph>{t("process.detail.noReadiness")}</Paragraph>
      ) : (
        <ul>
          {process.linked.readiness.map((a) => (
            <li key={a.id}>
              <AppLink to={`/readiness/${a.id}`}>
                {`${a.title[lang]}, ${formatDate(a.periodStart, lang)} – ${formatDate(a.periodEnd, lang)}`}
              </AppLink>
              {a.stage ? ` (${a.stage})` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Cycles({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      caption={t("process.detail.cyclesCaption")}
      columns={[
        t("process.cycle"),
        t("process.detail.cycleStarted"),
        t("process.detail.cycleClosed"),
        t("process.detail.cycleDays"),
        t("process.detail.prioritisations"),
        t("process.detail.cycleNote"),
      ]}
    >
      {process.cycles.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            {c.id === process.current?.id ? (
              <span aria-current="page">
                {t("process.cycleN", { number: c.number })} ({t("process.detail.showing")})
              </span>
            ) : (
              <AppLink to={`/process/${process.id}/cycles/${c.id}`}>
                {t("process.cycleN", { number: c.number })}
              </AppLink>
            )}
          </Table.Cell>
          <Table.Cell>{formatDate(c.startedOn, lang)}</Table.Cell>
          <Table.Cell>
            {c.closedOn ? formatDate(c.closedOn, lang) : t("process.detail.open")}
          </Table.Cell>
          <Table.Cell>{c.days}</Table.Cell>
          <Table.Cell>{c.linkedPrioritisations}</Table.Cell>
          <Table.Cell>{c.note || "–"}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

export function ProcessPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "", cycleId } = useParams();
  const { query, set } = useProcess(id, cycleId);
  const [message, setMessage] = useState<string | null>(null);
  const process = query.data;
  if (query.isPending) return <Loading />;
  if (!process) return <Paragraph>{t("common.unknownError")}</Paragraph>;
  const cycle = process.current;
  const open = cycle !== null && cycle.closedOn === null;
  const editable = process.abilities.edit && open;
  const saved = (detail: ProcessDetail, text?: string) => {
    set(detail);
    setMessage(text ?? t("process.item.saved"));
  };
  return (
    <>
      <nav aria-label={t("process.breadcrumb")} className="breadcrumb-lite">
        <AppLink to="/process">{t("process.title")}</AppLink>
        {process.collaborationId ? (
          <>
            {" / "}
            <AppLink to={`/process/overview?collaborationId=${process.collaborationId}`}>
              {t("process.boardFor", { name: process.collaborationName ?? "" })}
            </AppLink>
          </>
        ) : null}
      </nav>
      <PageTitle title={process.name}>
        {process.name}
        {cycle ? `: ${t("process.cycleN", { number: cycle.number })}` : ""}
      </PageTitle>
      <StatusMessage message={message} />
      <section aria-labelledby="vision-title">
        <Heading level={2} data-size="xs" id="vision-title">
          {t("process.detail.vision")}
        </Heading>
        <Paragraph>{process.vision || t("process.detail.noVision")}</Paragraph>
        {process.abilities.edit ? (
          <PartsForm key={process.version} process={process} onSaved={saved} />
        ) : null}
      </section>
      {cycle ? (
        <section aria-labelledby="phases-title">
          <Heading level={2} data-size="sm" id="phases-title">
            {t("process.detail.phases")}
          </Heading>
          {open ? null : <Alert data-color="info">{t("process.detail.closedCycle")}</Alert>}
          <ol className="process-phases">
            {cycle.phases.map((p) => (
              <li key={p.phase}>
                <a href={`#phase-${p.phase}`}>
                  {t("process.phaseN", { phase: p.phase, name: p.name[lang] })}
                </a>
                <PhaseStatusTag status={p.status} />
                <ProgressBar
                  percent={p.progress.percent}
                  label={t("process.phaseN", { phase: p.phase, name: p.name[lang] })}
                />
                <span>{t("process.settledOf", p.progress)}</span>
                {p.overdue > 0 ? <span>{`${t("process.overdue")}: ${p.overdue}`}</span> : null}
              </li>
            ))}
          </ol>
          <Paragraph data-size="sm">
            {t("process.detail.checklist", {
              title: process.checklist.title[lang],
              version: process.checklist.version,
            })}
          </Paragraph>
          {editable ? (
            <ChecklistChooser key={process.version} process={process} onSaved={saved} />
          ) : null}
          {cycle.phases.map((p) => (
            <section key={p.phase} aria-labelledby={`phase-${p.phase}`} className="process-phase">
              <Heading level={2} data-size="sm" id={`phase-${p.phase}`} tabIndex={-1}>
                {t("process.phaseN", { phase: p.phase, name: p.name[lang] })}
              </Heading>
              <PhaseStatusTag status={p.status} />
              <PhaseFacts phase={p} />
              {p.status === "current" ? (
                <Paragraph>
                  {p.blockers > 0
                    ? t("process.detail.blockers", { count: p.blockers })
                    : t("process.detail.ready")}
                </Paragraph>
              ) : null}
              {p.phase === 1 ? <Linked process={process} /> : null}
              {p.phase === 3 ? <LinkedProfile process={process} /> : null}
              {p.phase >= 4 && p.status !== "done" ? (
                <Paragraph data-size="sm">{t("process.detail.laterModules")}</Paragraph>
              ) : null}
              <PhaseItems
                process={process}
                phase={p}
                editable={editable}
                onSaved={(d) => saved(d)}
              />
              {editable && p.status === "current" ? (
                <CompletePhaseForm process={process} phase={p} onSaved={saved} />
              ) : null}
            </section>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="parts-title">
        <Heading level={2} data-size="sm" id="parts-title" className="visually-hidden">
          {t("process.detail.parts")}
        </Heading>
        <Parts process={process} />
        {process.abilities.edit ? (
          <PeopleForm key={process.version} process={process} onSaved={saved} />
        ) : null}
      </section>
      <section aria-labelledby="cycles-title">
        <Heading level={2} data-size="sm" id="cycles-title">
          {t("process.detail.cycles")}
        </Heading>
        <Cycles process={process} />
      </section>
      {process.abilities.edit && process.cycles.every((c) => c.closedOn) ? (
        <NewCycleForm process={process} onSaved={saved} />
      ) : null}
    </>
  );
}
