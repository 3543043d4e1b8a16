import {
  add,
  cmp,
  div,
  isZero,
  mul,
  ONE,
  parseDecimal,
  pow,
  type Rational,
  rational,
  sub,
  sum,
  ZERO,
} from "../shared/rational.ts";
import { kronorToOre } from "./money.ts";
import type { EconomicsInput } from "./schemas.ts";

/** Economic evaluation by the numbered conventions in docs/evaluation.en.md. */

export interface OutcomeModel {
  name: string;
  quantity: Rational;
  /** Proxy per unit and year, in öre. */
  proxy: Rational;
  startYear: number;
  duration: number;
  deadweight: Rational;
  displacement: Rational;
  attribution: Rational;
  dropOff: Rational;
}

export interface CostModel {
  year: number;
  type: string;
  /** Öre. */
  amount: Rational;
  budget: Rational | null;
}

export interface EconomicsModel {
  discountRate: Rational;
  participants: number;
  costs: CostModel[];
  outcomes: OutcomeModel[];
}

const exact = (value: string | number): Rational => {
  const parsed = parseDecimal(value);
  if (!parsed) throw new RangeError(`not a decimal: ${value}`);
  return parsed;
};

const money = (value: string | number): Rational => {
  const ore = kronorToOre(value);
  if (ore === null) throw new RangeError(`not kronor: ${value}`);
  return rational(ore);
};

/** Turns schema-checked input into exact fractions; amounts become öre. */
export function toEconomicsModel(input: EconomicsInput): EconomicsModel {
  return {
    discountRate: exact(input.discountRate),
    participants: input.participants,
    costs: input.costs.map((cost) => ({
      year: cost.year,
      type: cost.type,
      amount: money(cost.amount),
      budget: cost.budget === undefined ? null : money(cost.budget),
    })),
    outcomes: input.outcomes.map((outcome) => ({
      name: outcome.name,
      quantity: exact(outcome.quantity),
      proxy: money(outcome.proxy.amount),
      startYear: outcome.startYear,
      duration: outcome.duration,
      deadweight: exact(outcome.deadweight),
      displacement: exact(outcome.displacement),
      attribution: exact(outcome.attribution),
      dropOff: exact(outcome.dropOff),
    })),
  };
}

/** Convention 3: year 0 is not discounted. */
export const presentValue = (amount: Rational, rate: Rational, year: number): Rational =>
  div(amount, pow(add(ONE, rate), year));

/** Convention 2: the undiscounted impact of each benefit year, drop-off from the second on. */
export function outcomeImpacts(outcome: OutcomeModel): { year: number; impact: Rational }[] {
  const first = [
    sub(ONE, outcome.deadweight),
    sub(ONE, outcome.displacement),
    sub(ONE, outcome.attribution),
  ].reduce(mul, mul(outcome.quantity, outcome.proxy));
  const keep = sub(ONE, outcome.dropOff);
  const impacts: { year: number; impact: Rational }[] = [];
  let impact = first;
  for (let i = 0; i < outcome.duration; i++) {
    impacts.push({ year: outcome.startYear + i, impact });
    impact = mul(impact, keep);
  }
  return impacts;
}

export interface YearFigures {
  year: number;
  costs: Rational;
  benefits: Rational;
  pvCosts: Rational;
  pvBenefits: Rational;
  cumulativePvCosts: Rational;
  cumulativePvBenefits: Rational;
}

export interface OutcomeFigures {
  years: { year: number; impact: Rational; presentValue: Rational }[];
  firstYearImpact: Rational;
  totalImpact: Rational;
  presentValue: Rational;
  /** Undiscounted total cost per unit of this outcome; null when none was achieved. */
  costPerOutcome: Rational | null;
}

export interface EconomicsFigures {
  /** The last year with a non-zero cost or benefit; 0 when there is none. */
  horizon: number;
  years: YearFigures[];
  outcomes: OutcomeFigures[];
  totalCost: Rational;
  totalBudget: Rational | null;
  costByType: Map<string, Rational>;
  totalBenefits: Rational;
  pvCosts: Rational;
  pvBenefits: Rational;
  npv: Rational;
  sroiRatio: Rational | null;
  sroiRatioUndiscountedCosts: Rational | null;
  netRatio: Rational | null;
  costsSpanSeveralYears: boolean;
  costPerParticipant: Rational | null;
  breakEvenYear: number | null;
  breakEvenHoldsFromYear: number | null;
  paybackMonths: Rational | null;
}

