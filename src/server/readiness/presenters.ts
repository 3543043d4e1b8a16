import { createHash } from "node:crypto";
import type { z } from "zod";
import { interRaterAgreement } from "../../domain/readiness/agreement.ts";
import type {
  AgreementSchema,
  AssessmentDetail,
  AssessmentSummarySchema,
  ConsensusView,
  GuideSchema,
  InterviewDetailSchema,
  InterviewSummarySchema,
  RespondentSchema,
  Results,
  ScoreSheet,
} from "../../domain/readiness/api.ts";
import {
  DIMENSION_LETTERS,
  DIMENSIONS,
  type DimensionLetter,
} from "../../domain/readiness/dimensions.ts";
import type { GuideQuestion } from "../../domain/readiness/guide.ts";
import { interviewCountWarning } from "../../domain/readiness/interview-count.ts";
import {
  type InterviewScores,
  type ReadinessResult,
  readinessResult,
  type ScoreGrid,
} from "../../domain/readiness/scoring.ts";
import { SECTOR_KEYS, type SectorKey } from "../../domain/readiness/sectors.ts";
import { STAGES, type StageNumber } from "../../domain/readiness/stages.ts";
import { type Topic, topicName } from "../../domain/readiness/topics.ts";
import type { AssessmentData, ScoreRow, TeamMember } from "./assessment-data.ts";
import type { AssessmentListRow } from "./list-queries.ts";
import type { AssessmentSummaryData, GuideRow, InterviewRow, RespondentRow } from "./queries.ts";

type Scores = Partial<Record<DimensionLetter, number>>;

export function presentGuide(row: GuideRow): z.infer<typeof GuideSchema> {
  const questions = row.questions as GuideQuestion[];
  return {
    id: row.id,
    organisationId: row.organisationId,
    key: row.key,
    version: row.version,
    title: row.title as z.infer<typeof GuideSchema>["title"],
    questions: questions.map((q) => ({
      id: q.id,
      dimension: q.dimension,
      text: q.text,
      followUps: [...q.followUps],
    })),
  };
}

/** Respondents are known by their code outside the team; name and contact only on request. */
export function presentRespondent(
  row: RespondentRow,
  code: string,
  options: { includeIdentity: boolean },
): z.infer<typeof RespondentSchema> {
  return {
    id: row.id,
    code,
    role: row.role,
    sector: row.sector as SectorKey,
    ...(options.includeIdentity ? { name: row.name, contact: row.contact } : {}),
  };
}

/** R1, R2… in registration order. */
export function respondentCodes(data: AssessmentData): Map<string, string> {
  return new Map(data.respondents.map((r, i) => [r.id, `R${i + 1}`]));
}

function consensusSheets(data: AssessmentSummaryData): InterviewScores[] {
  return data.interviews.map((interview) => ({
    interviewId: interview.id,
    scores: Object.fromEntries(
      data.consensus
        .filter((c) => c.interviewId === interview.id)
        .map((c) => [c.dimension, c.score]),
    ),
  }));
}

function resultOf(data: AssessmentSummaryData): ReadinessResult {
  return readinessResult(consensusSheets(data), data.assessment.scoreGrid);
}

// A result is exact rational arithmetic over every consensus score, some 50 µs an assessment: a
// list page of 100 spent most of its CPU here. Results are kept per assessment with a digest of
// what they were computed from (grid and consensus), so any changed score computes afresh.
const RESULTS_KEPT = 10_000;
const keptResults = new Map<string, { digest: string; result: ReadinessResult }>();

function keptResultOf(data: AssessmentSummaryData): ReadinessResult {
  let input = JSON.stringify(data.assessment.scoreGrid);
  for (const i of data.interviews) input += `|${i.id}`;
  for (const c of data.consensus) input += `|${c.interviewId}:${c.dimension}:${c.score}`;
  const digest = createHash("sha1").update(input).digest("base64");
  const kept = keptResults.get(data.assessment.id);
  if (kept?.digest === digest) return kept.result;
  const result = resultOf(data);
  if (keptResults.size >= RESULTS_KEPT) keptResults.clear();
  keptResults.set(data.assessment.id, { digest, result });
  return result;
}

