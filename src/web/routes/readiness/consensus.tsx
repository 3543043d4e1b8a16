import { Alert, Button, Heading, Paragraph, Table, Textfield } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ConsensusView } from "../../../domain/readiness/api.ts";
import type { DimensionLetter } from "../../../domain/readiness/dimensions.ts";
import { type ApiError, api, get } from "../../api.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ForbiddenPage, isForbidden } from "../../components/forbidden.tsx";
import { SelectField, StatusMessage, useFormErrors } from "../../components/forms.tsx";
import { Loading, PageTitle } from "../../components/page.tsx";
import { NotFoundPage } from "../platform/not-found.tsx";
import {
  API,
  BackToAssessment,
  dimensionName,
  formatPercent,
  formatScore,
  gridValues,
  useLang,
} from "./shared.tsx";

type InterviewView = ConsensusView["interviews"][number];
type Row = InterviewView["rows"][number];
interface Cell {
  score: string;
  comment: string;
}

export function ReadinessConsensusPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = "" } = useParams();
  const view = useQuery<ConsensusView, ApiError>({
    queryKey: ["readiness", "consensus", id],
    queryFn: () => get<ConsensusView>(`${API}/assessments/${id}/consensus`),
  });
  const [status, setStatus] = useState<string | null>(null);
  if (view.isPending) return <Loading />;
  if (view.isError) return isForbidden(view.error) ? <ForbiddenPage /> : <NotFoundPage />;
  const v = view.data;
  const title = t("readiness.consensus.title");
  const agreement = v.agreement;
  return (
    <>
      <BackToAssessment id={id} />
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{t("readiness.consensus.intro")}</Paragraph>
      <StatusMessage message={status} />
      <section aria-labelledby="agreement-heading" className="readiness-section">
        <Heading level={2} data-size="sm" id="agreement-heading">
          {t("readiness.agreement.title")}
        </Heading>
        {agreement && agreement.pairs > 0 ? (
          <dl className="facts">
            <dt>{t("readiness.agreement.pairs")}</dt>
            <dd>{agreement.pairs}</dd>
            <dt>{t("readiness.agreement.exact")}</dt>
            <dd>{formatPercent(agreement.exactAgreement, lang)}</dd>
            <dt>{t("readiness.agreement.withinOne")}</dt>
            <dd>{formatPercent(agreement.withinOnePoint, lang)}</dd>
            <dt>{t("readiness.agreement.mad")}</dt>
            <dd>{formatScore(agreement.meanAbsoluteDifference, lang)}</dd>
          </dl>
        ) : (
          <Paragraph>{t("readiness.agreement.none")}</Paragraph>
        )}
      </section>
      {v.interviews.length === 0 ? (
        <Paragraph>{t("readiness.overview.noInterviews")}</Paragraph>
      ) : null}
      {v.interviews.map((i) => (
        <InterviewConsensus
          key={i.interviewId}
          assessmentId={id}
          interview={i}
          values={gridValues(v.scoreGrid)}
          onSaved={setStatus}
        />
      ))}
    </>
  );
}

function initialCell(row: Row): Cell {
  if (row.consensus) {
    return { score: String(row.consensus.score), comment: row.consensus.comment ?? "" };
  }
  const given = row.scores.map((s) => s.score).filter((s): s is number => s !== null);
  const agreed = given.length > 1 && given.every((s) => s === given[0]) ? String(given[0]) : "";
  return { score: agreed, comment: "" };
}

