import { describe, expect, it } from "vitest";
import { parseAnchorFile } from "./audit-anchor.ts";

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
