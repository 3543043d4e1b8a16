import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { actionName } from "../../components/labels.ts";
import { i18nOptions } from "../../i18n/catalogues.ts";
import { detailParts, subjectTypeName } from "./audit-text.ts";

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ ...i18nOptions(), lng: "sv" }));

describe("the audit log in words", () => {
  it("names events of every context, also those whose codes have three parts", () => {
    const t = i18n.getFixedT("sv");
    expect(actionName(t, "user.read")).toBe("Användare läst");
    expect(actionName(t, "seed.demo")).toBe("Demodata skapade");
    expect(actionName(t, "readiness.interview.read")).toBe("Intervju läst");
    expect(actionName(t, "readiness.assessment.create")).toBe("Beredskapsmätning skapad");
  });

  it("says sign-in methods and reasons in Swedish and English", () => {
    const details = { method: "password", reason: "wrong_password" };
    expect(detailParts(i18n.getFixedT("sv"), details, "sv")).toEqual([
      { key: "method", label: "Inloggningssätt", value: "Lösenord" },
      { key: "reason", label: "Orsak", value: "Fel lösenord" },
    ]);
    expect(detailParts(i18n.getFixedT("en"), details, "en")).toEqual([
      { key: "method", label: "Sign-in method", value: "Password" },
      { key: "reason", label: "Reason", value: "Wrong password" },
    ]);
  });

  it("leaves ids and nested records to the technical disclosure", () => {
    const t = i18n.getFixedT("sv");
    const parts = detailParts(
      t,
      {
        assessmentId: "0b8f1c2e-4a6d-4f3b-9c1a-2d3e4f5a6b7c",
        filter: { action: "user." },
        rows: 1234,
        format: "xlsx",
        identity: false,
        dimensions: ["A", "C"],
      },
      "sv",
    );
    expect(parts).toEqual([
      { key: "rows", label: "Antal rader", value: "1\u00a0234" },
      { key: "format", label: "Filformat", value: "Excel (XLSX)" },
      { key: "identity", label: "Med identitet", value: "Nej" },
      { key: "dimensions", label: "Dimensioner", value: "A, C" },
    ]);
  });

  it("names subject types of every context", () => {
    const t = i18n.getFixedT("sv");
    expect(subjectTypeName(t, "organisation")).toBe("Organisation");
    expect(subjectTypeName(t, "readiness_interview")).toBe("Intervju");
    expect(subjectTypeName(t, "unknown_thing")).toBe("unknown_thing");
  });
});
