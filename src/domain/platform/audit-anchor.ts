import { z } from "zod";

/** The newest row of one chain of the audit log, as an anchor records it. */
export const ChainHeadSchema = z.strictObject({
  chain: z.number().int().min(0).max(32767),
  chainSeq: z.number().int().min(1),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hash in hex"),
  occurredAt: z.iso.datetime(),
});

/** One line of an anchor file: every chain's head at one moment. */
export const AuditAnchorSchema = z.strictObject({
  anchoredAt: z.iso.datetime(),
  heads: z.array(ChainHeadSchema),
});

export type AuditAnchor = z.infer<typeof AuditAnchorSchema>;

export interface ParsedAnchors {
  anchors: { line: number; anchor: AuditAnchor }[];
  problems: string[];
}

/** Reads an anchor file (JSON lines); a line that is not an anchor is named by its number. */
export function parseAnchorFile(text: string): ParsedAnchors {
  const result: ParsedAnchors = { anchors: [], problems: [] };
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      result.problems.push(`line ${line}: not JSON`);
      return;
    }
    const parsed = AuditAnchorSchema.safeParse(json);
    if (parsed.success) result.anchors.push({ line, anchor: parsed.data });
    else
      result.problems.push(
        `line ${line}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "anchor"}: ${i.message}`).join("; ")}`,
      );
  });
  return result;
}

/**
 * The cron (UTC) for anchoring every `minutes` minutes. Cron steps restart each hour, day and
 * month, so an interval that does not divide those evenly is rounded down to whole hours or days
 * and the last gap before each restart is shorter: anchors come at least as often as asked.
 */
export function anchorCron(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1)
    throw new Error(`Not a number of minutes: ${minutes}`);
  if (minutes < 60) return minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
  const days = Math.floor(hours / 24);
  return days === 1 ? "0 0 * * *" : `0 0 */${days} * *`;
}
