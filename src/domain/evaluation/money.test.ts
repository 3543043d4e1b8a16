import { describe, expect, it } from "vitest";
import { rational } from "../shared/rational.ts";
import { formatKronor, kronorToOre } from "./money.ts";

describe("money", () => {
  it("reads kronor into whole öre and refuses fractions of an öre", () => {
    expect(kronorToOre("1200000.50")).toBe(120000050n);
    expect(kronorToOre(19.99)).toBe(1999n);
    expect(kronorToOre("-3")).toBe(-300n);
    expect(kronorToOre("1.005")).toBeNull();
    expect(kronorToOre("12 000")).toBeNull();
  });

  it("shows exact amounts rounded to the öre, halves away from zero", () => {
    expect(formatKronor(rational(-5001n, 2n))).toBe("-25.01");
    expect(formatKronor(rational(5001n, 2n))).toBe("25.01");
    expect(formatKronor(rational(100000n, 1331n))).toBe("0.75");
    expect(formatKronor(rational(0n))).toBe("0.00");
  });
});
