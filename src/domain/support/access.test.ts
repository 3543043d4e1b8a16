import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccessFacts,
  CASE_ROLES,
  CASE_SCOPES,
  canMoveReferral,
  DEFAULT_SCOPES,
  isLive,
  REFERRAL_SCOPES,
  REFERRAL_STATUSES,
} from "./access.ts";

const NOW = new Date("2026-11-30T12:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const base: AccessFacts = {
  basis: "case_role",
  scopes: ["summary", "plan"],
  validFrom: at(-1),
  validUntil: null,
  endedAt: null,
  graceUntil: null,
};
const open = { caseStatus: "open" as const };

describe("live access (the pure mirror of support.live_access_rows)", () => {
  it("is live only within its period, before its end, its grace and the case's closure", () => {
    expect(isLive(base, open, NOW)).toBe(true);
    expect(isLive(base, open, NOW, "plan")).toBe(true);
    expect(isLive(base, open, NOW, "consents")).toBe(false);
    expect(isLive({ ...base, validFrom: at(1) }, open, NOW)).toBe(false);
    expect(isLive({ ...base, validUntil: at(0) }, open, NOW)).toBe(false);
    expect(isLive({ ...base, graceUntil: at(-0.1) }, open, NOW)).toBe(false);
    expect(isLive({ ...base, graceUntil: at(2) }, open, NOW)).toBe(true);
    expect(isLive({ ...base, endedAt: at(-0.5) }, open, NOW)).toBe(false);
    expect(isLive(base, { caseStatus: "closed" }, NOW)).toBe(false);
  });

  it("rests consent-based access on a consent in force, and referral-based on an accepted referral", () => {
    const consent = { withdrawnAt: null, validFrom: at(-2), validUntil: null };
    const byConsent = { ...base, basis: "consent" as const };
    expect(isLive(byConsent, { ...open, consent }, NOW)).toBe(true);
    expect(isLive(byConsent, open, NOW)).toBe(false);
    expect(isLive(byConsent, { ...open, consent: { ...consent, withdrawnAt: at(-1) } }, NOW)).toBe(
      false,
    );
    expect(isLive(byConsent, { ...open, consent: { ...consent, validUntil: at(-1) } }, NOW)).toBe(
      false,
    );
    const byReferral = { ...base, basis: "referral" as const };
    for (const status of REFERRAL_STATUSES) {
      expect(isLive(byReferral, { ...open, referral: { status } }, NOW)).toBe(
        status === "accepted",
      );
    }
  });

  it("never opens a part the record does not name, whatever the history", () => {
    fc.assert(
      fc.property(
        fc.subarray([...CASE_SCOPES], { minLength: 1 }),
        fc.constantFrom(...CASE_SCOPES),
        fc.integer({ min: -5, max: 5 }),
        fc.option(fc.integer({ min: -5, max: 5 })),
        (scopes, asked, from, until) => {
          const facts = {
            ...base,
            scopes,
            validFrom: at(from),
            validUntil: until === null ? null : at(until),
          };
          if (isLive(facts, open, NOW, asked)) {
            expect(scopes).toContain(asked);
            expect(isLive(facts, open, NOW)).toBe(true);
          }
        },
      ),
    );
  });

  it("moves referrals only forward: sent → accepted/declined/revoked, accepted → done/revoked", () => {
    expect(canMoveReferral("sent", "accepted")).toBe(true);
    expect(canMoveReferral("accepted", "done")).toBe(true);
    expect(canMoveReferral("accepted", "revoked")).toBe(true);
    for (const to of REFERRAL_STATUSES) {
      expect(canMoveReferral("done", to)).toBe(false);
      expect(canMoveReferral("declined", to)).toBe(false);
      expect(canMoveReferral("revoked", to)).toBe(false);
    }
    expect(canMoveReferral("sent", "done")).toBe(false);
  });

  it("gives every role and referral type a summary and only known parts", () => {
    for (const role of CASE_ROLES) expect(DEFAULT_SCOPES[role]).toContain("summary");
    for (const scopes of Object.values(REFERRAL_SCOPES)) {
      expect(scopes).toContain("summary");
      for (const s of scopes) expect(CASE_SCOPES).toContain(s);
    }
  });
});
