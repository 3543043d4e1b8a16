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

describe("outgoing e-mail configuration", () => {
  const complete = {
    SMTP_URL: "smtp://mailer:secret@mail.example.se:587",
    MAIL_FROM: "Paraply <noreply@example.se>",
    PARAPLY_PUBLIC_URL: "https://paraply.example.se",
  };

  it("is off without SMTP_URL and on with the sender and public address", () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig(complete).mail).toEqual({
      smtpUrl: complete.SMTP_URL,
      from: complete.MAIL_FROM,
      publicUrl: complete.PARAPLY_PUBLIC_URL,
    });
    expect(loadConfig({ ...complete, MAIL_FROM: "noreply@example.se" }).mail?.from).toBe(
      "noreply@example.se",
    );
  });

  it("names what is missing or wrong", () => {
    expect(problemsOf({ SMTP_URL: complete.SMTP_URL })).toEqual([
      expect.stringMatching(/^MAIL_FROM: is required with SMTP_URL/),
      expect.stringMatching(/^PARAPLY_PUBLIC_URL: is required with SMTP_URL/),
    ]);
    expect(problemsOf({ ...complete, SMTP_URL: "http://mail.example.se" })).toEqual([
      expect.stringMatching(/^SMTP_URL: /),
    ]);
    expect(problemsOf({ ...complete, MAIL_FROM: "not an address" })).toEqual([
      expect.stringMatching(/^MAIL_FROM: must be an e-mail address/),
    ]);
  });
});