function InterviewConsensus({
  assessmentId,
  interview,
  values,
  onSaved,
}: {
  assessmentId: string;
  interview: InterviewView;
  values: number[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const form = useFormErrors(`consensus-${interview.number}`);
  const [cells, setCells] = useState<Record<string, Cell>>(() =>
    Object.fromEntries(interview.rows.map((r) => [r.dimension, initialCell(r)])),
  );
  const scorers = interview.rows[0]?.scores ?? [];
  const heading = t("readiness.overview.interviewN", { n: interview.number });
  const done = interview.rows.filter((r) => r.consensus).length;

  const save = useMutation({
    mutationFn: async () => {
      for (const row of interview.rows) {
        const cell = cells[row.dimension];
        if (!cell || cell.score === "") continue;
        const unchanged =
          row.consensus &&
          String(row.consensus.score) === cell.score &&
          (row.consensus.comment ?? "") === cell.comment.trim();
        if (unchanged) continue;
        await api("PUT", `${API}/assessments/${assessmentId}/consensus`, {
          interviewId: interview.interviewId,
          dimension: row.dimension,
          score: Number(cell.score),
          ...(cell.comment.trim() ? { comment: cell.comment.trim() } : {}),
        });
      }
    },
    onSuccess: async () => {
      form.clear();
      await client.invalidateQueries({ queryKey: ["readiness", "consensus", assessmentId] });
      await client.invalidateQueries({ queryKey: ["readiness", "assessment", assessmentId] });
      await client.invalidateQueries({ queryKey: ["readiness", "results", assessmentId] });
      onSaved(t("readiness.consensus.saved", { n: interview.number }));
    },
    onError: form.fromError,
  });
  const set = (d: DimensionLetter, patch: Partial<Cell>) =>
    setCells((prev) => ({
      ...prev,
      [d]: { ...(prev[d] ?? { score: "", comment: "" }), ...patch },
    }));

  return (
    <section aria-labelledby={`consensus-${interview.interviewId}`} className="readiness-section">
      <Heading level={2} data-size="sm" id={`consensus-${interview.interviewId}`}>
        {heading}
      </Heading>
      <Paragraph data-size="sm">{t("readiness.overview.consensusOf", { done })}</Paragraph>
      {!interview.ready ? (
        <Alert data-color="info">{t("readiness.consensus.notReady")}</Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          className="readiness-wide-form"
        >
          {form.formError ? (
            <Alert data-color="danger" role="alert">
              {form.formError}
            </Alert>
          ) : null}
          <DataTable
            zebra={false}
            hiddenCaption
            caption={t("readiness.consensus.caption", { n: interview.number })}
            columns={[
              t("readiness.dimension"),
              ...scorers.map((s) => s.displayName),
              t("readiness.consensus.difference"),
              t("readiness.consensus.score"),
              t("readiness.consensus.comment"),
            ]}
          >
            {interview.rows.map((row) => {
              const name = dimensionName(row.dimension, lang);
              const cell = cells[row.dimension] ?? { score: "", comment: "" };
              return (
                <Table.Row key={row.dimension} data-differs={row.differs || undefined}>
                  <Table.HeaderCell scope="row">
                    {row.dimension}. {name}
                  </Table.HeaderCell>
                  {row.scores.map((s) => (
                    <Table.Cell key={s.scorerId}>{formatScore(s.score, lang)}</Table.Cell>
                  ))}
                  <Table.Cell>
                    {row.differs ? (
                      <span className="readiness-differs">
                        <span aria-hidden="true">⚠ </span>
                        {t("readiness.consensus.differs")}
                      </span>
                    ) : (
                      <span className="readiness-agrees">
                        <span aria-hidden="true">✓ </span>
                        {t("readiness.consensus.agrees")}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <SelectField
                      id={`cons-${interview.number}-${row.dimension}`}
                      label={t("readiness.consensus.scoreFor", {
                        n: interview.number,
                        dimension: name,
                      })}
                      value={cell.score}
                      onChange={(value) => set(row.dimension, { score: value })}
                      error={form.fieldErrors.score}
                    >
                      <option value="">{t("readiness.scoring.choose")}</option>
                      {values.map((v) => (
                        <option key={v} value={String(v)}>
                          {formatScore(v, lang)}
                        </option>
                      ))}
                    </SelectField>
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      id={`cons-${interview.number}-${row.dimension}-comment`}
                      label={t("readiness.consensus.commentFor", {
                        n: interview.number,
                        dimension: name,
                      })}
                      value={cell.comment}
                      onChange={(e) => set(row.dimension, { comment: e.target.value })}
                    />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </DataTable>
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t("readiness.consensus.save", { n: interview.number })}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
