import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderGuide } from "../domain/shared/guide.ts";
import { type Catalogue, catalogue, LANGUAGES } from "./i18n/catalogues.ts";
import { helpSectionOf, homeParts, moduleRoutes, navEntries, WEB_MODULES } from "./modules.ts";
import { NOT_FOUND_ROUTE, PUBLIC_ROUTES } from "./public-routes.ts";

function Part() {
  return null;
}

describe("the web module list", () => {
  it("orders the menu by section, then by module", () => {
    expect(navEntries().map((n) => n.to)).toEqual([
      "/",
      "/organisations",
      "/readiness",
      "/process",
      "/profile",
      "/support",
      "/users",
      "/audit",
      "/settings",
      "/support/log-review",
      "/account",
    ]);
  });

  it("gives every page one path and a lazily loaded component", () => {
    const routes = moduleRoutes();
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const route of routes) expect(typeof route.lazy, route.path).toBe("function");
  });

  it("links every nav entry to a page of its own module", () => {
    for (const m of WEB_MODULES) {
      const paths = m.routes.map((r) => r.path);
      for (const n of m.nav) expect(paths, `${m.name} ${n.to}`).toContain(n.to);
    }
  });

  it("has no home-page parts yet, keyed by module when there are", () => {
    expect(homeParts()).toEqual([]);
    expect(homeParts([{ ...WEB_MODULES[0]!, home: [Part, Part] }]).map((p) => p.key)).toEqual([
      "platform.0",
      "platform.1",
    ]);
  });
});

describe("the home page's module cards", () => {
  const text = (c: Catalogue, key: string) =>
    key
      .split(".")
      .reduce<Catalogue | string | undefined>(
        (node, part) => (typeof node === "object" ? node[part] : undefined),
        c,
      );

  it("name each module and say what it is for, from its own namespace, in every language", () => {
    const found = LANGUAGES.flatMap((lang) =>
      WEB_MODULES.flatMap((m) =>
        [m.title, m.description].map((key) => ({
          lang,
          key,
          text: typeof text(catalogue(lang, m.namespace), key),
        })),
      ),
    );
    expect(found).toEqual(found.map((f) => ({ ...f, text: "string" })));
    expect(found).toHaveLength(LANGUAGES.length * WEB_MODULES.length * 2);
  });
});

describe("help links", () => {
  const guide = renderGuide(
    readFileSync(path.resolve(import.meta.dirname, "../../docs/anvandarguide.md"), "utf8"),
  );
  const ids = new Set(guide.sections.map((s) => s.id));

  it("name, for every page, a section the user guide has", () => {
    const routes = [...moduleRoutes(), ...PUBLIC_ROUTES, NOT_FOUND_ROUTE];
    const missing = routes.flatMap((route) => {
      const help = helpSectionOf([{ handle: route.handle }]);
      return help && ids.has(help) ? [] : [`${route.path} -> ${help ?? "(none)"}`];
    });
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("take the deepest route's section", () => {
    const matches = [{ handle: undefined }, { handle: { help: "a" } }, { handle: { help: "b" } }];
    expect(helpSectionOf(matches)).toBe("b");
    expect(helpSectionOf([{ handle: { help: "a" } }, { handle: undefined }])).toBe("a");
    expect(helpSectionOf([])).toBeUndefined();
  });
});
