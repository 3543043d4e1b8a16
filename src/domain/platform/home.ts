import { z } from "zod";

/** A text in both interface languages: modules name their records (topics, places) in both. */
export const LocalizedTextSchema = z.strictObject({ sv: z.string(), en: z.string() });

/** One record on the home page: what it is called, where it opens, and when it is due. */
export const HomeLinkSchema = z.strictObject({
  title: LocalizedTextSchema,
  href: z.string().startsWith("/").describe("A path of the web app"),
  due: z.iso.date().optional().describe("When the work is due (YYYY-MM-DD)"),
});

/**
 * One kind of thing a module has for the person: `waiting` is work that waits for them (a score
 * sheet to fill in, a consensus to set, a draft left), `activity` is what their organisations
 * are doing now. `kind` names the i18n label (`<module>.home.<kind>`); `count` is how many
 * there are in all, `items` the first few of them.
 */
export const HomeItemSchema = z.strictObject({
  section: z.enum(["waiting", "activity"]),
  kind: z.string().regex(/^[a-z][A-Za-z]*$/),
  count: z.number().int().nonnegative(),
  items: z.array(HomeLinkSchema),
});

export const HomePartSchema = z.strictObject({
  module: z.string().describe("The context the items come from, in module order"),
  items: z.array(HomeItemSchema),
});

export const HomeSchema = z.strictObject({ parts: z.array(HomePartSchema) });

export type HomeLink = z.infer<typeof HomeLinkSchema>;
export type HomeItem = z.infer<typeof HomeItemSchema>;
export type Home = z.infer<typeof HomeSchema>;

/** How many records of one kind the home page lists; the count says how many there are. */
export const HOME_LIST_LIMIT = 5;
