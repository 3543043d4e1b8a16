import { inArray, isNull } from "drizzle-orm";
import type { DimensionLetter } from "../../domain/readiness/dimensions.ts";
import type { SectorKey } from "../../domain/readiness/sectors.ts";
import type { Topic } from "../../domain/readiness/topics.ts";
import { WORKED_EXAMPLE } from "../../domain/readiness/worked-example.ts";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Tx } from "../database.ts";
import { ensureReadinessReferenceData } from "../reference/readiness.ts";
import { users } from "../schema/platform.ts";
import {
  readinessAssessments,
  readinessConsensus,
  readinessGuides,
  readinessInterviews,
  readinessRespondents,
  readinessScoreSubmissions,
  readinessScores,
  readinessTeam,
} from "../schema/readiness.ts";
import type { DemoSeedContext } from "./context.ts";

type Scores = Record<DimensionLetter, number>;
type TeamRole = "lead" | "interviewer" | "scorer";

interface DemoInterview {
  respondent: { role: string; sector: SectorKey };
  heldOn: string;
  answers: Record<string, string>;
  /** Per scorer e-mail; a scorer left out has not scored. */
  sheets: Record<string, { scores: Partial<Scores>; submitted: boolean }>;
  consensus?: Scores;
}

interface DemoAssessment {
  organisation: string;
  topic: Topic;
  periodStart: string;
  periodEnd: string;
  team: Record<string, TeamRole[]>;
  interviews: DemoInterview[];
}

const MAJA = "samordnare@bengtsfors.example";
const AMIR = "analytiker@dalsland.example";
const KARIN = "praktiker@amal.example";

const RESPONDENTS: { role: string; sector: SectorKey }[] = [
  { role: "Rektor, högstadiet", sector: "skola" },
  { role: "Socialsekreterare, barn och unga", sector: "socialtjanst" },
  { role: "Kommunpolis", sector: "polis" },
  { role: "Fritidsledare", sector: "fritid" },
  { role: "Distriktssköterska", sector: "halso_och_sjukvard" },
];

// Short fictional notes; a real interview has notes for every question.
const ANSWERS: Record<string, string>[] = [
  {
    A1: "Skolan har ANDT-lektioner i åk 8 och ett föräldramöte om alkohol varje höst.",
    B1: "Lärarna känner till lektionerna, men få föräldrar vet vad som görs.",
    C1: "Rektorerna stöttar, men det finns inget politiskt beslut om prioritering.",
    E1: "Många tror att langning inte förekommer här.",
  },
  {
    A1: "Vi har öppenvård för unga och samverkar i SSPF.",
    C1: "Socialnämnden har frågan i sin plan men utan egen budget.",
    D1: "Allmänheten ser det som polisens sak.",
    F1: "En halvtidstjänst, finansierad med projektmedel till 2027.",
  },
  {
    A1: "Tillsyn av serveringsställen och kontroller vid större evenemang.",
    B1: "Kontrollerna är kända bland krögarna, inte bland ungdomarna.",
    E1: "Det finns en bild av att cannabis ökar, men lite lokal statistik.",
  },
  {
    A1: "Drogfria fredagar på fritidsgården.",
    D1: "Föräldrarna är positiva men engagerar sig sällan.",
    F1: "Inga särskilda pengar; vi gör det inom ordinarie verksamhet.",
  },
  {
    A1: "Hälsosamtal i skolan tar upp tobak och snus.",
    B1: "Vårdcentralen känner inte till skolans arbete.",
    E1: "Kunskapen om snusets skador är låg bland unga.",
  },
];

/** The worked example of the domain notes: consensus gives stage 4, B and E lowest. */
const BENGTSFORS_2026: Scores[] = WORKED_EXAMPLE;

const lower = (s: Scores): Scores =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Math.max(1, v - 1)])) as Scores;
/** The second scorer's independent view: half a point apart here and there. */
const nudged = (s: Scores, i: number): Scores => ({
  ...s,
  B: s.B + (i % 2 ? 0.5 : 0),
  D: i === 2 ? s.D - 1 : s.D,
});

function completed(year: number, consensus: Scores[]): DemoInterview[] {
  return consensus.map((scores, i) => ({
    respondent: RESPONDENTS[i]!,
    heldOn: `${year}-02-${String(3 + i * 4).padStart(2, "0")}`,
    answers: ANSWERS[i]!,
    sheets: {
      [MAJA]: { scores, submitted: true },
      [AMIR]: { scores: nudged(scores, i), submitted: true },
    },
    consensus: scores,
  }));
}

