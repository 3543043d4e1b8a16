import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../domain/contexts.ts";
import en from "./en.json" with { type: "json" };
import sv from "./sv.json" with { type: "json" };

describe("audit action labels", () => {
  it("names every declared audit action in Swedish and English", () => {
    for (const catalogue of [sv, en]) {
      const labels = catalogue.audit.actions as Record<string, string>;
      expect(AUDIT_ACTIONS.filter((action) => !labels[action])).toEqual([]);
    }
  });
});
