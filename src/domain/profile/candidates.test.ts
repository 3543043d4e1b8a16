import { describe, expect, it } from "vitest";
import {
  type FactorFigures,
  prioritisationCandidates,
  validatePrioritisation,
} from "./candidates.ts";

const share = (flagged: number, n: number, suppressed = false) => ({ flagged, n, suppressed });

describe("prioritisationCandidates", () => {
  const figures: FactorFigures[] = [
    { factor: "r1", kind: "risk", current: share(60, 200) },
    { factor: "r2", kind: "risk", current: share(20, 200) },
    { factor: "r3", kind: "risk", current: share(40, 200) },
    { factor: "r4", kind: "risk", current: share(40, 200) },
    { factor: "r5", kind: "risk", current: share(9, 9, true) },
    { factor: "p1", kind: "protective", current: share(150, 200) },
    { factor: "p2", kind: "protective", current: share(50, 200) },
  ];

  it("marks the highest risk and lowest protection, keeping ties and skipping suppressed cells", () => {
    const result = prioritisationCandidates(figures, 2);
    expect(result.map((c) => [c.factor, c.reasons])).toEqual([
      ["r1", ["prevalence"]],
      ["r3", ["prevalence"]],
      ["r4", ["prevalence"]],
      ["p1", ["prevalence"]],
      ["p2", ["prevalence"]],
    ]);
  });

  it("marks significant unfavourable gaps and worsening trends only", () => {
    const result = prioritisationCandidates(
      [
        // Risk well above the reference, and up since the earlier wave: gap and trend.
        {
          factor: "r1",
          kind: "risk",
          current: share(90, 200),
          reference: { kind: "counts", share: share(600, 2000) },
          earlier: share(60, 200),
        },
        // Risk below the reference: a favourable gap, no reason.
        {
          factor: "r2",
          kind: "risk",
          current: share(30, 200),
          reference: { kind: "norm", percent: "30" },
          earlier: share(32, 200),
        },
        // Protection below the norm: an unfavourable gap.
        {
          factor: "p1",
          kind: "protective",
          current: share(80, 200),
          reference: { kind: "norm", percent: "55.5" },
        },
        // Protection down since last time, but not significantly.
        { factor: "p2", kind: "protective", current: share(95, 200), earlier: share(100, 200) },
      ],
      1,
    );
    const byFactor = Object.fromEntries(result.map((c) => [c.factor, c]));
    expect(byFactor.r1!.reasons).toEqual(["prevalence", "gap", "trend"]);
    expect(byFactor.r1!.trend!.test).toBe("two_proportion_z");
    expect(byFactor.r2).toBeUndefined();
    expect(byFactor.p1!.reasons).toEqual(["prevalence", "gap"]);
    expect(byFactor.p1!.gap!.test).toBe("one_sample_score");
    expect(byFactor.p2).toBeUndefined();
  });

  it("never compares suppressed figures", () => {
    const result = prioritisationCandidates([
      {
        factor: "r1",
        kind: "risk",
        current: share(8, 9, true),
        reference: { kind: "norm", percent: "10" },
        earlier: share(0, 40),
      },
    ]);
    expect(result).toEqual([]);
  });
});

describe("validatePrioritisation", () => {
  const factors = [
    { id: "r1", kind: "risk" as const },
    { id: "r2", kind: "risk" as const },
    { id: "r3", kind: "risk" as const },
    { id: "p1", kind: "protective" as const },
    { id: "p2", kind: "protective" as const },
  ];
  const pick = (...ids: string[]) => ids.map((factor) => ({ factor, reason: "Hög andel" }));

  it("accepts 2–5 risk and 2–5 protective factors with reasons", () => {
    expect(validatePrioritisation(pick("r1", "r2", "p1", "p2"), factors)).toEqual({ ok: true });
  });

  it("names every problem", () => {
    const result = validatePrioritisation(
      [...pick("r1", "r1", "x9", "p1"), { factor: "r2", reason: "  " }],
      factors,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        "Faktorn r1 är vald två gånger.",
        "Faktorn x9 finns inte i enkäten.",
        "Ange ett skäl för r2.",
        "Välj 2–5 skyddsfaktorer (nu 1).",
      ],
    });
  });

  it("refuses more than five of a kind", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, kind: "risk" as const }));
    const result = validatePrioritisation(pick("r0", "r1", "r2", "r3", "r4", "r5", "p1", "p2"), [
      ...many,
      ...factors.slice(3),
    ]);
    expect(result).toEqual({ ok: false, problems: ["Välj 2–5 riskfaktorer (nu 6)."] });
  });
});