/** Convention 4: a ratio with a zero denominator is "not defined", never 0 or ∞. */
const ratio = (numerator: Rational, denominator: Rational): Rational | null =>
  isZero(denominator) ? null : div(numerator, denominator);

function addTo(map: Map<number, Rational>, year: number, amount: Rational): void {
  map.set(year, add(map.get(year) ?? ZERO, amount));
}

export function evaluateEconomics(model: EconomicsModel): EconomicsFigures {
  const rate = model.discountRate;
  const costsByYear = new Map<number, Rational>();
  const benefitsByYear = new Map<number, Rational>();
  const costByType = new Map<string, Rational>();
  for (const cost of model.costs) {
    addTo(costsByYear, cost.year, cost.amount);
    costByType.set(cost.type, add(costByType.get(cost.type) ?? ZERO, cost.amount));
  }
  const totalCost = sum(model.costs.map((cost) => cost.amount));
  const budgets = model.costs.map((cost) => cost.budget);
  const totalBudget =
    budgets.every((b): b is Rational => b !== null) && budgets.length > 0 ? sum(budgets) : null;

  const outcomes = model.outcomes.map((outcome): OutcomeFigures => {
    const years = outcomeImpacts(outcome).map(({ year, impact }) => {
      addTo(benefitsByYear, year, impact);
      return { year, impact, presentValue: presentValue(impact, rate, year) };
    });
    return {
      years,
      firstYearImpact: years[0]?.impact ?? ZERO,
      totalImpact: sum(years.map((y) => y.impact)),
      presentValue: sum(years.map((y) => y.presentValue)),
      costPerOutcome: ratio(totalCost, outcome.quantity),
    };
  });

  const flowYears = [...costsByYear, ...benefitsByYear]
    .filter(([, amount]) => !isZero(amount))
    .map(([year]) => year);
  const horizon = Math.max(0, ...flowYears);

  const years: YearFigures[] = [];
  let cumulativePvCosts = ZERO;
  let cumulativePvBenefits = ZERO;
  for (let year = 0; year <= horizon; year++) {
    const costs = costsByYear.get(year) ?? ZERO;
    const benefits = benefitsByYear.get(year) ?? ZERO;
    const pvCosts = presentValue(costs, rate, year);
    const pvBenefits = presentValue(benefits, rate, year);
    cumulativePvCosts = add(cumulativePvCosts, pvCosts);
    cumulativePvBenefits = add(cumulativePvBenefits, pvBenefits);
    years.push({
      year,
      costs,
      benefits,
      pvCosts,
      pvBenefits,
      cumulativePvCosts,
      cumulativePvBenefits,
    });
  }

  // Convention 6: the first year, and the year from which it holds to the horizon.
  const brokenEven = years.map(
    (y) =>
      cmp(y.cumulativePvBenefits, y.cumulativePvCosts) >= 0 &&
      cmp(y.cumulativePvBenefits, ZERO) > 0,
  );
  const breakEvenYear = brokenEven.indexOf(true);
  const lastMiss = brokenEven.lastIndexOf(false);
  const breakEvenHoldsFromYear = lastMiss === horizon ? null : lastMiss + 1;

  const pvCosts = cumulativePvCosts;
  const pvBenefits = cumulativePvBenefits;
  const npv = sub(pvBenefits, pvCosts);

  // Convention 7: the impact of the evaluation's first benefit year, all outcomes together.
  const startYears = model.outcomes.map((o) => o.startYear);
  const firstYearImpact =
    startYears.length === 0 ? ZERO : (benefitsByYear.get(Math.min(...startYears)) ?? ZERO);

  return {
    horizon,
    years,
    outcomes,
    totalCost,
    totalBudget,
    costByType,
    totalBenefits: sum([...benefitsByYear.values()]),
    pvCosts,
    pvBenefits,
    npv,
    sroiRatio: ratio(pvBenefits, pvCosts),
    sroiRatioUndiscountedCosts: ratio(pvBenefits, totalCost),
    netRatio: ratio(npv, pvCosts),
    costsSpanSeveralYears:
      new Set(model.costs.filter((c) => !isZero(c.amount)).map((c) => c.year)).size > 1,
    costPerParticipant:
      model.participants === 0 ? null : div(totalCost, rational(model.participants)),
    breakEvenYear: breakEvenYear < 0 ? null : breakEvenYear,
    breakEvenHoldsFromYear,
    paybackMonths: ratio(totalCost, div(firstYearImpact, rational(12))),
  };
}
