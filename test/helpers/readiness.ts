import { eq, isNull, max } from "drizzle-orm";
import type { Db, DbOrTx } from "../../src/db/database.ts";
import {
  readinessAssessments,
  readinessConsensus,
  readinessGuides,
  readinessInterviews,
  readinessRespondents,
  readinessScoreSubmissions,
  readinessScores,
  readinessTeam,
} from "../../src/db/schema/readiness.ts";
import type { DimensionLetter } from "../../src/domain/readiness/dimensions.ts";
import type { Topic } from "../../src/domain/readiness/topics.ts";
import type { TestApp } from "./app.ts";
import { buildUser } from "./factories.ts";
import { call, type Method } from "./http.ts";

type TeamRole = "lead" | "interviewer" | "scorer";
type Scores = Partial<Record<DimensionLetter, number>>;

/** A request to the readiness API: `url` is the path below /api/readiness. */
export function callReadiness(
  t: TestApp,
  method: Method,
  url: string,
  headers: object,
  payload?: unknown,
) {
  return call(t, method, `/api/readiness${url}`, headers, payload);
}

export const ANDT: Topic = { kind: "preset", key: "andt" };

/** An assessment written straight to the database; its team is built when not given. */
export async function buildAssessment(
  db: DbOrTx,
  options: {
    organisationId: string;
    team?: { userId: string; roles: TeamRole[] }[];
    topic?: Topic;
    periodStart?: string;
  },
) {
  const [guide] = await db
    .select()
    .from(readinessGuides)
    .where(isNull(readinessGuides.organisationId));
  const team = options.team ?? [
    {
      userId: (await buildUser(db, { role: "coordinator", organisationId: options.organisationId }))
        .id,
      roles: ["lead", "interviewer", "scorer"] as TeamRole[],
    },
  ];
  const periodStart = options.periodStart ?? "2026-01-01";
  const [row] = await db
    .insert(readinessAssessments)
    .values({
      organisationId: options.organisationId,
      topic: options.topic ?? ANDT,
      periodStart,
      periodEnd: periodStart.replace(/-01-01$/, "-06-30"),
      guideId: guide!.id,
      createdBy: team[0]!.userId,
    })
    .returning();
  await db
    .insert(readinessTeam)
    .values(
      team.flatMap((m) =>
        m.roles.map((role) => ({ assessmentId: row!.id, userId: m.userId, role })),
      ),
    );
  return { ...row!, team };
}

export async function buildRespondent(
  db: Db,
  assessmentId: string,
  overrides: { name?: string; contact?: string; sector?: string; role?: string } = {},
) {
  const [row] = await db
    .insert(readinessRespondents)
    .values({ assessmentId, role: "Rektor", sector: "skola", ...overrides })
    .returning();
  return row!;
}

/** An interview with its own respondent unless one is given. */
export async function buildInterview(
  db: Db,
  assessmentId: string,
  options: { respondentId?: string; interviewerId?: string } = {},
) {
  const respondentId = options.respondentId ?? (await buildRespondent(db, assessmentId)).id;
  const [last] = await db
    .select({ n: max(readinessInterviews.number) })
    .from(readinessInterviews)
    .where(eq(readinessInterviews.assessmentId, assessmentId));
  const [row] = await db
    .insert(readinessInterviews)
    .values({
      assessmentId,
      respondentId,
      interviewerId: options.interviewerId ?? null,
      number: (last?.n ?? 0) + 1,
      heldOn: "2026-02-01",
      durationMinutes: 45,
    })
    .returning();
  return row!;
}

export async function submittedSheet(
  db: Db,
  interviewId: string,
  scorerId: string,
  scores: Scores,
) {
  await db.insert(readinessScores).values(
    Object.entries(scores).map(([dimension, score]) => ({
      interviewId,
      scorerId,
      dimension: dimension as DimensionLetter,
      score: String(score),
    })),
  );
  await db.insert(readinessScoreSubmissions).values({ interviewId, scorerId });
}

export async function consensusRows(db: Db, interviewId: string, scores: Scores) {
  await db.insert(readinessConsensus).values(
    Object.entries(scores).map(([dimension, score]) => ({
      interviewId,
      dimension: dimension as DimensionLetter,
      score: String(score),
    })),
  );
}

export { WORKED_EXAMPLE } from "../../src/domain/readiness/worked-example.ts";
