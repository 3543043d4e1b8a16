import { add, clamp, max, mul, ONE, type Rational, sub, ZERO } from "../shared/rational.ts";
import { type EconomicsModel, evaluateEconomics, type OutcomeModel } from "./economics.ts";

export const SENSITIVITY_PARAMETERS = [
  "deadweight",
  "attribution",
  "dropOff",
  "discountRate",
  "proxy",
] as const;
export type SensitivityParameter = (typeof SENSITIVITY_PARAMETERS)[number];

export interface SensitivityEnd {
  /** "+" moves the parameter up by δ, "-" down; for the proxy "+" is × (1 − δ), per the ∓. */
  sign: "+" | "-";
  sroiRatio: Rational | null;
  npv: Rational;
}

export interface SensitivityRow {
  parameter: SensitivityParameter;
  delta: Rational;
  ends: [SensitivityEnd, SensitivityEnd];
}

type Shift = (model: EconomicsModel, delta: Rational) => EconomicsModel;

const shiftShare =
  (key: "deadweight" | "attribution" | "dropOff"): Shift =>
  (model, delta) => ({
    ...model,
    outcomes: model.outcomes.map(
      (outcome): OutcomeModel => ({
        ...outcome,
        [key]: clamp(add(outcome[key], delta), ZERO, ONE),
      }),
    ),
  });

const SHIFTS: Record<SensitivityParameter, Shift> = {
  deadweight: shiftShare("deadweight"),
  attribution: shiftShare("attribution"),
  dropOff: shiftShare("dropOff"),
  discountRate: (model, delta) => ({
    ...model,
    discountRate: max(ZERO, add(model.discountRate, delta)),
  }),
  // The proxy moves against the sign so that each row's "+" end is the same (pessimistic) side.
  proxy: (model, delta) => ({
    ...model,
    outcomes: model.outcomes.map((outcome) => ({
      ...outcome,
      proxy: mul(outcome.proxy, sub(ONE, delta)),
    })),
  }),
};

const negate = (value: Rational): Rational => sub(ZERO, value);

/** Convention 8: one parameter at a time, for all outcomes, both ends. */
export function sensitivityTable(
  model: EconomicsModel,
  deltas: Partial<Record<SensitivityParameter, Rational>>,
): SensitivityRow[] {
  return SENSITIVITY_PARAMETERS.flatMap((parameter) => {
    const delta = deltas[parameter];
    if (delta === undefined) return [];
    const end = (sign: "+" | "-"): SensitivityEnd => {
      const figures = evaluateEconomics(
        SHIFTS[parameter](model, sign === "+" ? delta : negate(delta)),
      );
      return {
        sign,
        sroiRatio: figures.sroiRatio,
        npv: figures.npv,
      };
    };
    return [{ parameter, delta, ends: [end("+"), end("-")] }];
  });
}
