import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { type ExportTable, tableToCsv, tableToXlsx } from "./export-table.ts";

interface Row {
  name: string;
  score: number | null;
  day: string;
  at: Date;
}

const table: ExportTable<Row> = [
  { key: "name", sv: "Namn", en: "Name", type: "text", value: (r) => r.name },
  { key: "score", sv: "Poäng", en: "Score", type: "number", value: (r) => r.score },
  { key: "day", sv: "Datum", en: "Date", type: "date", value: (r) => r.day },
  { key: "at", sv: "Tidpunkt", en: "Time", type: "datetime", value: (r) => r.at },
];

// 11:05 UTC in winter is 12:05 in Stockholm; 10:05 UTC in summer is 12:05 too.
const rows: Row[] = [
  { name: "Åmål; kommun", score: 4.5, day: "2026-11-30", at: new Date("2026-11-30T11:05:09Z") },
  {
    name: '=HYPERLINK("http://evil.example")',
    score: -2,
    day: "2026-06-01",
    at: new Date("2026-06-01T10:05:00Z"),
  },
  { name: "Tom", score: null, day: "", at: new Date("2026-01-02T00:00:00Z") },
];

describe("an export table as Swedish CSV", () => {
  const csv = tableToCsv(table, rows, "sv");

  it("starts with a byte-order mark and a Swedish header row separated by semicolons", () => {
    expect(csv.startsWith("\uFEFFNamn;Poäng;Datum;Tidpunkt\n")).toBe(true);
  });

  it("writes decimal commas, ISO dates and Stockholm times, quoting text with a semicolon", () => {
    const lines = csv.slice(1).trim().split("\n");
    expect(lines[1]).toBe('"Åmål; kommun";4,5;2026-11-30;2026-11-30 12:05:09');
    expect(lines[3]).toBe("Tom;;;2026-01-02 01:00:00");
  });

  it("neutralises a formula in text and leaves a negative number a number", () => {
    const parsed = parse(csv.slice(1), { delimiter: ";" }) as string[][];
    expect(parsed[2]).toEqual([
      `'=HYPERLINK("http://evil.example")`,
      "-2",
      "2026-06-01",
      "2026-06-01 12:05:00",
    ]);
  });

  it("takes its headers from the reader's language", () => {
    expect(tableToCsv(table, [], "en")).toBe("\uFEFFName;Score;Date;Time\n");
  });
});

describe("an export table as XLSX", () => {
  it("reads back with a header row, numbers as numbers, dates as dates and text as text", async () => {
    const data = await readSheet(await tableToXlsx(table, rows, "sv", "Test"));
    expect(data[0]).toEqual(["Namn", "Poäng", "Datum", "Tidpunkt"]);
    expect(data[1]).toEqual([
      "Åmål; kommun",
      4.5,
      new Date("2026-11-30T00:00:00Z"),
      new Date("2026-11-30T12:05:09Z"),
    ]);
    // Stored as text, not as a formula: it reads back as the text itself, unchanged.
    expect(data[2]![0]).toBe('=HYPERLINK("http://evil.example")');
    expect(data[2]![1]).toBe(-2);
    expect(data[3]!.slice(0, 3)).toEqual(["Tom", null, null]);
  });

  it("takes its headers from the reader's language", async () => {
    const data = await readSheet(await tableToXlsx(table, [], "en", "Test"));
    expect(data).toEqual([["Name", "Score", "Date", "Time"]]);
  });
});
