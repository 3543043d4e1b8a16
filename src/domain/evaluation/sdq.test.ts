import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SdqScoreInput, SdqScoreSchema } from "./schemas.ts";
import { scoreSdq } from "./sdq.ts";
import { UK_FOUR_BAND, UK_THREE_BAND } from "./sdq-norms.ts";

type Answer = 0 | 1 | 2 | null;

/** Answers keyed by printed item number; unlisted items take `rest`. */
function form(answers: Record<number, Answer>, rest: Answer = 0): Answer[] {
  return Array.from({ length: 25 }, (_, i) => (i + 1 in answers ? (answers[i + 1] ?? null) : rest));
}

const parent = (items: Answer[], impact?: SdqScoreInput["impact"]): SdqScoreInput => ({
  version: "parent",
  items,
  impact,
});

const SUBSCALES = {
  emotional: [3, 8, 13, 16, 24],
  conduct: [5, 7, 12, 18, 22],
  hyperactivity: [2, 10, 15, 21, 25],
  peer: [6, 11, 14, 19, 23],
  prosocial: [1, 4, 9, 17, 20],
} as const;
const REVERSE = [7, 11, 14, 21, 25];

describe("SDQ scoring", () => {
  it("scores every 'not true' form by hand: only the reverse items count", () => {
    // Item 7 → conduct 2; items 21, 25 → hyperactivity 4; items 11, 14 → peer 4.
    const result = scoreSdq(parent(form({})), UK_FOUR_BAND);
    expect(result).toEqual({
      emotional: 0,
      conduct: 2,
      hyperactivity: 4,
      peer: 4,
      prosocial: 0,
      total: 10,
      externalising: 6,
      internalising: 4,
      impact: null,
      bands: {
        total: "close-to-average",
        emotional: "close-to-average",
        conduct: "close-to-average",
        hyperactivity: "close-to-average",
        peer: "high",
        prosocial: "very-low",
        impact: null,
      },
      norms: "uk-four-band",
    });
  });

  it("scores a mixed form by hand and bands it with the three-band set", () => {
    // emotional 2+2+1+1+0 = 6; conduct 1+(2−0)+1+0+0 = 4; hyperactivity 2+2+2+(2−0)+(2−1) = 9;
    // peer 0+(2−2)+(2−2)+0+0 = 0; prosocial 2+2+2+1+1 = 8.
    const items = form({
      3: 2,
      8: 2,
      13: 1,
      16: 1,
      24: 0,
      5: 1,
      7: 0,
      12: 1,
      18: 0,
      22: 0,
      2: 2,
      10: 2,
      15: 2,
      21: 0,
      25: 1,
      6: 0,
      11: 2,
      14: 2,
      19: 0,
      23: 0,
      1: 2,
      4: 2,
      9: 2,
      17: 1,
      20: 1,
    });
    const result = scoreSdq(parent(items), UK_THREE_BAND);
    expect(result).toMatchObject({
      emotional: 6,
      conduct: 4,
      hyperactivity: 9,
      peer: 0,
      prosocial: 8,
      total: 19,
      externalising: 13,
      internalising: 6,
      norms: "uk-three-band",
    });
    expect(result.bands).toMatchObject({
      total: "abnormal",
      emotional: "abnormal",
      conduct: "abnormal",
      hyperactivity: "abnormal",
      peer: "normal",
      prosocial: "normal",
    });
  });

  it("prorates with three or four answers and rounds exact halves up", () => {
    const emotional = (answers: Record<number, Answer>) =>
      scoreSdq(parent(form(answers)), UK_FOUR_BAND).emotional;
    expect(emotional({ 3: 1, 8: 1, 13: 0, 16: 0, 24: null })).toBe(3); // 2/4 × 5 = 2.5 → 3
    expect(emotional({ 3: 2, 8: 2, 13: 2, 16: 1, 24: null })).toBe(9); // 7/4 × 5 = 8.75 → 9
    expect(emotional({ 3: 2, 8: 1, 13: 0, 16: 0, 24: null })).toBe(4); // 3/4 × 5 = 3.75 → 4
    expect(emotional({ 3: 2, 8: 1, 13: 2, 16: 1, 24: null })).toBe(8); // 6/4 × 5 = 7.5 → 8
    expect(emotional({ 3: 2, 8: 2, 13: 1, 16: null, 24: null })).toBe(8); // 5/3 × 5 = 8.33 → 8
    expect(emotional({ 3: 2, 8: 2, 13: null, 16: null, 24: null })).toBeNull();
  });

  it("leaves the total missing when one difficulty subscale is missing, prosocial aside", () => {
    const result = scoreSdq(parent(form({ 5: null, 7: null, 12: null })), UK_FOUR_BAND);
    expect(result.conduct).toBeNull();
    expect(result.total).toBeNull();
    expect(result.externalising).toBeNull();
    expect(result.internalising).toBe(4);
    expect(result.bands.total).toBeNull();
    const noProsocial = scoreSdq(parent(form({ 1: null, 4: null, 9: null })), UK_FOUR_BAND);
    expect(noProsocial.prosocial).toBeNull();
    expect(noProsocial.total).toBe(10);
  });

  it("scores the impact supplement per version", () => {
    const score = (impact: SdqScoreInput["impact"], version: SdqScoreInput["version"] = "parent") =>
      scoreSdq({ version, items: form({}), impact }, UK_FOUR_BAND).impact;
    const none = { distress: null, classroom: null };
    expect(score({ overall: 0, ...none, home: 3 })).toBe(0);
    // distress 'a great deal' 2 + home 'quite a lot' 1 + friendships 'only a little' 0
    expect(score({ overall: 2, distress: 3, home: 2, friendships: 1, classroom: null })).toBe(3);
    expect(score({ overall: 1, ...none })).toBeNull();
    expect(score({ overall: null, distress: 2, classroom: null })).toBe(1);
    expect(
      score({ overall: 3, distress: 3, home: 3, friendships: 3, classroom: 3, leisure: 3 }),
    ).toBe(10);
    expect(score({ overall: 3, distress: 3, peers: 3, classroom: 3 }, "teacher")).toBe(6);
    const teacher = scoreSdq(
      {
        version: "teacher",
        items: form({}),
        impact: { overall: 3, distress: 3, peers: 3, classroom: 3 },
      },
      UK_THREE_BAND,
    );
    expect(teacher.bands.impact).toBe("abnormal");
  });

  it("refuses impact items that are not on the version's form", () => {
    const result = SdqScoreSchema.safeParse({
      version: "teacher",
      items: form({}),
      impact: { overall: 1, distress: 1, classroom: 1, home: 1 },
    });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["impact.home"]);
  });

  const answer = fc.constantFrom<Answer>(0, 1, 2, null);
  const fullAnswer = fc.constantFrom<0 | 1 | 2>(0, 1, 2);

  it("never prorates outside 0–10 and scores exactly when three or more are answered", () => {
    fc.assert(
      fc.property(fc.array(answer, { minLength: 25, maxLength: 25 }), (items) => {
        const result = scoreSdq(parent(items), UK_FOUR_BAND);
        for (const [scale, numbers] of Object.entries(SUBSCALES)) {
          const answered = numbers.filter((n) => items[n - 1] !== null).length;
          const score = result[scale as keyof typeof SUBSCALES];
          if (answered < 3) expect(score).toBeNull();
          else {
            expect(Number.isInteger(score)).toBe(true);
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(10);
          }
        }
      }),
    );
  });

  it("moves a subscale against the answer on a reverse item and with it otherwise", () => {
    fc.assert(
      fc.property(
        fc.array(fullAnswer, { minLength: 25, maxLength: 25 }),
        fc.integer({ min: 1, max: 25 }),
        fullAnswer,
        (items, item, replacement) => {
          const scale = Object.entries(SUBSCALES).find(([, numbers]) =>
            (numbers as readonly number[]).includes(item),
          )?.[0] as keyof typeof SUBSCALES;
          const before = scoreSdq(parent(items), UK_FOUR_BAND)[scale]!;
          const changed = items.with(item - 1, replacement);
          const after = scoreSdq(parent(changed), UK_FOUR_BAND)[scale]!;
          const step = replacement - items[item - 1]!;
          expect(after - before).toBe(REVERSE.includes(item) ? 0 - step : step);
        },
      ),
    );
  });
});
