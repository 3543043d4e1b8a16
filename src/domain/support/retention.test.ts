import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { retentionDecision } from "./retention.ts";

const NOW = new Date("2026-11-30T12:00:00Z");

describe("retention (gallring)", () => {
  it("thins social-services records 5 years after the last entry, health records after 10", () => {
    const closed = new Date("2021-06-01T00:00:00Z");
    expect(
      retentionDecision(
        { recordType: "social_services", lastEntryAt: closed, birthDate: "2012-03-04" },
        NOW,
      ),
    ).toMatchObject({ thin: true });
    expect(
      retentionDecision(
        { recordType: "health", lastEntryAt: closed, birthDate: "2012-03-04" },
        NOW,
      ),
    ).toMatchObject({ thin: false, reason: "not_due" });
  });

  it("keeps births on the 5th, 15th and 25th for research, and decisions to keep", () => {
    const old = new Date("2001-01-01T00:00:00Z");
    for (const day of ["05", "15", "25"]) {
      expect(
        retentionDecision(
          { recordType: "social_services", lastEntryAt: old, birthDate: `1999-02-${day}` },
          NOW,
        ),
      ).toMatchObject({ thin: false, reason: "research_birth_day" });
    }
    expect(
      retentionDecision(
        { recordType: "health", lastEntryAt: old, birthDate: "1999-02-03", keptByDecision: true },
        NOW,
      ),
    ).toMatchObject({ thin: false, reason: "kept_by_decision" });
  });

  it("keeps custody agreements until the child is 18", () => {
    const decision = retentionDecision(
      {
        recordType: "social_services",
        lastEntryAt: new Date("2015-01-01T00:00:00Z"),
        birthDate: "2012-03-04",
        custodyAgreement: true,
      },
      NOW,
    );
    expect(decision).toMatchObject({ thin: false, reason: "custody_until_18" });
    expect(decision.dueAt?.toISOString()).toBe("2030-03-04T00:00:00.000Z");
  });

  it("never thins before the rule's years have passed", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: NOW, noInvalidDate: true }),
        fc.constantFrom("social_services" as const, "health" as const, "coordination" as const),
        (lastEntryAt, recordType) => {
          const d = retentionDecision({ recordType, lastEntryAt, birthDate: null }, NOW);
          const years = recordType === "social_services" ? 5 : 10;
          const due = new Date(lastEntryAt.getTime());
          due.setUTCFullYear(due.getUTCFullYear() + years);
          expect(d.thin).toBe(NOW >= due);
        },
      ),
    );
  });
});
