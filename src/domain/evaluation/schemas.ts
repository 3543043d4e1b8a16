import { z } from "zod";
import { cmp, decimalPlaces, parseDecimal, rational } from "../shared/rational.ts";
import { safeText } from "../shared/schemas.ts";
import { kronorToOre } from "./money.ts";

interface DecimalBounds {
  min?: number;
  max?: number;
  maxPlaces?: number;
}

/**
 * A decimal given as a JSON number or a string. Strings are exact for any length; numbers are
 * read through their shortest text form, which is what a person types. Either way the value is
 * turned into a fraction, never used as a binary float.
 */
function decimal({ min, max, maxPlaces }: DecimalBounds = {}) {
  return z.union([safeText(100), z.number()]).superRefine((value, ctx) => {
    const parsed = parseDecimal(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `'${value}' is not a plain decimal such as 0.035` });
      return;
    }
    if (maxPlaces !== undefined && decimalPlaces(value) > maxPlaces) {
      ctx.addIssue({ code: "custom", message: `'${value}' has more than ${maxPlaces} decimals` });
    }
    if (min !== undefined && cmp(parsed, rational(min)) < 0) {
      ctx.addIssue({ code: "custom", message: `'${value}' is below ${min}` });
    }
    if (max !== undefined && cmp(parsed, rational(max)) > 0) {
      ctx.addIssue({ code: "custom", message: `'${value}' is above ${max}` });
    }
  });
}

const share = () => decimal({ min: 0, max: 1 });

const money = () =>
  z.union([safeText(100), z.number()]).superRefine((value, ctx) => {
    const ore = kronorToOre(value);
    if (ore === null) {
      ctx.addIssue({ code: "custom", message: `'${value}' is not kronor with at most 2 decimals` });
    } else if (ore < 0n) {
      ctx.addIssue({ code: "custom", message: `'${value}' is negative` });
    }
  });

const year = () => z.int().min(0).max(100);

// ---------------------------------------------------------------- custom Likert instruments

export const LikertInstrumentSchema = z
  .strictObject({
    id: safeText(100).min(1).describe("Stable identifier of the instrument"),
    name: safeText(500).min(1).describe("Name shown in reports"),
    answers: z
      .strictObject({
        min: z.int().describe("Lowest answer code"),
        max: z.int().describe("Highest answer code"),
      })
      .refine((a) => a.min < a.max, "min must be below max")
      .describe("Answer codes as ticked; a reverse item scores min + max − answer"),
    items: z
      .array(
        z.strictObject({
          id: safeText(100).min(1).describe("Item identifier, e.g. q7"),
          reverse: z.boolean().default(false).describe("Scored in the opposite direction"),
        }),
      )
      .min(1)
      .describe("Items in printed order"),
    scales: z
      .array(
        z.strictObject({
          id: safeText(100).min(1).describe("Scale identifier"),
          items: z.array(safeText(100).min(1)).min(1).describe("Item ids in this scale"),
          minAnswered: z
            .int()
            .min(1)
            .describe("Fewest answered items for a score; missing items are prorated"),
        }),
      )
      .min(1),
    composites: z
      .array(
        z.strictObject({
          id: safeText(100).min(1).describe("Composite identifier"),
          scales: z.array(safeText(100).min(1)).min(1).describe("Scales summed; missing if any is"),
        }),
      )
      .default([]),
  })
  .superRefine((instrument, ctx) => {
    const items = new Set(instrument.items.map((item) => item.id));
    const scales = new Set(instrument.scales.map((scale) => scale.id));
    if (items.size !== instrument.items.length) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "item ids must be unique" });
    }
    const ids = [...instrument.scales, ...instrument.composites].map((s) => s.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["scales"], message: "scale ids must be unique" });
    }
    instrument.scales.forEach((scale, i) => {
      for (const item of scale.items) {
        if (!items.has(item)) {
          ctx.addIssue({
            code: "custom",
            path: ["scales", i, "items"],
            message: `no item '${item}'`,
          });
        }
      }
      if (scale.minAnswered > scale.items.length) {
        ctx.addIssue({
          code: "custom",
          path: ["scales", i, "minAnswered"],
          message: "more than the scale's items",
        });
      }
    });
    instrument.composites.forEach((composite, i) => {
      for (const scale of composite.scales) {
        if (!scales.has(scale)) {
          ctx.addIssue({ code: "custom", path: ["composites", i], message: `no scale '${scale}'` });
        }
      }
    });
  })
  .describe("A questionnaire scored as prorated sums of integer answers");
export type LikertInstrument = z.infer<typeof LikertInstrumentSchema>;

// ---------------------------------------------------------------- SDQ

export const SdqVersionSchema = z
  .enum(["parent", "teacher", "self"])
  .describe("Informant: parent (P), teacher (T) or self-report (S, ages 11–17)");
export type SdqVersion = z.infer<typeof SdqVersionSchema>;

const sdqAnswer = z
  .union([z.literal(0), z.literal(1), z.literal(2)])
  .nullable()
  .describe("As ticked: 0 not true, 1 somewhat true, 2 certainly true; null when not answered");

const impactAnswer = z
  .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
  .nullable()
  .describe("As ticked: 0 not at all, 1 only a little, 2 quite a lot, 3 a great deal");

