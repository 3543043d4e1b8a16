import { z } from "zod";
import { nameText } from "../shared/schemas.ts";
import { SCORE_GRIDS } from "./scoring.ts";
import { TOPIC_KEYS } from "./topics.ts";

/**
 * Readiness values that several schemas of the contract share. The HTTP contract itself (request
 * bodies and responses) is in api.ts, which builds on these.
 */

export const ScoreGridSchema = z
  .enum(SCORE_GRIDS)
  .describe("Allowed steps between anchors: whole points, half points (default) or tenths");

export const TopicSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("preset"),
      key: z.enum(TOPIC_KEYS).describe("One of the preset topics"),
    }),
    z.object({
      kind: z.literal("custom"),
      name: nameText(200, "Ange ett ämne.").describe("The topic in the organisation's words"),
    }),
  ])
  .describe("What readiness is measured for: a preset topic or free text");
