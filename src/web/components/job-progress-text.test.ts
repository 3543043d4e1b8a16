import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nOptions } from "../i18n/catalogues.ts";
import { formatPercent, jobAnnouncement, jobValueText } from "./job-progress-text.ts";

let tSv: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    ...i18nOptions(),
    lng: "sv",
    interpolation: { escapeValue: false },
  });
  tSv = instance.getFixedT("sv");
  tEn = instance.getFixedT("en");
});

const step = { key: "selftest.step", params: { done: 8, steps: 20 } };

describe("job progress texts", () => {
  it("writes the share as whole percent in each language's way", () => {
    expect(formatPercent(0.42, "sv")).toBe("42\u00a0%");
    expect(formatPercent(0.42, "en")).toBe("42%");
    expect(formatPercent(0.005, "sv")).toBe("1\u00a0%");
    expect(formatPercent(1.7, "en")).toBe("100%");
    expect(formatPercent(-1, "en")).toBe("0%");
    expect(formatPercent(Number.NaN, "en")).toBe("0%");
  });

  it("gives the value text with the job's own message while it runs", () => {
    expect(jobValueText(tSv, "sv", { progress: 0.4, message: step, state: "running" })).toBe(
      "40\u00a0% – Steg 8 av 20",
    );
    expect(jobValueText(tEn, "en", { progress: 0.4, message: step, state: "running" })).toBe(
      "40% – Step 8 of 20",
    );
  });

  it("names the state when the job is not running or its message is unknown", () => {
    expect(jobValueText(tSv, "sv", { progress: 0, message: null, state: "queued" })).toBe(
      "0\u00a0% – Väntar i kö",
    );
    expect(jobValueText(tEn, "en", { progress: 1, message: step, state: "done" })).toBe(
      "100% – Done",
    );
    const unknown = { key: "no.such.key", params: {} };
    const interrupted = { key: "interrupted", params: {} };
    expect(jobValueText(tSv, "sv", { progress: 0.3, message: interrupted, state: "queued" })).toBe(
      "30\u00a0% – Avbrutet av en omstart; fortsätter snart…",
    );
    expect(jobValueText(tEn, "en", { progress: 0.1, message: unknown, state: "running" })).toBe(
      "10% – Running",
    );
  });

  it("announces each state change with the job's name", () => {
    expect(jobAnnouncement(tSv, "Städning", "cancelled")).toBe("Städning avbröts.");
    expect(jobAnnouncement(tEn, "Housekeeping", "failed")).toBe("Housekeeping failed.");
  });
});