export const SdqImpactSchema = z
  .strictObject({
    overall: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .describe("Overall difficulties: 0 no, 1 minor, 2 definite, 3 severe"),
    distress: impactAnswer,
    home: impactAnswer.optional().describe("Parent and self-report only"),
    friendships: impactAnswer.optional().describe("Parent and self-report only"),
    classroom: impactAnswer,
    leisure: impactAnswer.optional().describe("Parent and self-report only"),
    peers: impactAnswer.optional().describe("Teacher only"),
  })
  .describe("The impact supplement on the back of the form");
export type SdqImpact = z.infer<typeof SdqImpactSchema>;

export const SdqScoreSchema = z
  .strictObject({
    version: SdqVersionSchema,
    items: z.array(sdqAnswer).length(25).describe("Items 1–25 in printed order"),
    impact: SdqImpactSchema.optional(),
  })
  .superRefine((form, ctx) => {
    // The teacher form asks about peers; the others about home, friendships and leisure.
    const foreign =
      form.version === "teacher"
        ? (["home", "friendships", "leisure"] as const)
        : (["peers"] as const);
    for (const key of foreign) {
      if (form.impact?.[key] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["impact", key],
          message: `not on the ${form.version} form`,
        });
      }
    }
  })
  .describe("One completed SDQ form");
export type SdqScoreInput = z.infer<typeof SdqScoreSchema>;

// ---------------------------------------------------------------- ORS / CORS / SRS

const mark = () =>
  decimal({ min: 0, max: 10, maxPlaces: 1 }).describe("Mark on the 10 cm line, 0–10");

export const OrsScoreSchema = z
  .strictObject({
    age: z.int().min(0).max(130).describe("Age in whole years; chooses the version and cut-off"),
    individually: mark().nullable(),
    interpersonally: mark().nullable(),
    socially: mark().nullable(),
    overall: mark().nullable(),
  })
  .describe("One ORS or CORS administration");
export type OrsScoreInput = z.infer<typeof OrsScoreSchema>;

export const SrsScoreSchema = z
  .strictObject({
    version: z.enum(["SRS", "CSRS"]).describe("SRS for adults, CSRS for children"),
    relationship: mark().nullable(),
    goals: mark().nullable().describe("Goals and topics"),
    approach: mark().nullable().describe("Approach or method"),
    overall: mark().nullable(),
  })
  .describe("One SRS or CSRS administration");
export type SrsScoreInput = z.infer<typeof SrsScoreSchema>;

// ---------------------------------------------------------------- economics

export const CostTypeSchema = z
  .enum(["staff", "premises", "training", "licences", "overhead"])
  .describe("Cost type");

export const EconomicsEvaluateSchema = z
  .strictObject({
    title: safeText(500).min(1).describe("What is evaluated"),
    currency: z.literal("SEK").default("SEK").describe("All amounts are kronor"),
    priceYear: z.int().min(1900).max(2200).describe("Price level of every amount"),
    discountRate: decimal({ min: 0 }).describe("Yearly discount rate, e.g. 0.035"),
    participants: z.int().min(0).describe("People reached, for cost per participant"),
    costs: z
      .array(
        z.strictObject({
          year: year().describe("0 = the investment's start"),
          type: CostTypeSchema,
          amount: money().describe("Actual cost in kronor, at most 2 decimals"),
          budget: money().optional().describe("Budgeted cost in kronor"),
          note: safeText(2000).optional(),
        }),
      )
      .describe("Cost lines per year and type"),
    outcomes: z
      .array(
        z.strictObject({
          name: safeText(500).min(1).describe("The outcome, e.g. 'in work or studies'"),
          quantity: decimal({ min: 0 }).describe("How many achieved it"),
          proxy: z
            .strictObject({
              amount: money().describe("Value per unit and year, kronor"),
              description: safeText(2000).min(1).describe("What the figure stands for"),
              source: safeText(2000).min(1).describe("Where the figure comes from"),
              priceYear: z.int().min(1900).max(2200).describe("Price year of the figure"),
            })
            .describe("Financial proxy"),
          startYear: year().default(1).describe("First benefit year"),
          duration: z.int().min(1).max(100).describe("Benefit years"),
          deadweight: share().describe("Share that would have happened anyway"),
          displacement: share().describe("Share that only moved elsewhere"),
          attribution: share().describe("Share due to others"),
          dropOff: share().describe("Yearly decline after the first benefit year"),
        }),
      )
      .describe("Outcomes valued by a financial proxy"),
    sensitivity: z
      .strictObject({
        deadweight: share().optional().describe("± absolute points"),
        attribution: share().optional().describe("± absolute points"),
        dropOff: share().optional().describe("± absolute points"),
        discountRate: share().optional().describe("± absolute, not below 0"),
        proxy: share().optional().describe("Proxy × (1 ∓ δ)"),
      })
      .default({})
      .describe("Ranges for the one-at-a-time sensitivity table"),
  })
  .superRefine((input, ctx) => {
    // A budget total over only some lines would compare part of a budget with all of the cost.
    const withBudget = input.costs.filter((cost) => cost.budget !== undefined).length;
    if (withBudget > 0 && withBudget < input.costs.length) {
      input.costs.forEach((cost, i) => {
        if (cost.budget === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["costs", i, "budget"],
            message: "give a budget on every cost line or on none",
          });
        }
      });
    }
  })
  .describe("Input to an economic (SROI) evaluation");
export type EconomicsInput = z.infer<typeof EconomicsEvaluateSchema>;
