import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvParser, detectDialect } from "./csv.ts";
import { openSurveyFile, type SurveyFile, SurveyFileError } from "./index.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraply-survey-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const write = async (name: string, content: string | Uint8Array) => {
  await writeFile(join(dir, name), content);
  return join(dir, name);
};
async function readAll(file: SurveyFile) {
  const rows = [];
  for await (const row of file.rows) rows.push(row);
  return rows;
}

function parseInPieces(text: string, cuts: number[], delimiter = ",") {
  const parser = new CsvParser(delimiter);
  const out: { values: string[]; line: number }[] = [];
  const emit = (values: string[], line: number) => out.push({ values, line });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut), emit);
    from = cut;
  }
  parser.push(text.slice(from), emit);
  parser.end(emit);
  return out;
}

describe("CsvParser", () => {
  it("reads quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",3\r\n"two\nlines",,\r\n\r\nlast,1,2';
    expect(parseInPieces(text, [])).toEqual([
      { values: ["a", "b", "c"], line: 1 },
      { values: ["x, y", 'say "hi"', "3"], line: 2 },
      { values: ["two\nlines", "", ""], line: 3 },
      { values: ["last", "1", "2"], line: 6 },
    ]);
  });
  it("gives the same records however the text is cut into pieces", () => {
    const cell = fc.oneof(
      fc.constantFrom("", "1", "Åby", "x y"),
      fc.string({ maxLength: 4 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, eol, cutSeeds) => {
          const text = records.map((r) => r.join(",")).join(eol) + eol;
          const whole = parseInPieces(text, []);
          const cuts = cutSeeds.map((seed) => seed % (text.length + 1));
          expect(parseInPieces(text, cuts)).toEqual(whole);
        },
      ),
    );
  });
  it("refuses text after a closing quote and an unclosed quote, naming the line", () => {
    expect(() => parseInPieces('a,b\n"x"y,1\n', [])).toThrow(/line 2: text after a closing quote/);
    expect(() => parseInPieces('a,b\n1,2\n"open,1\n', [])).toThrow(
      /line 3: a quoted value is never closed/,
    );
  });
});

describe("detectDialect", () => {
  const bytes = (text: string, encoding: BufferEncoding = "utf8") => Buffer.from(text, encoding);
  it("detects UTF-8, its BOM and Windows-1252", () => {
    expect(detectDialect(bytes("område;år\nÅby;7\n"), true)).toEqual({
      encoding: "utf-8",
      delimiter: ";",
      bom: false,
    });
    expect(detectDialect(bytes("\ufeffid,q1\n"), true).bom).toBe(true);
    expect(detectDialect(bytes("område,år\nÅby,7\n", "latin1"), true).encoding).toBe(
      "windows-1252",
    );
  });
  it("counts delimiters outside quotes only, and knows tabs", () => {
    expect(detectDialect(bytes('"a;b;c",d,e\n'), true).delimiter).toBe(",");
    expect(detectDialect(bytes("a\tb\tc\n"), true).delimiter).toBe("\t");
  });
  it("does not mistake a character cut at the end of the sample for Windows-1252", () => {
    const text = bytes("id,område\n1,å");
    expect(detectDialect(text.subarray(0, text.length - 1), false).encoding).toBe("utf-8");
  });
});

describe("openSurveyFile", () => {
  it("reads a Windows-1252 semicolon CRLF file with its lines", async () => {
    const file = await openSurveyFile(
      await write("w.csv", Buffer.from("id;område\r\n1;Åby\r\n\r\n2;Öna\r\n", "latin1")),
    );
    expect(file).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";" });
    expect(file.header).toEqual(["id", "område"]);
    expect(await readAll(file)).toEqual([
      { line: 2, values: ["1", "Åby"] },
      { line: 4, values: ["2", "Öna"] },
    ]);
  });
  it("reads a large file across chunk boundaries", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `R${i},"Å, ${i % 7}",${i % 4}`);
    const file = await openSurveyFile(await write("big.csv", `id,area,q1\n${rows.join("\n")}\n`));
    const read = await readAll(file);
    expect(read).toHaveLength(60_000);
    expect(read[59_999]).toEqual({ line: 60_001, values: ["R59999", "Å, 2", "3"] });
    expect(file.share()).toBe(1);
  });
  it("names the line of bytes that are not UTF-8 after a UTF-8 start", async () => {
    const start = `id,area\n${"1,Åby\n".repeat(20_000)}`;
    const bad = Buffer.concat([Buffer.from(start), Buffer.from("2,\xc5\n", "latin1")]);
    const path = await write("mixed.csv", bad);
    // The first chunk is read when the file is opened, so the error may come from either step.
    await expect((async () => readAll(await openSurveyFile(path)))()).rejects.toThrow(
      /line 20002: not valid UTF-8/,
    );
  });
  it("exposes .sav variable labels, value labels and user-missing codes", async () => {
    const file = await openSurveyFile(
      resolve(import.meta.dirname, "../../../test/fixtures/profile/small.sav"),
    );
    expect(file.format).toBe("sav");
    expect(file.header).toEqual(["id", "area", "grade", "gender", "q1", "q2", "q3", "q90"]);
    expect(file.columns[4]).toEqual({
      name: "q1",
      label: "Vi bråkar ofta hemma",
      valueLabels: [
        { value: "1", label: "Stämmer inte alls" },
        { value: "2", label: "Stämmer ganska dåligt" },
        { value: "3", label: "Stämmer ganska bra" },
        { value: "4", label: "Stämmer helt" },
        { value: "9", label: "Vill inte svara" },
      ],
      missing: ["9"],
      missingRange: null,
    });
    const rows = await readAll(file);
    expect(rows).toHaveLength(90);
    expect(rows[0]).toEqual({ line: 2, values: ["R001", "Åby", "9", "boy", "3", "1", "3", "1"] });
    // System-missing grade and an empty string are empty cells.
    expect(rows[1]?.values.slice(0, 4)).toEqual(["R002", "Söder", "", "boy"]);
  });
  it("refuses what it cannot read with a reason", async () => {
    await expect(openSurveyFile(join(dir, "nope.csv"))).rejects.toThrow("the file does not exist");
    await expect(openSurveyFile(await write("x.doc", "x"))).rejects.toThrow(SurveyFileError);
    await expect(openSurveyFile(await write("empty.csv", ""))).rejects.toThrow("the file is empty");
    await expect(openSurveyFile(await write("noname.csv", "id,,q1\n"))).rejects.toThrow(
      "line 1: column 2 has no name",
    );
  });
});
