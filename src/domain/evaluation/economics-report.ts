import {
  add,
  cmp,
  decimalPlaces,
  formatFixed,
  ONE,
  parseDecimal,
  type Rational,
  sub,
} from "../shared/rational.ts";
import { evaluateEconomics, toEconomicsModel } from "./economics.ts";
import {
  SENSITIVITY_PARAMETERS,
  type SensitivityParameter,
  sensitivityTable,
} from "./economics-sensitivity.ts";
import { formatKronor } from "./money.ts";
import type { EconomicsInput } from "./schemas.ts";

/** Kronor with two decimals as text, so no reader parses money into a binary float. */
export type Kronor = string;

export interface EconomicsReport {
  title: string;
  currency: "SEK";
  priceYear: number;
  conventions: string;
  discountRate: string;
  participants: number;
  horizonYear: number;
  costs: {
    total: Kronor;
    presentValue: Kronor;
    budget: Kronor | null;
    perParticipant: Kronor | null;
    byType: Record<string, Kronor>;
  };
  benefits: { total: Kronor; presentValue: Kronor };
  npv: Kronor;
  sroiRatio: string | null;
  /** The SROI guide's variant: PV benefits / undiscounted costs. */
  sroiRatioUndiscountedCosts: string | null;
  netRatio: string | null;
  costsSpanSeveralYears: boolean;
  breakEvenYear: number | null;
  breakEvenHoldsFromYear: number | null;
  paybackMonths: string | null;
  years: {
    year: number;
    costs: Kronor;
    benefits: Kronor;
    presentValueCosts: Kronor;
    presentValueBenefits: Kronor;
    cumulativePresentValueCosts: Kronor;
    cumulativePresentValueBenefits: Kronor;
  }[];
  outcomes: {
    name: string;
    quantity: string;
    proxy: { amount: Kronor; description: string; source: string; priceYear: number };
    startYear: number;
    duration: number;
    deadweight: string;
    displacement: string;
    attribution: string;
    dropOff: string;
    firstYearImpact: Kronor;
    totalImpact: Kronor;
    presentValue: Kronor;
    costPerOutcome: Kronor | null;
    years: { year: number; impact: Kronor; presentValue: Kronor }[];
  }[];
  sensitivity: {
    rows: {
      parameter: SensitivityParameter;
      delta: string;
      ends: { setting: string; sroiRatio: string | null; npv: Kronor }[];
    }[];
    ratioRange: { min: string; max: string } | null;
  };
  notes: string[];
}

export const CONVENTIONS =
  "Paraply economic conventions 1–9 (docs/evaluation.en.md): year 0 = start and undiscounted; " +
  "impact = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution), " +
  "drop-off from the second benefit year; exact arithmetic, rounded only for display " +
  "(money to öre, ratios to 4 decimals, months to 2, halves away from zero)";

const ratioText = (value: Rational | null): string | null =>
  value === null ? null : formatFixed(value, 4);
const text = (value: string | number): string => String(value).trim();
function exact(value: string | number): Rational {
  const parsed = parseDecimal(value);
  if (!parsed) throw new RangeError(`not a decimal: ${value}`);
  return parsed;
}

function setting(parameter: SensitivityParameter, sign: "+" | "-", delta: string): string {
  if (parameter !== "proxy") return `${sign}${delta}`;
  const factor = (sign === "+" ? sub : add)(ONE, exact(delta));
  return `× ${formatFixed(factor, Math.max(1, decimalPlaces(delta)))}`;
}

