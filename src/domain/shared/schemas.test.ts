import { describe, expect, it } from "vitest";
import {
  DateSchema,
  DateTimeSchema,
  isStorableText,
  nameText,
  searchText,
  VersionSchema,
} from "./schemas.ts";

describe("text the database can store", () => {
  it.each([
    ["x\u0000y", false],
    ["x\ud800y", false],
    ["\udfff", false],
    ["x\ud800", false],
    ["😀 Åmål", true],
    ["", true],
  ])("%j storable: %s", (value, storable) => {
    expect(isStorableText(value)).toBe(storable);
  });

  it("trims a name and refuses an empty or unstorable one with a message", () => {
    const name = nameText(10);
    expect(name.parse("  Norr  ")).toBe("Norr");
    expect(name.safeParse("   ").success).toBe(false);
    expect(name.safeParse("a".repeat(11)).success).toBe(false);
    const bad = name.safeParse("No\u0000rr");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/tecken/);
  });

  it("lets a search string be empty but not hold NUL", () => {
    expect(searchText(5).parse(" ab ")).toBe("ab");
    expect(searchText(5).safeParse("\u0000").success).toBe(false);
  });
});

describe("dates within years the product uses", () => {
  it.each(["1900-01-01", "2026-02-28", "2200-12-31"])("accepts %s", (value) => {
    expect(DateSchema.parse(value)).toBe(value);
  });

  it.each(["0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "2026-02-30", "2026-1-1"])(
    "refuses %s",
    (value) => {
      expect(DateSchema.safeParse(value).success).toBe(false);
    },
  );

  it("checks the year of a point in time, offset included", () => {
    expect(DateTimeSchema.safeParse("2026-03-01T10:00:00+01:00").success).toBe(true);
    expect(DateTimeSchema.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(DateTimeSchema.safeParse("9999-12-31T23:59:59-23:59").success).toBe(false);
  });

  it("keeps versions within PostgreSQL's integer", () => {
    expect(VersionSchema.safeParse(2_147_483_647).success).toBe(true);
    expect(VersionSchema.safeParse(2_147_483_648).success).toBe(false);
  });
});
