import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cmp, type Rational, rational, ZERO } from "../shared/rational.ts";
import {
  type EconomicsModel,
  evaluateEconomics,
  type OutcomeModel,
  presentValue,
} from "./economics.ts";
import { evaluateEconomicsInput } from "./economics-report.ts";
import { EconomicsEvaluateSchema, type EconomicsInput } from "./schemas.ts";

const proxy = (amount: number | string) => ({
  amount,
  description: "test figure",
  source: "hand-made for the test",
  priceYear: 2025,
});

/**
 * Hand-checked: r = 10 %, 1 000 kr in year 0; one outcome worth 500 kr with 20 % deadweight and
 * 50 % drop-off gives 400, 200, 100 kr in years 1–3, PV 4000/11 + 20000/121 + 100000/1331 =
 * 804000/1331 = 604.0571… kr.
 */
const handChecked = EconomicsEvaluateSchema.parse({
  title: "Hand-checked example",
  priceYear: 2025,
  discountRate: "0.1",
  participants: 4,
  costs: [{ year: 0, type: "staff", amount: 1000 }],
  outcomes: [
    {
      name: "outcome",
      quantity: 1,
      proxy: proxy(500),
      duration: 3,
      deadweight: 0.2,
      displacement: 0,
      attribution: 0,
      dropOff: 0.5,
    },
  ],
  sensitivity: { deadweight: 0.1, attribution: 0.1, dropOff: 0.5, discountRate: 0.1, proxy: 0.2 },
});

describe("economic evaluation by the numbered conventions", () => {
  it("computes impacts, present values, ratio, NPV and payback as checked by hand", () => {
    const report = evaluateEconomicsInput(handChecked);
    expect(report.outcomes[0]?.years).toEqual([
      { year: 1, impact: "400.00", presentValue: "363.64" },
      { year: 2, impact: "200.00", presentValue: "165.29" },
      { year: 3, impact: "100.00", presentValue: "75.13" },
    ]);
    expect(report).toMatchObject({
      horizonYear: 3,
      costs: { total: "1000.00", presentValue: "1000.00", perParticipant: "250.00", budget: null },
      benefits: { total: "700.00", presentValue: "604.06" },
      npv: "-395.94",
      sroiRatio: "0.6041",
      netRatio: "-0.3959",
      breakEvenYear: null,
      breakEvenHoldsFromYear: null,
      paybackMonths: "30.00", // 1000 / (400 / 12)
    });
  });

  it("moves one parameter at a time in the sensitivity table, clamped", () => {
    const rows = evaluateEconomicsInput(handChecked).sensitivity.rows;
    const ends = Object.fromEntries(rows.map((row) => [row.parameter, row.ends]));
    // deadweight 0.3: 0.875 × 804000/1331 = 528.54996…; 0.1: 1.125 × … = 679.5642…
    expect(ends.deadweight).toEqual([
      { setting: "+0.1", sroiRatio: "0.5285", npv: "-471.45" },
      { setting: "-0.1", sroiRatio: "0.6796", npv: "-320.44" },
    ]);
    // attribution cannot go below 0: the "-" end equals the base case.
    expect(ends.attribution?.[1]).toEqual({ setting: "-0.1", sroiRatio: "0.6041", npv: "-395.94" });
    // r = 0 gives the undiscounted 700 kr.
    expect(ends.discountRate?.[1]).toEqual({
      setting: "-0.1",
      sroiRatio: "0.7000",
      npv: "-300.00",
    });
    expect(ends.proxy).toEqual([
      { setting: "× 0.8", sroiRatio: "0.4832", npv: "-516.75" },
      { setting: "× 1.2", sroiRatio: "0.7249", npv: "-275.13" },
    ]);
    expect(evaluateEconomicsInput(handChecked).sensitivity.ratioRange).toEqual({
      min: "0.3636",
      max: "0.9947",
    });
  });

  it("finds break-even and the year from which it holds when a later cost pushes it back", () => {
    const input = EconomicsEvaluateSchema.parse({
      title: "Later cost",
      priceYear: 2025,
      discountRate: 0,
      participants: 0,
      costs: [
        { year: 0, type: "staff", amount: 100, budget: 150 },
        { year: 3, type: "premises", amount: 300, budget: 250 },
      ],
      outcomes: [
        {
          name: "outcome",
          quantity: 1,
          proxy: proxy(100),
          duration: 5,
          deadweight: 0,
          displacement: 0,
          attribution: 0,
          dropOff: 0,
        },
      ],
    });
    // Cumulative costs 100, 100, 100, 400, 400, 400 against benefits 0, 100, 200, 300, 400, 500.
    expect(evaluateEconomicsInput(input)).toMatchObject({
      breakEvenYear: 1,
      breakEvenHoldsFromYear: 4,
      sroiRatio: "1.2500",
      sroiRatioUndiscountedCosts: "1.2500",
      costsSpanSeveralYears: true,
      paybackMonths: "48.00",
      costs: {
        perParticipant: null,
        budget: "400.00",
        byType: { staff: "100.00", premises: "300.00" },
      },
    });
  });

  it("answers null, not 0 or ∞, when a denominator is 0", () => {
    const input = EconomicsEvaluateSchema.parse({
      title: "Nothing",
      priceYear: 2025,
      discountRate: "0.035",
      participants: 3,
      costs: [],
      outcomes: [
        {
          name: "none achieved",
          quantity: 0,
          proxy: proxy(100),
          duration: 2,
          deadweight: 0,
          displacement: 0,
          attribution: 0,
          dropOff: 0,
        },
      ],
    });
    expect(evaluateEconomicsInput(input)).toMatchObject({
      horizonYear: 0,
      sroiRatio: null,
      sroiRatioUndiscountedCosts: null,
      netRatio: null,
      paybackMonths: null,
      breakEvenYear: null,
      costs: { perParticipant: "0.00" },
    });
    expect(evaluateEconomicsInput(input).outcomes[0]?.costPerOutcome).toBeNull();
  });

  it("does not discount year 0 and notes a proxy in another price year", () => {
    expect(presentValue(rational(1000n), rational(35n, 1000n), 0)).toEqual(rational(1000n));
    const input: EconomicsInput = {
      ...handChecked,
      outcomes: handChecked.outcomes.map((o) => ({ ...o, proxy: { ...o.proxy, priceYear: 2010 } })),
    };
    expect(evaluateEconomicsInput(input).notes[0]).toMatch(/price year 2010 differs/);
  });

  it("refuses a budget on only some cost lines and names the path", () => {
    const result = EconomicsEvaluateSchema.safeParse({
      ...handChecked,
      costs: [
        { year: 0, type: "staff", amount: 1, budget: 1 },
        { year: 1, type: "staff", amount: 1 },
      ],
    });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["costs.1.budget"]);
  });
});