/** The whole evaluation of one input, exact inside and rounded once on the way out. */
export function evaluateEconomicsInput(input: EconomicsInput): EconomicsReport {
  const model = toEconomicsModel(input);
  const figures = evaluateEconomics(model);
  const deltaTexts: Partial<Record<SensitivityParameter, string>> = Object.fromEntries(
    SENSITIVITY_PARAMETERS.flatMap((p) => {
      const delta = input.sensitivity[p];
      return delta === undefined ? [] : [[p, text(delta)]];
    }),
  );
  const deltas = Object.fromEntries(
    Object.entries(deltaTexts).map(([p, delta]) => [p, exact(delta)]),
  );
  const rows = sensitivityTable(model, deltas);
  const ratios = [figures.sroiRatio, ...rows.flatMap((row) => row.ends.map((e) => e.sroiRatio))]
    .filter((r): r is Rational => r !== null)
    .sort(cmp);
  const lowest = ratios[0];
  const highest = ratios.at(-1);

  const notes: string[] = [];
  if (figures.costsSpanSeveralYears) {
    notes.push(
      "Costs span several years: the guide's variant PV benefits / undiscounted costs is shown too.",
    );
  }
  for (const outcome of input.outcomes) {
    if (outcome.proxy.priceYear !== input.priceYear) {
      notes.push(
        `Outcome '${outcome.name}': proxy price year ${outcome.proxy.priceYear} differs from the ` +
          `evaluation's ${input.priceYear}; it is used as given, not indexed.`,
      );
    }
  }

  return {
    title: input.title,
    currency: input.currency,
    priceYear: input.priceYear,
    conventions: CONVENTIONS,
    discountRate: text(input.discountRate),
    participants: input.participants,
    horizonYear: figures.horizon,
    costs: {
      total: formatKronor(figures.totalCost),
      presentValue: formatKronor(figures.pvCosts),
      budget: figures.totalBudget === null ? null : formatKronor(figures.totalBudget),
      perParticipant:
        figures.costPerParticipant === null ? null : formatKronor(figures.costPerParticipant),
      byType: Object.fromEntries(
        [...figures.costByType].map(([type, v]) => [type, formatKronor(v)]),
      ),
    },
    benefits: {
      total: formatKronor(figures.totalBenefits),
      presentValue: formatKronor(figures.pvBenefits),
    },
    npv: formatKronor(figures.npv),
    sroiRatio: ratioText(figures.sroiRatio),
    sroiRatioUndiscountedCosts: ratioText(figures.sroiRatioUndiscountedCosts),
    netRatio: ratioText(figures.netRatio),
    costsSpanSeveralYears: figures.costsSpanSeveralYears,
    breakEvenYear: figures.breakEvenYear,
    breakEvenHoldsFromYear: figures.breakEvenHoldsFromYear,
    paybackMonths: figures.paybackMonths === null ? null : formatFixed(figures.paybackMonths, 2),
    years: figures.years.map((y) => ({
      year: y.year,
      costs: formatKronor(y.costs),
      benefits: formatKronor(y.benefits),
      presentValueCosts: formatKronor(y.pvCosts),
      presentValueBenefits: formatKronor(y.pvBenefits),
      cumulativePresentValueCosts: formatKronor(y.cumulativePvCosts),
      cumulativePresentValueBenefits: formatKronor(y.cumulativePvBenefits),
    })),
    outcomes: input.outcomes.map((outcome, i) => {
      const f = figures.outcomes[i]!;
      return {
        name: outcome.name,
        quantity: text(outcome.quantity),
        proxy: { ...outcome.proxy, amount: formatKronor(model.outcomes[i]!.proxy) },
        startYear: outcome.startYear,
        duration: outcome.duration,
        deadweight: text(outcome.deadweight),
        displacement: text(outcome.displacement),
        attribution: text(outcome.attribution),
        dropOff: text(outcome.dropOff),
        firstYearImpact: formatKronor(f.firstYearImpact),
        totalImpact: formatKronor(f.totalImpact),
        presentValue: formatKronor(f.presentValue),
        costPerOutcome: f.costPerOutcome === null ? null : formatKronor(f.costPerOutcome),
        years: f.years.map((y) => ({
          year: y.year,
          impact: formatKronor(y.impact),
          presentValue: formatKronor(y.presentValue),
        })),
      };
    }),
    sensitivity: {
      rows: rows.map((row) => ({
        parameter: row.parameter,
        delta: deltaTexts[row.parameter]!,
        ends: row.ends.map((end) => ({
          setting: setting(row.parameter, end.sign, deltaTexts[row.parameter]!),
          sroiRatio: ratioText(end.sroiRatio),
          npv: formatKronor(end.npv),
        })),
      })),
      ratioRange:
        lowest && highest ? { min: formatFixed(lowest, 4), max: formatFixed(highest, 4) } : null,
    },
    notes,
  };
}
