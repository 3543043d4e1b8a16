import { and, eq, inArray } from "drizzle-orm";
import { DEFAULT_CHECKLIST } from "../../domain/process/checklist.ts";
import { cyclePhases } from "../../domain/process/phases.ts";
import type { ItemStatus } from "../../domain/process/rules.ts";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Tx } from "../database.ts";
import { organisations, users } from "../schema/platform.ts";
import {
  processCycles,
  processEvidence,
  processItems,
  processPhases,
  processProcesses,
} from "../schema/process.ts";
import { readinessAssessments } from "../schema/readiness.ts";
import type { DemoSeedContext } from "./context.ts";

const MAJA = "samordnare@bengtsfors.example";
const KARIN = "praktiker@amal.example";

interface DemoItem {
  status: ItemStatus;
  naReason?: string;
  responsible?: string;
  dueOn?: string;
  notes?: string;
}

interface DemoCycle {
  startedOn: string;
  note?: string;
  /** Completion date of each completed phase, in order. */
  completed: string[];
  closedOn?: string;
  /** Items of the current phase that differ from "not started". */
  items: Record<string, DemoItem>;
}

interface DemoProcess {
  organisation: string;
  vision: string;
  actors: {
    kind:
      | "municipality"
      | "housing"
      | "association"
      | "authority"
      | "civil_society"
      | "residents"
      | "young_people";
    name: string;
  }[];
  keyLeaders: { name: string; role: string }[];
  board: {
    name: string;
    sector:
      | "school"
      | "social_services"
      | "health"
      | "police"
      | "leisure"
      | "politics"
      | "young_people"
      | "civil_society";
    role?: string;
  }[];
  promotive: Record<string, string>;
  cycles: DemoCycle[];
}

const DEMO_PROCESSES: DemoProcess[] = [
  {
    organisation: "bengtsfors",
    vision:
      "I Bengtsfors växer alla barn och unga upp med trygga vuxna, en skola där de lyckas och en fritid där de får vara med.",
    actors: [
      { kind: "municipality", name: "Bengtsfors kommun" },
      { kind: "housing", name: "Bengtsforshus AB" },
      { kind: "association", name: "Bengtsfors IF" },
      { kind: "authority", name: "Polisen lokalpolisområde Dalsland" },
      { kind: "young_people", name: "Ungdomsrådet" },
    ],
    keyLeaders: [
      { name: "Eva Ordförande", role: "Kommunstyrelsens ordförande" },
      { name: "Jonas Skolchef", role: "Förvaltningschef barn och utbildning" },
      { name: "Lena Socialchef", role: "Socialchef" },
      { name: "Kommunpolisen", role: "Polis" },
    ],
    board: [
      { name: "Maja Lindqvist", sector: "social_services", role: "Samordnare" },
      { name: "Rektor Gerdinskolan", sector: "school", role: "Rektor" },
      { name: "Fritidsgårdens föreståndare", sector: "leisure" },
      { name: "Skolsköterska", sector: "health" },
      { name: "Kommunpolis", sector: "police" },
      { name: "Representant ungdomsrådet", sector: "young_people" },
    ],
    promotive: {
      opportunities: "Ungdomsrådet och fritidsgården planerar lovaktiviteter tillsammans.",
      skills: "Föräldrastöd i grupp två gånger per år.",
      recognition: "Skolans och föreningarnas uppmärksamhet av ungas insatser.",
    },
    cycles: [
      {
        startedOn: "2025-11-03",
        completed: ["2026-02-16", "2026-06-15"],
        items: {
          "3-survey": { status: "done", responsible: MAJA, notes: "Svarsfrekvens 86 % i åk 7–9." },
          "3-analysis": { status: "in_progress", responsible: MAJA, dueOn: "2026-12-10" },
          "3-priorities": { status: "not_started", responsible: MAJA, dueOn: "2027-02-15" },
          "3-resources": {
            status: "in_progress",
            dueOn: "2026-11-20",
            notes: "Inventering av fritidsutbudet återstår.",
          },
          "3-gaps": { status: "not_started", dueOn: "2027-03-15" },
        },
      },
    ],
  },
  {
    organisation: "mellerud",
    vision: "",
    actors: [{ kind: "municipality", name: "Melleruds kommun" }],
    keyLeaders: [{ name: "Kommundirektören", role: "Kommundirektör" }],
    board: [],
    promotive: {},
    cycles: [
      {
        startedOn: "2026-09-07",
        completed: [],
        items: {
          "1-coordinator": { status: "done", notes: "Samordnare på 50 % från 1 oktober." },
          "1-key-leaders": { status: "in_progress", dueOn: "2026-11-15" },
          "1-community": { status: "in_progress", dueOn: "2026-12-15" },
          "1-survey-prep": {
            status: "not_applicable",
            naReason: "Enkäten genomförs i fas 3 enligt vår modell.",
          },
        },
      },
    ],
  },
  {
    organisation: "amal",
    vision: "Åmål – en kommun där unga känner sig delaktiga, trygga och sedda.",
    actors: [
      { kind: "municipality", name: "Åmåls kommun" },
      { kind: "housing", name: "Åmåls Kommunfastigheter" },
      { kind: "civil_society", name: "Svenska kyrkan Åmål" },
      { kind: "residents", name: "Föräldranätverket" },
    ],
    keyLeaders: [
      { name: "Kommunstyrelsens ordförande", role: "Politisk ledning" },
      { name: "Utbildningschef", role: "Skola" },
    ],
    board: [
      { name: "Karin Ek", sector: "school", role: "Elevhälsan" },
      { name: "Fältsekreterare", sector: "social_services" },
      { name: "Kyrkans ungdomsledare", sector: "civil_society" },
    ],
    promotive: {
      bonding: "Mentorskap mellan föreningar och skolan.",
      clear_standards: "Gemensamt budskap om alkohol från skola, föräldrar och föreningar.",
    },
    cycles: [
      {
        startedOn: "2021-02-01",
        completed: ["2021-04-30", "2021-09-30", "2022-08-31", "2023-06-15", "2025-06-30"],
        closedOn: "2025-06-30",
        items: {},
      },
      {
        startedOn: "2025-09-01",
        note: "Ny styrgrupp efter valet; enkäten upprepas 2026.",
        completed: [],
        items: {
          "2-orientation": { status: "done" },
          "2-board": { status: "done" },
          "2-youth-voice": { status: "in_progress", responsible: KARIN, dueOn: "2026-12-01" },
          "2-training": { status: "in_progress", dueOn: "2026-10-31" },
          "2-vision": { status: "done", notes: "Framtidsbilden antogs av KF i mars." },
        },
      },
    ],
  },
];

