import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_RULES, isAfterHours, type ReadEvent, unusualReads } from "./log-review.ts";

// Monday 30 November 2026, 10:00 in Stockholm (UTC+1).
const MONDAY_TEN = new Date("2026-11-30T09:00:00Z");
const minutes = (m: number) => new Date(MONDAY_TEN.getTime() + m * 60_000);
const read = (id: number, m: number, over: Partial<ReadEvent> = {}): ReadEvent => ({
  id,
  actorId: "a",
  occurredAt: minutes(m),
  caseId: `case-${id}`,
  basis: "case_role",
  outsideUnits: false,
  ...over,
});

describe("log review", () => {
  it("knows working hours in Stockholm time, weekends included", () => {
    expect(isAfterHours(MONDAY_TEN)).toBe(false);
    expect(isAfterHours(new Date("2026-11-30T17:30:00Z"))).toBe(true); // 18:30 local
    expect(isAfterHours(new Date("2026-11-30T05:59:00Z"))).toBe(true); // 06:59 local
    expect(isAfterHours(new Date("2026-11-28T10:00:00Z"))).toBe(true); // Saturday
    expect(isAfterHours(new Date("2026-07-01T05:30:00Z"))).toBe(false); // 07:30 summer time
  });

  it("flags emergency access, reads outside one's units, and many cases in a short time", () => {
    const events = [
      read(1, 0, { basis: "emergency" }),
      read(2, 1, { outsideUnits: true }),
      ...Array.from({ length: 10 }, (_, i) => read(10 + i, 5 + i, { actorId: "b" })),
      read(30, 0, { actorId: "c" }),
      read(31, 200, { actorId: "c", caseId: "case-30" }),
    ];
    const flagged = unusualReads(events);
    expect(flagged.get(1)).toEqual(["emergency"]);
    expect(flagged.get(2)).toEqual(["outside_units"]);
    expect(flagged.get(10)).toEqual(["many_cases"]);
    expect(flagged.get(19)).toEqual(["many_cases"]);
    expect(flagged.has(30)).toBe(false);
    expect(flagged.has(31)).toBe(false);
  });

  it("never flags many cases for fewer different cases than the threshold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ m: fc.integer({ min: 0, max: 600 }), c: fc.nat(8) }), {
          maxLength: 60,
        }),
        (reads) => {
          const events = reads.map((r, i) => read(i, r.m, { caseId: `case-${r.c}` }));
          const flagged = unusualReads(events, { ...DEFAULT_REVIEW_RULES, manyCases: 10 });
          for (const reasons of flagged.values()) expect(reasons).not.toContain("many_cases");
        },
      ),
    );
  });
});
