import { describe, expect, it } from "vitest";
import { homeParts, moduleRoutes, navEntries, WEB_MODULES } from "./modules.ts";

function Part() {
  return null;
}

describe("the web module list", () => {
  it("orders the menu by section, then by module", () => {
    expect(navEntries().map((n) => n.to)).toEqual([
      "/",
      "/organisations",
      "/readiness",
      "/users",
      "/audit",
      "/settings",
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
