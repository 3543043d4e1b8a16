import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../domain/contexts.ts";
import { type Catalogue, catalogue, LANGUAGES, NAMESPACES } from "./catalogues.ts";

/** Every namespace's `audit.actions` of one language: each context labels its own actions. */
function actionLabels(language: (typeof LANGUAGES)[number]): Record<string, unknown> {
  return Object.assign(
    {},
    ...NAMESPACES.map(
      (ns) => ((catalogue(language, ns).audit as Catalogue | undefined)?.actions as object) ?? {},
    ),
  );
}

describe("audit action labels", () => {
  it.each(LANGUAGES)("names every declared audit action in %s", (language) => {
    const labels = actionLabels(language);
    expect(AUDIT_ACTIONS.filter((action) => typeof labels[action] !== "string")).toEqual([]);
  });
});
