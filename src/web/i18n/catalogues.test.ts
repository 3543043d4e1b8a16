import { describe, expect, it } from "vitest";
import en from "./en.json" with { type: "json" };
import readinessEn from "./readiness/en.json" with { type: "json" };
import readinessSv from "./readiness/sv.json" with { type: "json" };
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

/** The whole catalogue of a language: the core texts and each context's own (i18n/index.ts). */
const catalogues: Record<"sv" | "en", Catalogue> = {
  sv: { ...sv, readiness: readinessSv },
  en: { ...en, readiness: readinessEn },
};

describe("the UI catalogues", () => {
  it("have the same keys in Swedish and English", () => {
    expect(keys(catalogues.en).sort()).toEqual(keys(catalogues.sv).sort());
  });

  it("have no empty texts", () => {
    expect(emptyValues(catalogues.sv)).toEqual([]);
    expect(emptyValues(catalogues.en)).toEqual([]);
  });

  it("keep a context's texts out of the core catalogue, which every page loads", () => {
    expect(Object.keys(sv)).not.toContain("readiness");
    expect(Object.keys(en)).not.toContain("readiness");
  });
});
