import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("audit anchoring configuration", () => {
  it("is off by default and anchors hourly once a file is named", () => {
    expect(loadConfig({}).AUDIT_ANCHOR_FILE).toBeUndefined();
    const file = path.join(os.tmpdir(), "anchors.jsonl");
    const config = loadConfig({ AUDIT_ANCHOR_FILE: file });
    expect(config.AUDIT_ANCHOR_FILE).toBe(file);
    expect(config.AUDIT_ANCHOR_MINUTES).toBe(60);
    expect(loadConfig({ AUDIT_ANCHOR_MINUTES: "5" }).AUDIT_ANCHOR_MINUTES).toBe(5);
  });

  it("names a file in a missing directory and an interval out of range", () => {
    expect(problemsOf({ AUDIT_ANCHOR_FILE: "/no/such/directory/anchors.jsonl" })).toEqual([
      "AUDIT_ANCHOR_FILE: its directory does not exist",
    ]);
    expect(problemsOf({ AUDIT_ANCHOR_MINUTES: "0" })).toEqual([
      expect.stringMatching(/^AUDIT_ANCHOR_MINUTES: /),
    ]);
    expect(problemsOf({ AUDIT_ANCHOR_MINUTES: "hourly" })).toEqual([
      expect.stringMatching(/^AUDIT_ANCHOR_MINUTES: /),
    ]);
  });
});