/**
 * The fictional prevention processes of Dalsland: Bengtsfors in phase 3 of its first cycle
 * (phases 1–2 decided, phase 1's readiness milestone linked to its readiness measurements),
 * Mellerud in phase 1, Åmål in phase 2 of its second cycle. All three report to the Dalsland
 * collaboration's board overview.
 */
export async function seedDemoProcess(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const collaborationId = ctx.orgIds.get("dalsland")!;
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [MAJA, KARIN]));
  const userId = (email: string | undefined) =>
    email ? (people.find((p) => p.email === email)?.id ?? null) : null;

  for (const demo of DEMO_PROCESSES) {
    const organisationId = ctx.orgIds.get(demo.organisation)!;
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    const [process] = await tx
      .insert(processProcesses)
      .values({
        organisationId,
        collaborationId,
        name: org!.name,
        vision: demo.vision,
        actors: demo.actors,
        keyLeaders: demo.keyLeaders,
        board: demo.board,
        promotive: demo.promotive,
        createdBy: userId(MAJA),
      })
      .returning({ id: processProcesses.id });
    for (const [index, cycle] of demo.cycles.entries()) {
      const number = index + 1;
      const [row] = await tx
        .insert(processCycles)
        .values({
          processId: process!.id,
          number,
          startedOn: cycle.startedOn,
          closedOn: cycle.closedOn ?? null,
          note: cycle.note ?? "",
        })
        .returning({ id: processCycles.id });
      const cycleId = row!.id;
      const phases = cyclePhases(number);
      const current = phases[cycle.completed.length];
      await tx.insert(processPhases).values(
        phases.map((phase, i) => ({
          cycleId,
          phase,
          startedOn: i === 0 ? cycle.startedOn : (cycle.completed[i - 1] ?? null),
          completedOn: cycle.completed[i] ?? null,
          decisionNote: cycle.completed[i] ? "Beslutat i styrgruppen." : null,
          completedBy: cycle.completed[i] ? userId(MAJA) : null,
        })),
      );
      await tx.insert(processItems).values(
        DEFAULT_CHECKLIST.filter((item) => phases.includes(item.phase)).map((item, position) => {
          const done = cycle.completed.length >= phases.indexOf(item.phase) + 1;
          const demoItem = item.phase === current ? cycle.items[item.key] : undefined;
          return {
            cycleId,
            phase: item.phase,
            key: item.key,
            position,
            required: item.required,
            text: item.text,
            status: done ? ("done" as const) : (demoItem?.status ?? "not_started"),
            naReason: demoItem?.naReason ?? null,
            responsibleId: userId(demoItem?.responsible),
            dueOn: demoItem?.dueOn ?? null,
            notes: demoItem?.notes ?? "",
          };
        }),
      );
      if (demo.organisation === "bengtsfors") await linkReadiness(tx, cycleId, organisationId);
    }
  }
  await recordAudit(tx, systemAuditContext("paraply seed"), {
    action: "seed.demo.process",
    details: { processes: DEMO_PROCESSES.length },
  });
}

/** Bengtsfors' readiness milestone shows its two ANDT measurements as evidence. */
async function linkReadiness(tx: Tx, cycleId: string, organisationId: string) {
  const [item] = await tx
    .select({ id: processItems.id })
    .from(processItems)
    .where(and(eq(processItems.cycleId, cycleId), eq(processItems.key, "1-readiness")));
  const assessments = await tx
    .select({
      id: readinessAssessments.id,
      periodStart: readinessAssessments.periodStart,
      periodEnd: readinessAssessments.periodEnd,
    })
    .from(readinessAssessments)
    .where(
      and(
        eq(readinessAssessments.organisationId, organisationId),
        inArray(readinessAssessments.periodStart, ["2024-01-15", "2026-01-15"]),
      ),
    );
  if (assessments.length === 0) return;
  await tx.insert(processEvidence).values(
    assessments.map((a) => ({
      itemId: item!.id,
      kind: "readiness_assessment" as const,
      recordId: a.id,
      title: `Beredskapsmätning ANDT ${a.periodStart.slice(0, 4)}`,
    })),
  );
}
