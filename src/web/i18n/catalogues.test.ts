import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { WEB_MODULES } from "../modules.ts";
import {
  CATALOGUE_FILES,
  type Catalogue,
  catalogue,
  i18nOptions,
  LANGUAGES,
  NAMESPACES,
} from "./catalogues.ts";

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
  it("have one file per language for the shared namespace and each web module, and no other", () => {
    expect(new Set(WEB_MODULES.map((m) => m.namespace)).size).toBe(WEB_MODULES.length);
    const expected = LANGUAGES.flatMap((l) => NAMESPACES.map((ns) => `./${l}/${ns}.json`));
    expect(Object.keys(CATALOGUE_FILES).sort()).toEqual(expected.sort());
  });

  it.each(NAMESPACES)("have the same keys in Swedish and English in %s", (ns) => {
    expect(keys(catalogue("en", ns)).sort()).toEqual(keys(catalogue("sv", ns)).sort());
  });

  it.each(NAMESPACES)("have no empty texts in %s", (ns) => {
    expect(emptyValues(catalogue("sv", ns))).toEqual([]);
    expect(emptyValues(catalogue("en", ns))).toEqual([]);
  });

  it("define each key in one namespace only, since t() looks a key up across all of them", () => {
    for (const language of LANGUAGES) {
      const all = NAMESPACES.flatMap((ns) => keys(catalogue(language, ns)));
      expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
    }
  });

  it("resolve keys of every namespace without a prefix, as the pages call t()", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ ...i18nOptions(), lng: "sv", interpolation: { escapeValue: false } });
    const sv = i18n.getFixedT("sv");
    const en = i18n.getFixedT("en");
    expect(sv("common.save")).toBe("Spara");
    expect(sv("nav.home")).toBe("Översikt");
    expect(sv("nav.readiness")).toBe("Beredskap");
    expect(en("nav.readiness")).toBe("Readiness");
    expect(sv("readiness.title")).toBe("Beredskap");
    expect(sv("users.title")).toBe("Användare");
  });
});