const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    organisation: "bengtsfors",
    topic: { kind: "preset", key: "andt" },
    periodStart: "2024-01-15",
    periodEnd: "2024-04-30",
    team: { [MAJA]: ["lead", "interviewer", "scorer"], [AMIR]: ["scorer"] },
    interviews: completed(2024, BENGTSFORS_2026.map(lower)),
  },
  {
    organisation: "bengtsfors",
    topic: { kind: "preset", key: "andt" },
    periodStart: "2026-01-15",
    periodEnd: "2026-04-30",
    team: { [MAJA]: ["lead", "interviewer", "scorer"], [AMIR]: ["scorer"] },
    interviews: completed(2026, BENGTSFORS_2026),
  },
  {
    organisation: "bengtsfors",
    topic: { kind: "preset", key: "honour_violence" },
    periodStart: "2026-09-01",
    periodEnd: "2027-02-28",
    team: { [MAJA]: ["lead", "interviewer", "scorer"], [AMIR]: ["scorer"] },
    interviews: [
      {
        respondent: { role: "Rektor, högstadiet", sector: "skola" },
        heldOn: "2026-09-22",
        answers: {
          A1: "Skolan har en rutin för oro för hedersrelaterat våld sedan i våras.",
          D1: "Föräldraföreningen har inte tagit upp frågan.",
        },
        sheets: {
          [MAJA]: { scores: { A: 3, B: 2.5, C: 3, D: 2, E: 2.5, F: 2 }, submitted: true },
          [AMIR]: { scores: { A: 3.5, B: 2.5, C: 3, D: 2, E: 3, F: 2 }, submitted: true },
        },
      },
      {
        respondent: { role: "Socialsekreterare, barn och unga", sector: "socialtjanst" },
        heldOn: "2026-10-06",
        answers: { A1: "Vi har utbildat all personal i länsstyrelsens metodstöd." },
        sheets: {
          [MAJA]: { scores: { A: 4, B: 3 }, submitted: false },
          [AMIR]: { scores: { A: 4, B: 3, C: 3, D: 2.5, E: 3, F: 2.5 }, submitted: true },
        },
      },
    ],
  },
  {
    organisation: "amal",
    topic: { kind: "preset", key: "violence_close_relationships" },
    periodStart: "2026-03-01",
    periodEnd: "2026-09-30",
    team: { [AMIR]: ["lead", "interviewer", "scorer"], [KARIN]: ["scorer"] },
    interviews: [
      {
        respondent: { role: "Kurator, elevhälsan", sector: "skola" },
        heldOn: "2026-03-10",
        answers: {
          A1: "Skolan har en handlingsplan mot våld, men den är okänd för många lärare.",
          E1: "Personalen vet att våld i hemmet förekommer men inte hur vanligt det är.",
        },
        sheets: {
          [AMIR]: { scores: { A: 4, B: 3, C: 3, D: 4, E: 3, F: 3 }, submitted: true },
          [KARIN]: { scores: { A: 4, B: 3.5, C: 3 }, submitted: false },
        },
      },
      {
        respondent: { role: "Samordnare, kvinnofridsfrågor", sector: "socialtjanst" },
        heldOn: "2026-03-17",
        answers: { A1: "Kommunen har en våldsförebyggande samordnare sedan 2025." },
        sheets: {},
      },
    ],
  },
];

/**
 * Fictional readiness assessments for the demo: Bengtsfors ANDT 2024 and 2026 (complete, a
 * trend), Bengtsfors honour-related violence 2026 (one interview ready for consensus, one
 * waiting for the coordinator's scores), Åmål violence in close relationships (interviews under
 * way, scoring not finished): the home pages of the coordinator and the analyst show work.
 */
export async function seedDemoReadiness(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  await ensureReadinessReferenceData(tx);
  const [guide] = await tx
    .select({ id: readinessGuides.id })
    .from(readinessGuides)
    .where(isNull(readinessGuides.organisationId));
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [MAJA, AMIR, KARIN]));
  const userId = (email: string) => people.find((p) => p.email === email)!.id;

  for (const demo of DEMO_ASSESSMENTS) {
    const lead = Object.entries(demo.team).find(([, roles]) => roles.includes("lead"))![0];
    const [assessment] = await tx
      .insert(readinessAssessments)
      .values({
        organisationId: ctx.orgIds.get(demo.organisation)!,
        topic: demo.topic,
        periodStart: demo.periodStart,
        periodEnd: demo.periodEnd,
        guideId: guide!.id,
        createdBy: userId(lead),
      })
      .returning({ id: readinessAssessments.id });
    const assessmentId = assessment!.id;
    await tx
      .insert(readinessTeam)
      .values(
        Object.entries(demo.team).flatMap(([email, roles]) =>
          roles.map((role) => ({ assessmentId, userId: userId(email), role })),
        ),
      );
    for (const [index, item] of demo.interviews.entries()) {
      const [respondent] = await tx
        .insert(readinessRespondents)
        .values({ assessmentId, ...item.respondent })
        .returning({ id: readinessRespondents.id });
      const [interview] = await tx
        .insert(readinessInterviews)
        .values({
          assessmentId,
          respondentId: respondent!.id,
          interviewerId: userId(lead),
          number: index + 1,
          heldOn: item.heldOn,
          durationMinutes: 45,
          answers: item.answers,
        })
        .returning({ id: readinessInterviews.id });
      const interviewId = interview!.id;
      for (const [email, sheet] of Object.entries(item.sheets)) {
        await tx.insert(readinessScores).values(
          Object.entries(sheet.scores).map(([dimension, score]) => ({
            interviewId,
            scorerId: userId(email),
            dimension: dimension as DimensionLetter,
            score: String(score),
          })),
        );
        if (sheet.submitted) {
          await tx
            .insert(readinessScoreSubmissions)
            .values({ interviewId, scorerId: userId(email) });
        }
      }
      if (item.consensus) {
        await tx.insert(readinessConsensus).values(
          Object.entries(item.consensus).map(([dimension, score]) => ({
            interviewId,
            dimension: dimension as DimensionLetter,
            score: String(score),
            decidedBy: userId(lead),
          })),
        );
      }
    }
  }
  await recordAudit(tx, systemAuditContext("paraply seed"), {
    action: "seed.demo.readiness",
    details: { assessments: DEMO_ASSESSMENTS.length },
  });
}
