import { describe, expect, it } from "vitest";
import en from "./en.json" with { type: "json" };
import sv from "./sv.json" with { type: "json" };

type Catalogue = { [key: string]: string | Catalogue };

function keys(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function emptyValues(catalogue: Catalogue, prefix = ""): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === "string"
      ? value.trim() === ""
        ? [`${prefix}${key}`]
        : []
      : emptyValues(value, `${prefix}${key}.`),
  );
}

describe("the UI catalogues", () => {
  it("have the same keys in Swedish and English", () => {
    expect(keys(en as Catalogue).sort()).toEqual(keys(sv as Catalogue).sort());
  });

  it("have no empty texts", () => {
    expect(emptyValues(sv as Catalogue)).toEqual([]);
    expect(emptyValues(en as Catalogue)).toEqual([]);
  });
});