const share = fc.integer({ min: 0, max: 100 }).map((p) => rational(BigInt(p), 100n));
const outcomeArb: fc.Arbitrary<OutcomeModel> = fc.record({
  name: fc.constant("o"),
  quantity: fc.integer({ min: 0, max: 50 }).map((n) => rational(BigInt(n))),
  proxy: fc.integer({ min: 0, max: 50_000_000 }).map((n) => rational(BigInt(n))),
  startYear: fc.integer({ min: 0, max: 4 }),
  duration: fc.integer({ min: 1, max: 6 }),
  deadweight: share,
  displacement: share,
  attribution: share,
  dropOff: share,
});
const modelArb: fc.Arbitrary<EconomicsModel> = fc.record({
  discountRate: fc.integer({ min: 0, max: 80 }).map((p) => rational(BigInt(p), 1000n)),
  participants: fc.integer({ min: 0, max: 100 }),
  costs: fc.array(
    fc.record({
      year: fc.integer({ min: 0, max: 5 }),
      type: fc.constant("staff"),
      amount: fc.integer({ min: 0, max: 100_000_000 }).map((n) => rational(BigInt(n))),
      budget: fc.constant(null),
    }),
    { maxLength: 4 },
  ),
  outcomes: fc.array(outcomeArb, { minLength: 1, maxLength: 3 }),
});

describe("economic properties", () => {
  it("never raises the ratio when deadweight grows", () => {
    fc.assert(
      fc.property(modelArb, share, share, fc.nat(), (model, a, b, pick) => {
        const i = pick % model.outcomes.length;
        const [low, high] = cmp(a, b) <= 0 ? [a, b] : [b, a];
        const withDeadweight = (deadweight: Rational): Rational | null =>
          evaluateEconomics({
            ...model,
            outcomes: model.outcomes.map((o, j) => (j === i ? { ...o, deadweight } : o)),
          }).sroiRatio;
        const before = withDeadweight(low);
        const after = withDeadweight(high);
        if (before !== null && after !== null) expect(cmp(after, before)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("has NPV ≥ 0 exactly when the ratio is ≥ 1", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const figures = evaluateEconomics(model);
        if (figures.sroiRatio === null) {
          expect(cmp(figures.pvCosts, ZERO)).toBe(0);
          return;
        }
        expect(cmp(figures.npv, ZERO) >= 0).toBe(cmp(figures.sroiRatio, rational(1n)) >= 0);
      }),
    );
  });

  it("breaks even no later than the year from which it holds for good", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const { breakEvenYear, breakEvenHoldsFromYear, horizon } = evaluateEconomics(model);
        if (breakEvenHoldsFromYear !== null) {
          expect(breakEvenYear).not.toBeNull();
          expect(breakEvenYear!).toBeLessThanOrEqual(breakEvenHoldsFromYear);
          expect(breakEvenHoldsFromYear).toBeLessThanOrEqual(horizon);
        }
      }),
    );
  });
});
