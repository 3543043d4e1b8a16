import type { PhaseNumber } from "./phases.ts";
import { PHASE_NUMBERS } from "./phases.ts";

/**
 * Milestones and benchmarks per phase. Paraply ships its own wording of the CTC milestones; an
 * organisation copies and edits the list (the survey's timing, for one, differs between CTC
 * variants). Each edit is a new version: a cycle keeps the items it started with, so a running
 * process never changes under its coordinator's feet.
 */
export interface ChecklistItem {
  /** Stable within a checklist and its versions; progress and evidence follow it. */
  key: string;
  phase: PhaseNumber;
  /** Required items must be done or not applicable before the phase can be completed. */
  required: boolean;
  text: { sv: string; en: string };
}

const item = (
  key: string,
  phase: PhaseNumber,
  sv: string,
  en: string,
  required = true,
): ChecklistItem => ({ key, phase, required, text: { sv, en } });

export const DEFAULT_CHECKLIST_TITLE = {
  sv: "Paraplys milstolpar och riktmärken",
  en: "Paraply's milestones and benchmarks",
};

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  item(
    "1-coordinator",
    1,
    "En samordnare är utsedd och har tid avsatt för arbetet",
    "A coordinator is appointed with time set aside for the work",
  ),
  item(
    "1-champion",
    1,
    "En pådrivare med mandat driver frågan i ledningen",
    "A champion with a mandate drives the work in leadership",
  ),
  item(
    "1-key-leaders",
    1,
    "Nyckelpersoner (kommunledning, skolchef, socialchef, polis) har åtagit sig att leda arbetet",
    "Key leaders (municipal leadership, head of schools, head of social services, police) have agreed to lead the work",
  ),
  item(
    "1-community",
    1,
    "Området och dess gränser är beslutade",
    "The community and its boundaries are decided",
  ),
  item(
    "1-readiness",
    1,
    "Beredskapen är mätt (beredskapsmätning)",
    "Readiness is assessed (readiness assessment)",
  ),
  item(
    "1-obstacles",
    1,
    "Hinder och hur de ska mötas är beskrivna",
    "Obstacles and how to meet them are described",
  ),
  item(
    "1-survey-prep",
    1,
    "Ungdomsenkäten är förberedd (om varianten kör den i fas 2)",
    "The youth survey is prepared (where the variant runs it in phase 2)",
    false,
  ),
  item(
    "2-orientation",
    2,
    "Introduktion för nyckelpersonerna är genomförd",
    "Key-leader orientation held",
  ),
  item(
    "2-board",
    2,
    "En lokal styrgrupp är bildad med ledamöter från alla sektorer",
    "A community board is formed with members from all sectors",
  ),
  item(
    "2-youth-voice",
    2,
    "Ungas perspektiv finns med i styrgruppen",
    "Young people's perspectives are represented on the board",
  ),
  item("2-training", 2, "Styrgruppens ledamöter har fått utbildning", "Board members are trained"),
  item(
    "2-vision",
    2,
    "En framtidsbild är skriven och antagen",
    "A vision (framtidsbild) is written and adopted",
  ),
  item(
    "2-work-groups",
    2,
    "Arbetsgrupper är bildade (risk- och skyddsfaktorer, resurser, kommunikation, ungas delaktighet)",
    "Work groups are formed (risk and protective factors, resources, public awareness, youth involvement)",
  ),
  item("2-communication", 2, "En kommunikationsplan finns", "A communication plan exists"),
  item(
    "3-survey",
    3,
    "Ungdomsenkäten är genomförd i avsedda årskurser med tillräckligt deltagande",
    "The youth survey is run in the intended grades with adequate participation",
  ),
  item("3-analysis", 3, "Resultaten är analyserade", "The data is analysed"),
  item(
    "3-priorities",
    3,
    "2–5 riskfaktorer och skyddsfaktorer är prioriterade, med skälen nedskrivna",
    "2–5 risk and protective factors are prioritised, with the reasons recorded",
  ),
  item("3-resources", 3, "Resursinventeringen är gjord", "The resource assessment is done"),
  item(
    "3-gaps",
    3,
    "Glapp mellan prioriteringar och befintliga insatser är identifierade",
    "Gaps between priorities and existing resources are identified",
  ),
  item(
    "3-presented",
    3,
    "Områdesprofilen är presenterad för styrgruppen och nyckelpersonerna",
    "The community profile is presented to the board and key leaders",
  ),
  item(
    "4-outcomes",
    4,
    "Önskade resultat är satta på beteende-, faktor- och genomförandenivå med mätbara mål",
    "Desired outcomes are set at behaviour, factor and implementation level with measurable targets",
  ),
  item(
    "4-programmes",
    4,
    "Insatser är valda ur evidensbaserade listor för att fylla glappen",
    "Programmes are chosen from evidence-based lists to fill the gaps",
  ),
  item(
    "4-promotive",
    4,
    "Den främjande delen (möjligheter, färdigheter, erkännande, anknytning, tydliga normer) finns i planen",
    "The promotive part (opportunities, skills, recognition, bonding, clear standards) is in the plan",
  ),
  item(
    "4-implementation",
    4,
    "Genomförandeplaner med ansvariga, budget och trohetsmått är skrivna",
    "Implementation plans with owners, budgets and fidelity measures are written",
  ),
  item(
    "4-approved",
    4,
    "Handlingsplanen är beslutad av nyckelpersonerna",
    "The action plan is approved by the key leaders",
  ),
  item(
    "5-implemented",
    5,
    "Insatserna genomförs och följs upp (trohet, deltagande)",
    "Programmes are implemented and monitored (fidelity, participation)",
  ),
  item("5-outcomes", 5, "Resultaten följs över tid", "Outcomes are tracked over time"),
  item(
    "5-survey-repeated",
    5,
    "Ungdomsenkäten är upprepad (vanligen vartannat år)",
    "The youth survey is repeated (usually every two years)",
  ),
  item(
    "5-revised",
    5,
    "Handlingsplanen är granskad och reviderad",
    "The action plan is reviewed and revised",
  ),
];

export const CHECKLIST_LIMITS = { items: 200, keyLength: 40, textLength: 500 } as const;

export type ChecklistProblem =
  | { kind: "duplicate_key"; key: string }
  | { kind: "empty_phase"; phase: PhaseNumber };

/**
 * What is wrong with an edited checklist: item keys must be unique (progress and evidence follow
 * them across versions), and every phase needs at least one item, or the phase could be
 * completed without anyone having checked anything.
 */
export function checklistProblems(items: readonly ChecklistItem[]): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.key)) problems.push({ kind: "duplicate_key", key: it.key });
    seen.add(it.key);
  }
  for (const phase of PHASE_NUMBERS) {
    if (!items.some((it) => it.phase === phase)) problems.push({ kind: "empty_phase", phase });
  }
  return problems;
}

/** The next version number for an organisation's checklist, given the versions it has. */
export function nextChecklistVersion(existing: readonly number[]): number {
  return existing.length === 0 ? 1 : Math.max(...existing) + 1;
}

/** The items of one phase, in checklist order. */
export function itemsOfPhase<T extends { phase: number }>(items: readonly T[], phase: number): T[] {
  return items.filter((it) => it.phase === phase);
}
