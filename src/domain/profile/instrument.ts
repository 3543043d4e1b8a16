import { z } from "zod";
import { nameText, noteText } from "../shared/schemas.ts";

/**
 * A survey instrument as JSON, exactly the format of docs/profile-cli.md: items with their valid
 * and missing codes, validity screening, and factors scored from items. The same schema reads an
 * imported file, the CLI's --instrument and the stored versions, so all three agree.
 */

// Item and factor ids are column names in survey files and keys in the output; a short plain
// identifier keeps them usable in CSV headers, SPSS variable names and URLs alike.
const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const idText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Ange ${what}.`)
    .max(64)
    .regex(ID, "Bara bokstäverna a–z, siffror, _, - och . (börjar med en bokstav).");

// Answer codes: SPSS and spreadsheets store them as numbers; whole numbers within a range any
// survey uses, so sums over a factor's items stay exact in a double.
const CODE_LIMIT = 1_000_000;
const code = z.int().min(-CODE_LIMIT).max(CODE_LIMIT);

export const LocalisedNameSchema = z
  .object({
    sv: nameText(300).describe("Swedish"),
    en: nameText(300).describe("English"),
  })
  .strict();

export const CompareSchema = z
  .enum([">", ">="])
  .describe("Flagged when the score is above the cut-point ('>') or at least it ('>=')");

// Cut-points are decimals as written in the JSON; the scorer reads them as the shortest decimal
// that round-trips (2.5 is exactly 5/2), never as the binary double.
const cutPoint = z
  .number()
  .min(-CODE_LIMIT)
  .max(CODE_LIMIT)
  .describe("Decimal number the score is compared with, exactly");

export const ItemSchema = z
  .object({
    id: idText("en fråga").describe("Item id: the column name in survey files"),
    min: code.describe("Lowest valid answer code"),
    max: code.describe("Highest valid answer code"),
    missing: z.array(code).max(20).optional().describe("Codes meaning 'not answered'"),
    text: LocalisedNameSchema.optional().describe("The question's wording"),
  })
  .strict()
  .refine((item) => item.min <= item.max, {
    message: "min får inte vara större än max.",
    path: ["max"],
  })
  .refine((item) => (item.missing ?? []).every((m) => m < item.min || m > item.max), {
    message: "En kod för ej besvarad får inte vara ett giltigt svar.",
    path: ["missing"],
  });

export const ExcludeRuleSchema = z
  .object({
    item: idText("en fråga").describe("The screening item"),
    values: z.array(code).min(1).max(100).describe("Answers that exclude the respondent"),
    reason: noteText(300).optional().describe("Why, e.g. 'fictitious drug'"),
  })
  .strict();

export const LevelSchema = z
  .object({
    id: idText("en nivå"),
    name: LocalisedNameSchema,
    cutPoint,
    compare: CompareSchema.default(">"),
    source: nameText(500, "Ange källan för nivån.").describe(
      "Where the threshold comes from, e.g. a norm's 90th percentile and its study",
    ),
  })
  .strict();

export const FACTOR_KINDS = ["risk", "protective"] as const;
export const FACTOR_DOMAINS = ["community", "family", "school", "individual"] as const;

export const FactorSchema = z
  .object({
    id: idText("en faktor"),
    kind: z.enum(FACTOR_KINDS),
    domain: z.enum(FACTOR_DOMAINS),
    name: LocalisedNameSchema,
    items: z.array(idText("en fråga")).min(1).max(50),
    reverse: z.array(idText("en fråga")).max(50).optional(),
    minAnswered: z.int().min(1).max(50).optional().describe("Default: all of the items"),
    cutPoint: cutPoint.describe("The flag level: flagged when score `compare` cutPoint"),
    compare: CompareSchema.default(">"),
    levels: z
      .array(LevelSchema)
      .max(10)
      .optional()
      .describe("Further thresholds, e.g. norm percentiles, each with its source"),
  })
  .strict()
  .superRefine((factor, ctx) => {
    const items = new Set(factor.items);
    if (items.size !== factor.items.length) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "En fråga står två gånger." });
    }
    for (const [i, item] of (factor.reverse ?? []).entries()) {
      if (!items.has(item)) {
        ctx.addIssue({
          code: "custom",
          path: ["reverse", i],
          message: `Den omvända frågan ${item} hör inte till faktorn.`,
        });
      }
    }
    if (factor.minAnswered !== undefined && factor.minAnswered > factor.items.length) {
      ctx.addIssue({
        code: "custom",
        path: ["minAnswered"],
        message: "minAnswered får inte vara fler än faktorns frågor.",
      });
    }
    const levels = (factor.levels ?? []).map((level) => level.id);
    if (new Set(levels).size !== levels.length) {
      ctx.addIssue({ code: "custom", path: ["levels"], message: "En nivå står två gånger." });
    }
  });

export const InstrumentSchema = z
  .object({
    id: idText("ett id"),
    version: z.int().min(1).max(1_000_000),
    name: LocalisedNameSchema,
    items: z.array(ItemSchema).min(1).max(2000),
    exclude: z.array(ExcludeRuleSchema).max(50).optional(),
    factors: z.array(FactorSchema).min(1).max(200),
  })
  .strict()
  .superRefine((instrument, ctx) => {
    const items = new Set<string>();
    for (const [i, item] of instrument.items.entries()) {
      if (items.has(item.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "id"],
          message: `Frågan ${item.id} står två gånger.`,
        });
      }
      items.add(item.id);
    }
    for (const [i, rule] of (instrument.exclude ?? []).entries()) {
      if (!items.has(rule.item)) {
        ctx.addIssue({
          code: "custom",
          path: ["exclude", i, "item"],
          message: `Frågan ${rule.item} finns inte bland frågorna.`,
        });
      }
    }
    const factors = new Set<string>();
    for (const [i, factor] of instrument.factors.entries()) {
      if (factors.has(factor.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["factors", i, "id"],
          message: `Faktorn ${factor.id} står två gånger.`,
        });
      }
      factors.add(factor.id);
      for (const [j, item] of factor.items.entries()) {
        if (!items.has(item)) {
          ctx.addIssue({
            code: "custom",
            path: ["factors", i, "items", j],
            message: `Frågan ${item} finns inte bland frågorna.`,
          });
        }
      }
    }
  });

/** An instrument as parsed: defaults applied (compare is always set). */
export type Instrument = z.infer<typeof InstrumentSchema>;
/** An instrument as written in JSON, before defaults. */
export type InstrumentInput = z.input<typeof InstrumentSchema>;
export type InstrumentFactor = Instrument["factors"][number];
export type InstrumentItem = Instrument["items"][number];
export type FactorLevel = NonNullable<InstrumentFactor["levels"]>[number];
