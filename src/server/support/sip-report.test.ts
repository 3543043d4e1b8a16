import { describe, expect, it } from "vitest";
import { readTaggedPdf } from "../reports/read-tagged.ts";
import { renderSipReport, sipReportFileName, sipReportTitle } from "./sip-report.ts";

const input = {
  childName: "Elsa Fiktiv",
  municipalityName: "Åmåls kommun",
  interventions: [
    { what: "Samtalsstöd varannan vecka", responsibleKind: "region", responsibleName: "BUP" },
    {
      what: "Familjebehandling",
      responsibleKind: "municipality",
      responsibleName: "Socialtjänsten",
    },
    { what: "Läxhjälp", responsibleKind: "other", responsibleName: "Röda korset" },
  ] as const,
  overallResponsible: "municipality" as const,
  overallResponsibleName: "Åmåls kommun, socialtjänsten",
  meetingOn: "2026-02-01",
  participants: [
    { name: "Anna Fiktiv", role: "Mamma" },
    { name: "Karin Lärare", role: "Mentor" },
  ],
  minutes: "Vi kom överens om att börja med samtal.",
  followUpOn: "2026-05-01",
  childGoals: "Att våga gå till skolan varje dag",
  childVoice: "Jag vill inte vara ensam på rasten",
  agreed: true,
  generatedAt: new Date("2026-02-02T10:00:00Z"),
};

describe("the SIP for the family", () => {
  it("is a tagged Swedish PDF with the law's content, the child's goals and the meeting", async () => {
    const { pdf } = await renderSipReport(input);
    const tagged = await readTaggedPdf(pdf);
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.lang).toBe("sv-SE");
    expect(tagged.title).toBe(sipReportTitle(input));
    expect(tagged.untaggedText).toEqual([]);
    const headings = tagged.elements.filter((e) => /^H\d$/.test(e.role)).map((e) => e.text);
    expect(headings).toEqual(
      expect.arrayContaining([
        "Barnets egna mål",
        "Kommunen ansvarar för",
        "Regionen ansvarar för",
        "Andra gör",
        "Vem håller ihop planen",
        "Mötet",
      ]),
    );
    const text = tagged.elements.map((e) => e.text).join(" ");
    for (const expected of [
      "Att våga gå till skolan varje dag",
      "Familjebehandling",
      "Samtalsstöd varannan vecka",
      "Röda korset",
      "Kommunen (Åmåls kommun, socialtjänsten)",
      "1 februari 2026",
      "Anna Fiktiv, Mamma",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("says plainly when it is only a draft, and names no child in its file name", async () => {
    const { pdf } = await renderSipReport({ ...input, agreed: false, followUpOn: null });
    const text = (await readTaggedPdf(pdf)).elements.map((e) => e.text).join(" ");
    expect(text).toContain("Det här är ett utkast.");
    expect(text).toContain("Inte bestämt ännu");
    expect(sipReportFileName(input.generatedAt)).toBe("sip-2026-02-02.pdf");
  });
});
