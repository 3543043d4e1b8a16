import { describe, expect, it } from "vitest";
import type { Block } from "./blocks.ts";
import { contentDisposition, reportFileName, svDate, svPeriod } from "./format.ts";
import { readTaggedPdf, type TaggedPdf } from "./read-tagged.ts";
import { renderReport } from "./render.ts";

const date = new Date("2026-11-30T09:15:00Z");

function filler(count: number): Block[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: "paragraph" as const,
    text: `Stycke ${i + 1}: en mening om beredskap i lokalsamhället som fyller en rad eller två på sidan, med å, ä och ö.`,
  }));
}

const longTable: Block = {
  kind: "table",
  columns: [
    { title: "Rad", width: 1, align: "right" },
    { title: "Namn på raden", width: 4 },
    { title: "Värde", width: 2, align: "right" },
  ],
  rows: Array.from({ length: 70 }, (_, i) => [String(i + 1), `Rad nummer ${i + 1}`, `${i},5`]),
};

const headingsOnPageEnd = (tagged: TaggedPdf) =>
  Array.from({ length: tagged.pages }, (_, i) =>
    tagged.elements.filter((e) => e.page === i + 1).at(-1),
  )
    .filter((e) => e !== undefined)
    .filter((e) => /^H\d$/.test(e.role));

async function render(blocks: Block[]) {
  const started = performance.now();
  const rendered = await renderReport({
    title: "Syntetisk rapport – åäö",
    organisation: "Åmåls kommun",
    reference: "KS 2026/123",
    author: "Anna Analytiker",
    date,
    footerTitle: "Syntetisk rapport",
    blocks,
  });
  return {
    ...rendered,
    ms: performance.now() - started,
    tagged: await readTaggedPdf(rendered.pdf),
  };
}

