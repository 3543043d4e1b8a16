import { describe, expect, it } from "vitest";
import { type Measurer, wrap } from "./text.ts";
import { TEXT } from "./theme.ts";

/** Every character half an em wide: 10 pt text gives 5 pt per character. */
const measure: Measurer = { width: (text, _font, size) => text.length * size * 0.5 };
const lineTexts = (lines: ReturnType<typeof wrap>) =>
  lines.map((line) => line.segments.map((s) => s.text).join(""));

describe("wrap", () => {
  it("breaks on spaces only, keeping whole Swedish words", () => {
    const lines = wrap("konsensuspoängen för dimensionerna", TEXT.body, 95, measure);
    expect(lineTexts(lines)).toEqual(["konsensuspoängen", "för dimensionerna"]);
    expect(lines[0]!.width).toBe(16 * 5);
  });

  it("keeps each run's face and joins neighbouring text of the same face", () => {
    const [line] = wrap(
      [{ text: "Mål: ", bold: true }, { text: "väcka medvetenhet" }],
      TEXT.body,
      500,
      measure,
    );
    expect(line!.segments).toEqual([
      { text: "Mål: ", font: "bold" },
      { text: "väcka medvetenhet", font: "regular" },
    ]);
  });

  it("turns line breaks and tabs in given text into spaces", () => {
    expect(lineTexts(wrap("KS\n2026/142\tA\u2028B", TEXT.body, 500, measure))).toEqual([
      "KS 2026/142 A B",
    ]);
  });

  it("gives one empty line for empty text, and an over-long word a line of its own", () => {
    expect(lineTexts(wrap("", TEXT.body, 100, measure))).toEqual([""]);
    expect(
      lineTexts(wrap("a Donaudampfschifffahrtsgesellschaft b", TEXT.body, 50, measure)),
    ).toEqual(["a", "Donaudampfschifffahrtsgesellschaft", "b"]);
  });
});
