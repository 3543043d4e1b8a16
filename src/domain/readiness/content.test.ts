import { describe, expect, it } from "vitest";
import { anchorsFor } from "./anchors.ts";
import { DIMENSION_LETTERS, DIMENSIONS } from "./dimensions.ts";
import { DEFAULT_GUIDE, renderGuide, TOPIC_PLACEHOLDER } from "./guide.ts";
import { STAGE_NUMBERS, STAGES } from "./stages.ts";
import { TOPICS, topicName } from "./topics.ts";

describe("reference content", () => {
  it("has six dimensions with names and questions in both languages", () => {
    for (const letter of DIMENSION_LETTERS) {
      const { name, question } = DIMENSIONS[letter];
      expect([name.sv, name.en, question.sv, question.en].every(Boolean)).toBe(true);
    }
  });

  it("has nine anchored statements per dimension, levels 1–9", () => {
    for (const letter of DIMENSION_LETTERS) {
      const anchors = anchorsFor(letter);
      expect(anchors.map((anchor) => anchor.level)).toEqual([...STAGE_NUMBERS]);
      expect(anchors.every(({ statement }) => statement.sv && statement.en)).toBe(true);
    }
  });

  it("marks as checked only the texts readiness.md lists as checked", () => {
    const checkedGoals = STAGE_NUMBERS.filter((n) => STAGES[n].goal.provenance === "checked");
    const checkedStrategies = STAGE_NUMBERS.filter(
      (n) => STAGES[n].strategies.provenance === "checked",
    );
    expect(checkedGoals).toEqual([6]);
    expect(checkedStrategies).toEqual([1, 2, 3, 4, 6]);
  });

  it("names every stage and its strategies in both languages", () => {
    for (const n of STAGE_NUMBERS) {
      const stage = STAGES[n];
      expect(stage.stage).toBe(n);
      const texts = [stage.name, stage.description, stage.goal.goal, ...stage.strategies.items];
      expect(texts.every((text) => text.sv && text.en)).toBe(true);
    }
  });
});

describe("default interview guide", () => {
  const { questions } = DEFAULT_GUIDE;

  it("has 20–30 questions with unique ids, every dimension covered", () => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
    expect(questions.length).toBeLessThanOrEqual(30);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const letter of DIMENSION_LETTERS) {
      expect(questions.filter((q) => q.dimension === letter).length).toBeGreaterThanOrEqual(3);
    }
  });

  it("inserts the topic's name in the chosen language, grouped A–F", () => {
    const sections = renderGuide(DEFAULT_GUIDE, topicName({ kind: "preset", key: "andt" }), "sv");
    expect(sections.map((s) => s.dimension)).toEqual([...DIMENSION_LETTERS]);
    expect(sections[0]?.questions[0]?.text).toBe(
      `Vilka insatser, aktiviteter eller riktlinjer om ${TOPICS.andt.sv} finns i lokalsamhället i dag?`,
    );
    const all = sections.flatMap((s) => s.questions.flatMap((q) => [q.text, ...q.followUps]));
    expect(all.some((text) => text.includes(TOPIC_PLACEHOLDER))).toBe(false);
  });

  it("shows a free-text topic as typed in both languages", () => {
    const name = topicName({ kind: "custom", name: "spelberoende" });
    const [section] = renderGuide(DEFAULT_GUIDE, name, "en");
    expect(section?.questions[0]?.text).toContain(
      "efforts, activities or policies on spelberoende",
    );
  });
});
