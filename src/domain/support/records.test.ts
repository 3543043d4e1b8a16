import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleChronology } from "./chronology.ts";
import {
  compassConfigProblems,
  compassProblems,
  compassSeries,
  DEFAULT_COMPASS_NEEDS,
} from "./compass.ts";
import { feedbackDeadline, isFeedbackOverdue, toldValid } from "./concern.ts";
import { disclosureBasisValid } from "./disclosures.ts";
import { isEvaluationDue, isMeasureOverdue } from "./plan.ts";
import { sipMissing } from "./sip.ts";
import { ageBandTeam, ageOn } from "./teams.ts";

const full = DEFAULT_COMPASS_NEEDS.map((n) => ({ need: n.key, rating: 3, reason: "ok" }));

describe("needs compass", () => {
  it("accepts every need rated once with a reason", () => {
    expect(compassProblems({ ratings: full })).toEqual([]);
  });
  it("names what is missing, doubled, unknown, out of range or without reason", () => {
    const ratings = [
      ...full.slice(1),
      { need: "halsa", rating: 2, reason: "x" },
      { need: "lycka", rating: 3, reason: "x" },
      { need: "fritid", rating: 9, reason: " " },
    ];
    expect(compassProblems({ ratings })).toEqual(
      expect.arrayContaining([
        "not rated: trygghet",
        "rated twice: halsa",
        "unknown need: lycka",
        "rating out of range: fritid",
        "no reason: fritid",
      ]),
    );
  });
  it("accepts the defaults as a configuration and names what is wrong with another", () => {
    expect(compassConfigProblems(DEFAULT_COMPASS_NEEDS)).toEqual([]);
    expect(compassConfigProblems([])).toEqual(["count"]);
    expect(
      compassConfigProblems([
        { key: "mabra", sv: "Må bra", en: "Well" },
        { key: "mabra", sv: "Må bra", en: "" },
        { key: "Må bra", sv: "x", en: "x" },
      ]),
    ).toEqual(["duplicate: mabra", "label: mabra", "key: Må bra"]);
  });
  it("makes one series per need, oldest first, with the change", () => {
    const series = compassSeries([
      { id: "b", assessedOn: "2026-06-01", ratings: [{ need: "trygghet", rating: 4 }] },
      { id: "a", assessedOn: "2026-01-01", ratings: [{ need: "trygghet", rating: 2 }] },
    ]);
    expect(series).toHaveLength(8);
    expect(series[0]).toEqual({
      need: "trygghet",
      points: [
        { assessmentId: "a", assessedOn: "2026-01-01", rating: 2 },
        { assessmentId: "b", assessedOn: "2026-06-01", rating: 4 },
      ],
      change: 2,
    });
    expect(series[1]!.change).toBeNull();
  });
});

describe("child teams by age band", () => {
  it("moves up on the birthday", () => {
    expect(ageOn("2020-03-15", "2026-03-14")).toBe(5);
    expect(ageBandTeam("2020-03-15", "2026-03-14")).toBe("age_0_6");
    expect(ageBandTeam("2020-03-15", "2026-03-15")).toBe("age_6_12");
    expect(ageBandTeam("2008-03-15", "2026-03-15")).toBeNull();
    expect(ageBandTeam("2014-03-15", "2026-03-15")).toBe("age_12_18");
  });
  it("agrees with the age for every birth date and day", () => {
    const day = fc
      .date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (birth, today) => {
        const age = ageOn(birth, today);
        const band = ageBandTeam(birth, today);
        const expected =
          age < 0 || age >= 18 ? null : age < 6 ? "age_0_6" : age < 12 ? "age_6_12" : "age_12_18";
        expect(band).toBe(expected);
      }),
    );
  });
});

describe("plan measures", () => {
  const m = { status: "planned" as const, dueOn: "2026-05-01", evaluateOn: "2026-06-01" };
  it("is overdue after its date only while planned", () => {
    expect(isMeasureOverdue(m, "2026-05-01")).toBe(false);
    expect(isMeasureOverdue(m, "2026-05-02")).toBe(true);
    expect(isMeasureOverdue({ ...m, status: "done" }, "2026-05-02")).toBe(false);
    expect(isEvaluationDue(m, "2026-06-01")).toBe(true);
    expect(isEvaluationDue({ ...m, status: "not_done" }, "2026-06-01")).toBe(false);
  });
});

describe("SIP", () => {
  const complete = {
    interventions: [{ what: "Samtal", responsibleKind: "region" as const, responsibleName: "BUP" }],
    overallResponsible: "municipality" as const,
    meetingOn: "2026-02-01",
    participants: [{ name: "Anna", role: "Mamma" }],
    followUpOn: "2026-05-01",
    childGoals: "",
  };
  it("is complete with the law's points, a meeting and a later follow-up", () => {
    expect(sipMissing(complete)).toEqual([]);
  });
  it("lists what is missing", () => {
    expect(
      sipMissing({
        ...complete,
        interventions: [{ what: "Fotboll", responsibleKind: "other", responsibleName: "IK" }],
        overallResponsible: "other",
        participants: [],
        followUpOn: "2026-01-01",
      }),
    ).toEqual(["principal_responsibility", "overall_responsibility", "meeting", "follow_up"]);
  });
});

describe("report of concern", () => {
  it("needs a reason when the child or the guardians were not told", () => {
    expect(toldValid({ childTold: true, guardiansTold: true, notToldReason: null })).toBe(true);
    expect(toldValid({ childTold: true, guardiansTold: false, notToldReason: " " })).toBe(false);
    expect(toldValid({ childTold: false, guardiansTold: true, notToldReason: "Fara" })).toBe(true);
  });
  it("tracks the feedback deadline from receipt", () => {
    const due = feedbackDeadline(new Date("2026-01-01T10:00:00Z"));
    expect(due.toISOString()).toBe("2026-01-15T10:00:00.000Z");
    const now = new Date("2026-01-16T00:00:00Z");
    expect(isFeedbackOverdue({ status: "received", feedbackDueAt: due }, now)).toBe(true);
    expect(isFeedbackOverdue({ status: "feedback_given", feedbackDueAt: due }, now)).toBe(false);
  });
});

describe("disclosures", () => {
  it("needs exactly one basis: a consent or a named legal duty", () => {
    expect(disclosureBasisValid({ basis: "consent", consentId: "c", legalDuty: null })).toBe(true);
    expect(disclosureBasisValid({ basis: "consent", consentId: null, legalDuty: null })).toBe(
      false,
    );
    expect(
      disclosureBasisValid({ basis: "legal_duty", consentId: null, legalDuty: "urgent_danger" }),
    ).toBe(true);
    expect(
      disclosureBasisValid({ basis: "legal_duty", consentId: null, legalDuty: "because" }),
    ).toBe(false);
  });
});

describe("chronology", () => {
  it("shows a reader only events in their scopes, newest first", () => {
    const events = [
      { id: "1", occurredOn: "2026-01-01", kind: "manual" as const, scope: "summary" as const },
      {
        id: "2",
        occurredOn: "2026-03-01",
        kind: "assessment" as const,
        scope: "wellbeing" as const,
      },
      { id: "3", occurredOn: "2026-02-01", kind: "manual" as const, scope: "own_notes" as const },
    ];
    expect(visibleChronology(events, ["summary", "wellbeing"]).map((e) => e.id)).toEqual([
      "2",
      "1",
    ]);
  });
});