/** A list entry from its row: score and stage are computed from the sheets the row carries. */
export function presentListEntry(row: AssessmentListRow): z.infer<typeof AssessmentSummarySchema> {
  const a = row.assessment;
  const result = readinessResult(
    row.sheets.map((sheet) => ({
      interviewId: sheet.interviewId,
      scores: Object.fromEntries(
        Object.entries(sheet.scores).map(([dimension, score]) => [dimension, Number(score)]),
      ),
    })),
    a.scoreGrid,
  );
  return {
    id: a.id,
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    topic: a.topic as Topic,
    topicName: topicName(a.topic as Topic),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    targetInterviews: a.targetInterviews,
    scoreGrid: a.scoreGrid,
    interviewCount: row.sheets.length,
    score: result.ok ? result.score : null,
    stage: result.ok ? result.stage : null,
  };
}

/** From the list's lean rows or a detail view's full data alike. */
export function presentSummary(
  data: AssessmentSummaryData,
): z.infer<typeof AssessmentSummarySchema> {
  const a = data.assessment;
  const result = keptResultOf(data);
  return {
    id: a.id,
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    topic: a.topic as Topic,
    topicName: topicName(a.topic as Topic),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    targetInterviews: a.targetInterviews,
    scoreGrid: a.scoreGrid,
    interviewCount: data.interviews.length,
    score: result.ok ? result.score : null,
    stage: result.ok ? result.stage : null,
  };
}

function interviewSummary(
  data: AssessmentData,
  interview: InterviewRow,
): z.infer<typeof InterviewSummarySchema> {
  return {
    id: interview.id,
    number: interview.number,
    respondentId: interview.respondentId,
    interviewerId: interview.interviewerId,
    heldOn: interview.heldOn,
    durationMinutes: interview.durationMinutes,
    submittedScorerIds: data.submissions
      .filter((s) => s.interviewId === interview.id)
      .map((s) => s.scorerId)
      .sort(),
    consensusCount: data.consensus.filter((c) => c.interviewId === interview.id).length,
  };
}

function notice(data: AssessmentData) {
  return interviewCountWarning(data.interviews.length, data.assessment.targetInterviews);
}

export function presentDetail(
  data: AssessmentData,
  guide: GuideRow,
  options: { includeIdentity: boolean; abilities: AssessmentDetail["abilities"] },
): AssessmentDetail {
  const codes = respondentCodes(data);
  return {
    ...presentSummary(data),
    guide: {
      id: guide.id,
      key: guide.key,
      version: guide.version,
      title: presentGuide(guide).title,
    },
    team: data.team.map((m) => ({ userId: m.userId, displayName: m.displayName, roles: m.roles })),
    respondents: data.respondents.map((r) => presentRespondent(r, codes.get(r.id)!, options)),
    interviews: data.interviews.map((i) => interviewSummary(data, i)),
    interviewNotice: notice(data),
    version: data.assessment.version,
    abilities: options.abilities,
  };
}

export function presentInterview(
  data: AssessmentData,
  interview: InterviewRow,
  guide: GuideRow,
  options: { includeIdentity: boolean },
): z.infer<typeof InterviewDetailSchema> {
  const respondent = data.respondents.find((r) => r.id === interview.respondentId)!;
  return {
    ...interviewSummary(data, interview),
    assessmentId: interview.assessmentId,
    respondent: presentRespondent(respondent, respondentCodes(data).get(respondent.id)!, options),
    answers: interview.answers as Record<string, string>,
    version: interview.version,
    guide: presentGuide(guide),
    topicName: topicName(data.assessment.topic as Topic),
  };
}

export function scorersOf(data: AssessmentData): TeamMember[] {
  return data.team.filter((m) => m.roles.includes("scorer"));
}

function scoresBy(rows: ScoreRow[], interviewId: string, scorerId: string): Scores {
  return Object.fromEntries(
    rows
      .filter((r) => r.interviewId === interviewId && r.scorerId === scorerId)
      .map((r) => [r.dimension, r.score]),
  );
}

function hasSubmitted(data: AssessmentData, interviewId: string, scorerId: string): boolean {
  return data.submissions.some((s) => s.interviewId === interviewId && s.scorerId === scorerId);
}

/**
 * Blind scoring: another scorer's scores stay hidden until both the caller and that scorer have
 * submitted for this interview.
 */
