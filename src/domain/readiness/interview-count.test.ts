import { describe, expect, it } from "vitest";
import { interviewCountWarning } from "./interview-count.ts";

describe("interviewCountWarning", () => {
  it("warns below four interviews", () => {
    expect(interviewCountWarning(3, 5).warning?.en).toBe(
      "Only 3 interviews: with fewer than 4 the result is uncertain.",
    );
    expect(interviewCountWarning(4, 5).warning).toBeNull();
  });

  it("shows the Tri-Ethnic guidance beside the target", () => {
    expect(interviewCountWarning(5, 5).guidance).toEqual({
      sv: "Mål: 5 intervjuer. Tri-Ethnic Centers riktlinje: vanligen 6–10, minst 4 i ett mycket litet lokalsamhälle.",
      en: "Target: 5 interviews. Tri-Ethnic Center guidance: typically 6–10, at least 4 in a very small community.",
    });
  });
});
