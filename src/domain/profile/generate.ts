import type { Instrument } from "./instrument.ts";

/**
 * A synthetic survey wave for the demo, the tests and the benchmark: deterministic for a seed,
 * with the shape of a real one. Each respondent has a general propensity to risk that moves
 * every factor (risk factors up, protective ones down), areas differ in their own level of risk
 * and by domain, substance-related factors rise with grade, and answers scatter around each
 * factor's level. Some cells are empty or carry a missing code, some respondents skip a whole
 * section, a few are caught by the validity screening, and some grades and genders are unknown.
 */

export interface GenerateOptions {
  rows: number;
  /** How many areas (named A01, A02, …) or the areas' names. */
  areas: number | readonly string[];
  seed: number;
}

/** The grouping columns the generator writes before the items, in this order. */
export const WAVE_GROUPING_COLUMNS = ["id", "area", "school", "class", "grade", "gender"] as const;

export const GRADES = ["7", "8", "9", "10", "11", "12"] as const;
export const GENDERS = ["girl", "boy"] as const;

export function waveColumns(instrument: Instrument): string[] {
  return [...WAVE_GROUPING_COLUMNS, ...instrument.items.map((item) => item.id)];
}

/** mulberry32: small, fast and good enough for synthetic data; the same seed gives the same wave. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

export function areaNames(areas: number | readonly string[]): string[] {
  if (typeof areas !== "number") return [...areas];
  const width = Math.max(2, String(areas).length);
  return Array.from({ length: areas }, (_, i) => `A${String(i + 1).padStart(width, "0")}`);
}

// Factors whose level rises with age in every survey of this kind (use, availability, peers).
const AGE_RELATED = /use|initiation|availability|peers|perceived_risk|favourable/;

interface ItemPlan {
  min: number;
  max: number;
  missing: number | null;
  /** The factor whose level drives the item, or −1 when no factor uses it. */
  factor: number;
  reversed: boolean;
  /** Answers that a screening rule excludes, when the item is a screening item. */
  excluding: number[];
}

interface Area {
  name: string;
  risk: number;
  domain: Record<string, number>;
  schools: string[];
}

export function* generateWave(
  instrument: Instrument,
  options: GenerateOptions,
): Generator<string[]> {
  const next = random(options.seed);
  const factors = instrument.factors;
  const itemPlans: ItemPlan[] = instrument.items.map((item) => {
    const factor = factors.findIndex((f) => f.items.includes(item.id));
    const rule = (instrument.exclude ?? []).filter((r) => r.item === item.id);
    return {
      min: item.min,
      max: item.max,
      missing: item.missing?.[0] ?? null,
      factor,
      reversed: factor >= 0 && (factors[factor]?.reverse ?? []).includes(item.id),
      excluding: rule.flatMap((r) => r.values).filter((v) => v >= item.min && v <= item.max),
    };
  });
  const areas: Area[] = areaNames(options.areas).map((name) => {
    const schoolCount = 1 + Math.floor(next() * 3);
    return {
      name,
      risk: normal(next) * 0.25,
      domain: Object.fromEntries(
        ["community", "family", "school", "individual"].map((d) => [d, normal(next) * 0.15]),
      ),
      schools: Array.from({ length: schoolCount }, (_, s) => `${name} skola ${s + 1}`),
    };
  });
  // Fixed per factor: where its answers centre, and how boys and girls differ on it.
  const factorBase = factors.map((f) => (f.kind === "risk" ? -0.9 : 0.7) + normal(next) * 0.1);
  const genderShift = factors.map(() => normal(next) * 0.15);
  const ageRelated = factors.map((f) => AGE_RELATED.test(f.id));
  const level = new Float64Array(factors.length);
  const width = String(options.rows).length;

  for (let r = 0; r < options.rows; r++) {
    const area = areas[Math.floor(next() * areas.length)] as Area;
    const school = area.schools[Math.floor(next() * area.schools.length)] as string;
    const gradeKnown = next() >= 0.015;
    const grade = gradeKnown ? (GRADES[Math.floor(next() * GRADES.length)] as string) : "";
    const schoolClass = gradeKnown ? `${grade}${"ABC"[Math.floor(next() * 3)]}` : "";
    const genderDraw = next();
    const gender = genderDraw < 0.03 ? "" : genderDraw < 0.515 ? "girl" : "boy";
    const genderSign = gender === "boy" ? 1 : gender === "girl" ? -1 : 0;
    const age = gradeKnown ? (Number(grade) - 9.5) / 2.5 : 0;
    const propensity = normal(next);
    const screenedOut = next() < 0.012;
    const skipped = next() < 0.03 ? Math.floor(next() * factors.length) : -1;

    for (let f = 0; f < factors.length; f++) {
      const factor = factors[f] as Instrument["factors"][number];
      const direction = factor.kind === "risk" ? 1 : -1;
      level[f] =
        (factorBase[f] as number) +
        direction * (0.55 * propensity + area.risk + (area.domain[factor.domain] ?? 0)) +
        (ageRelated[f] ? 0.35 * age : 0) +
        genderSign * (genderShift[f] as number) +
        normal(next) * 0.5;
    }

    const row: string[] = [
      `R${String(r + 1).padStart(width, "0")}`,
      area.name,
      school,
      schoolClass,
      grade,
      gender,
    ];
    for (const plan of itemPlans) {
      row.push(answer(plan, next, level, screenedOut, skipped));
    }
    yield row;
  }
}

function answer(
  plan: ItemPlan,
  next: () => number,
  level: Float64Array,
  screenedOut: boolean,
  skipped: number,
): string {
  if (plan.excluding.length > 0) {
    if (screenedOut && next() < 0.6) {
      return String(plan.excluding[Math.floor(next() * plan.excluding.length)]);
    }
    for (let v = plan.min; v <= plan.max; v++) {
      if (!plan.excluding.includes(v)) return String(v);
    }
  }
  if (plan.factor === skipped && plan.factor >= 0) return "";
  const draw = next();
  if (draw < 0.015) return "";
  if (draw < 0.025 && plan.missing !== null) return String(plan.missing);
  const span = plan.max - plan.min;
  // The item's answer scatters around the factor's level; a logistic noise term (the inverse
  // of a uniform draw through the logistic) is a cheap stand-in for a normal one.
  let position: number;
  if (plan.factor >= 0) {
    const u = 0.0005 + (0.999 * (draw - 0.025)) / 0.975;
    const noise = Math.log(u / (1 - u)) * 0.35;
    position = 1 / (1 + Math.exp(-1.6 * ((level[plan.factor] as number) + noise)));
  } else {
    position = next();
  }
  const value = plan.min + Math.min(span, Math.floor(position * (span + 1)));
  return codeText(plan.reversed ? plan.min + plan.max - value : value);
}

const CODE_TEXT = Array.from({ length: 101 }, (_, i) => String(i));
function codeText(value: number): string {
  return value >= 0 && value <= 100 ? (CODE_TEXT[value] as string) : String(value);
}