export function presentScoreSheet(
  data: AssessmentData,
  interviewId: string,
  callerId: string,
): ScoreSheet {
  const submitted = hasSubmitted(data, interviewId, callerId);
  return {
    interviewId,
    scoreGrid: data.assessment.scoreGrid,
    scores: scoresBy(data.scores, interviewId, callerId),
    submitted,
    others: scorersOf(data)
      .filter((m) => m.userId !== callerId)
      .map((m) => {
        const theirs = hasSubmitted(data, interviewId, m.userId);
        return {
          scorerId: m.userId,
          displayName: m.displayName,
          submitted: theirs,
          scores: submitted && theirs ? scoresBy(data.scores, interviewId, m.userId) : null,
        };
      }),
  };
}

export function interviewReady(data: AssessmentData, interviewId: string): boolean {
  const scorers = scorersOf(data);
  return scorers.length > 0 && scorers.every((m) => hasSubmitted(data, interviewId, m.userId));
}

/** Between the first two scorers by user id, over the sheets each has submitted. */
export function agreementOf(data: AssessmentData): z.infer<typeof AgreementSchema> | null {
  const [first, second] = scorersOf(data);
  if (!first || !second) return null;
  const sheets = (scorerId: string): InterviewScores[] =>
    data.interviews
      .filter((i) => hasSubmitted(data, i.id, scorerId))
      .map((i) => ({ interviewId: i.id, scores: scoresBy(data.scores, i.id, scorerId) }));
  return interRaterAgreement(
    sheets(first.userId),
    sheets(second.userId),
    data.assessment.scoreGrid as ScoreGrid,
  );
}

/** Scores are shown only for interviews every scorer has submitted, so the view stays blind. */
export function presentConsensusView(data: AssessmentData): ConsensusView {
  const scorers = scorersOf(data);
  return {
    scoreGrid: data.assessment.scoreGrid,
    interviews: data.interviews.map((interview) => {
      const ready = interviewReady(data, interview.id);
      return {
        interviewId: interview.id,
        number: interview.number,
        ready,
        rows: DIMENSION_LETTERS.map((dimension) => {
          const scores = scorers.map((m) => ({
            scorerId: m.userId,
            displayName: m.displayName,
            score: ready
              ? (scoresBy(data.scores, interview.id, m.userId)[dimension] ?? null)
              : null,
          }));
          const values = new Set(scores.map((s) => s.score).filter((s) => s !== null));
          const agreed = data.consensus.find(
            (c) => c.interviewId === interview.id && c.dimension === dimension,
          );
          return {
            dimension,
            scores,
            differs: values.size > 1,
            consensus: agreed ? { score: agreed.score, comment: agreed.comment } : null,
          };
        }),
      };
    }),
    agreement: agreementOf(data),
  };
}

function stageText(stage: StageNumber) {
  const s = STAGES[stage];
  const checked = s.goal.provenance === "checked" && s.strategies.provenance === "checked";
  return {
    stage,
    name: s.name,
    description: s.description,
    goal: s.goal.goal,
    strategies: [...s.strategies.items],
    provenance: checked ? ("checked" as const) : ("handbook_summary" as const),
  };
}

export function missingMessage(missing: readonly DimensionLetter[]): string {
  const names = missing.map((l) => `${l} (${DIMENSIONS[l].name.sv.toLowerCase()})`).join(", ");
  return `Konsensuspoäng saknas för ${names}. Den samlade nivån kräver minst en konsensuspoäng i varje dimension.`;
}

export function presentResults(data: AssessmentData): Results {
  const result = resultOf(data);
  const dimensionStages: Results["dimensionStages"] = {};
  for (const [letter, d] of Object.entries(result.dimensions)) {
    dimensionStages[letter as DimensionLetter] = stageText(d.stage);
  }
  const interviewed = new Set(data.interviews.map((i) => i.respondentId));
  const sectors = data.respondents.filter((r) => interviewed.has(r.id)).map((r) => r.sector);
  return {
    assessment: presentSummary(data),
    complete: result.ok,
    missing: result.ok ? [] : result.missing,
    message: result.ok ? null : missingMessage(result.missing),
    dimensions: result.dimensions,
    score: result.ok ? result.score : null,
    stage: result.ok ? stageText(result.stage) : null,
    lowest: result.ok ? result.lowest : [],
    dimensionStages,
    agreement: agreementOf(data),
    respondentsBySector: SECTOR_KEYS.map((sector) => ({
      sector,
      count: sectors.filter((s) => s === sector).length,
    })).filter((s) => s.count > 0),
    interviewNotice: notice(data),
  };
}
