import { describe, expect, it } from "vitest";
import { anchorCron, parseAnchorFile } from "./audit-anchor.ts";

const head = {
  chain: 3,
  chainSeq: 12,
  seq: 140,
  hash: "a".repeat(64),
  occurredAt: "2026-11-30T10:00:00.123456Z",
};

describe("parseAnchorFile", () => {
  it("reads one anchor per line and skips blank lines", () => {
    const text = `${JSON.stringify({ anchoredAt: "2026-11-30T10:00:01Z", heads: [head] })}\n\n${JSON.stringify({ anchoredAt: "2026-11-30T11:00:01Z", heads: [] })}\n`;
    const parsed = parseAnchorFile(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.anchors.map((a) => a.line)).toEqual([1, 3]);
    expect(parsed.anchors[0]!.anchor.heads).toEqual([head]);
  });

  it("names each line that is not an anchor", () => {
    const parsed = parseAnchorFile(
      `not json\n${JSON.stringify({ anchoredAt: "2026-11-30T10:00:01Z", heads: [{ ...head, hash: "xyz" }] })}\n`,
    );
    expect(parsed.anchors).toEqual([]);
    expect(parsed.problems).toEqual([
      "line 1: not JSON",
      "line 2: heads.0.hash: must be a SHA-256 hash in hex",
    ]);
  });
});

describe("anchorCron", () => {
  it("runs every N minutes, hours or days, rounding down what cron cannot step by", () => {
    expect(anchorCron(1)).toBe("* * * * *");
    expect(anchorCron(5)).toBe("*/5 * * * *");
    expect(anchorCron(45)).toBe("*/45 * * * *");
    expect(anchorCron(60)).toBe("0 * * * *");
    expect(anchorCron(90)).toBe("0 * * * *");
    expect(anchorCron(360)).toBe("0 */6 * * *");
    expect(anchorCron(24 * 60)).toBe("0 0 * * *");
    expect(anchorCron(7 * 24 * 60)).toBe("0 0 */7 * *");
  });

  it("refuses what is not a whole number of minutes", () => {
    expect(() => anchorCron(0)).toThrow();
    expect(() => anchorCron(1.5)).toThrow();
  });
});