describe("report kit", { timeout: 60_000 }, () => {
  it("writes a tagged PDF: structure tree, sv-SE, title shown, PDF/UA id, embedded Inter only", async () => {
    const { tagged, pdf } = await render([
      { kind: "heading", level: 1, text: "Syntetisk rapport" },
      {
        kind: "paragraph",
        text: [
          { text: "Fet ", bold: true },
          { text: "och kursiv", italic: true },
          { text: " – å ä ö Å Ä Ö … −1" },
        ],
      },
      {
        kind: "table",
        headerRow: false,
        rowHeaders: true,
        columns: [
          { title: "Uppgift", width: 1 },
          { title: "Värde", width: 3 },
        ],
        rows: [
          ["Diarienummer", "KS 2026/123"],
          ["Datum", svDate(date)],
        ],
      },
      { kind: "list", items: ["Första punkten", "Andra punkten"] },
      { kind: "list", ordered: true, items: ["Steg ett", "Steg två"] },
      {
        kind: "figure",
        alt: "Stapeldiagram: A 3,5; B 7,0.",
        chart: {
          type: "bar",
          scale: { min: 1, max: 9, ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9], label: "Poäng" },
          bars: [
            { label: "A", value: 3.5, valueText: "3,50" },
            { label: "B", value: 7, valueText: "7,00", highlight: true },
          ],
          missingText: "saknas",
        },
        table: {
          kind: "table",
          columns: [
            { title: "Dimension", width: 1 },
            { title: "Poäng", width: 1 },
          ],
          rows: [
            ["A", "3,50"],
            ["B", "7,00"],
          ],
        },
      },
    ]);
    expect(tagged.hasStructTreeRoot).toBe(true);
    expect(tagged.untaggedText).toEqual([]);
    expect(tagged.lang).toBe("sv-SE");
    expect(tagged.title).toBe("Syntetisk rapport – åäö");
    expect(tagged.displayDocTitle).toBe(true);
    expect(tagged.pdfUa).toBe(true);
    expect(tagged.fonts.length).toBeGreaterThan(0);
    for (const font of tagged.fonts) expect(font).toMatch(/^[A-Z]{6}\+Inter-/);
    expect(tagged.embeddedFontPrograms).toBe(new Set(tagged.fonts).size);
    const roles = tagged.elements.map((e) => e.role);
    expect(roles.slice(0, 2)).toEqual(["H1", "P"]);
    expect(tagged.elements[1]!.text).toBe("Fet och kursiv – å ä ö Å Ä Ö … −1");
    expect(
      tagged.elements.filter((e) => e.role === "Lbl" || e.role === "LBody").map((e) => e.text),
    ).toEqual(["•", "Första punkten", "•", "Andra punkten", "1.", "Steg ett", "2.", "Steg två"]);
    // Header cells say what they head: two column headers in the figure's table, two row headers
    // in the facts table (pdf.js does not expose attributes; PDFKit writes them uncompressed).
    const raw = pdf.toString("latin1");
    expect(raw.match(/\/Scope \/Column/g)).toHaveLength(2);
    expect(raw.match(/\/Scope \/Row/g)).toHaveLength(2);
    expect(
      tagged.elements
        .filter((e) => e.path.at(-1) === "TR")
        .map((e) => `${e.role}:${e.text}`)
        .slice(0, 4),
    ).toEqual(["TH:Diarienummer", "TD:KS 2026/123", "TH:Datum", `TD:${svDate(date)}`]);
    const figure = tagged.elements.find((e) => e.role === "Figure");
    expect(figure?.alt).toBe("Stapeldiagram: A 3,5; B 7,0.");
    // The figure's numbers follow it in a table.
    const afterFigure = tagged.elements.slice(tagged.elements.indexOf(figure!) + 1);
    expect(afterFigure.map((e) => `${e.role}:${e.text}`)).toEqual([
      "TH:Dimension",
      "TH:Poäng",
      "TD:A",
      "TD:3,50",
      "TD:B",
      "TD:7,00",
    ]);
    expect(tagged.artifactText[0]).toEqual([
      "Åmåls kommun",
      "Dnr KS 2026/123",
      `Syntetisk rapport · ${svDate(date)}`,
      "Sida 1 av 1",
    ]);
  });

  it("repeats a long table's header on each page as an artifact, and keeps headings and lead-ins with what follows", async () => {
    const blocks: Block[] = [
      { kind: "heading", level: 1, text: "Sidbrytningar" },
      ...filler(27),
      { kind: "heading", level: 2, text: "Tabellen" },
      { kind: "paragraph", text: "Tabellen har sjuttio rader:", keepWithNext: true },
      longTable,
      ...filler(10),
      { kind: "heading", level: 2, text: "Sista avsnittet" },
      ...filler(3),
    ];
    const { tagged, pages, layout } = await render(blocks);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(headingsOnPageEnd(tagged)).toEqual([]);
    // The lead-in shares a page with the header row and the first rows.
    const leadIn = tagged.elements.find((e) => e.text === "Tabellen har sjuttio rader:")!;
    const firstRow = tagged.elements.find((e) => e.role === "TD" && e.text === "Rad nummer 1")!;
    expect(leadIn.page).toBe(firstRow.page);
    // Content: the header cells once; every row once, in order.
    const headerCells = tagged.elements.filter((e) => e.role === "TH");
    expect(headerCells.map((e) => e.text)).toEqual(["Rad", "Namn på raden", "Värde"]);
    const names = tagged.elements
      .filter((e) => e.role === "TD" && e.text.startsWith("Rad nummer"))
      .map((e) => e.text);
    expect(names).toEqual(Array.from({ length: 70 }, (_, i) => `Rad nummer ${i + 1}`));
    // Every later page the table runs onto starts with the header again, outside the structure.
    const tablePages = [
      ...new Set(tagged.elements.filter((e) => e.role === "TD").map((e) => e.page)),
    ];
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages.slice(1)) {
      expect(tagged.artifactText[page - 1]).toEqual(
        expect.arrayContaining(["Rad", "Namn på raden", "Värde"]),
      );
      const first = layout[page - 1]![0]!;
      expect(first.repeated).toBe(true);
      expect(first.piece.role).toBe("THead");
    }
    expect(tagged.artifactText.at(-1)).toContain(`Sida ${pages} av ${pages}`);
  });

  it("formats dates one way and names files safely", () => {
    expect(svDate("2026-11-30")).toBe("30 november 2026");
    expect(svDate(date)).toBe("30 november 2026");
    expect(svPeriod("2025-02-03", "2025-03-28")).toBe("3 februari – 28 mars 2025");
    expect(svPeriod("2024-12-02", "2025-01-31")).toBe("2 december 2024 – 31 januari 2025");
    expect(reportFileName(["beredskap", "Åmål", 'Psykisk hälsa & "ungas" mående'], date)).toBe(
      "beredskap-amal-psykisk-halsa-ungas-maende-2026-11-30.pdf",
    );
    expect(contentDisposition('beredskap-åmål "x".pdf')).toBe(
      "attachment; filename=\"beredskap-amal-x-.pdf\"; filename*=UTF-8''beredskap-%C3%A5m%C3%A5l%20%22x%22.pdf",
    );
  });
});
