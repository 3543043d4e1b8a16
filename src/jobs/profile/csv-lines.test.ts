import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, CsvSplitter } from "./csv-lines.ts";

function split(chunks: string[], delimiter = ","): [string[], number][] {
  const out: [string[], number][] = [];
  const splitter = new CsvSplitter(delimiter);
  chunks.forEach((chunk, i) => {
    splitter.push(chunk, i === chunks.length - 1, (values, line) => out.push([values, line]));
  });
  return out;
}

describe("CsvSplitter", () => {
  it("splits plain, CRLF and quoted lines, with each record's first line", () => {
    const text = '\ufeffa;b\r\n1;2\r\n"x;y";"he said ""hi"""\r\n"multi\nline";3\n\n4;5';
    expect(split([text], ";")).toEqual([
      [["a", "b"], 1],
      [["1", "2"], 2],
      [["x;y", 'he said "hi"'], 3],
      [["multi\nline", "3"], 4],
      [["4", "5"], 7],
    ]);
  });

  it("names the line of a quote that never ends", () => {
    expect(() => split(['a,b\n1,"2\n3,4'])).toThrow(CsvError);
  });

  it("gives what csv-parse gives, however the text is cut into chunks", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[0-9a-zåäö ]{0,4}$/),
      fc.string({ maxLength: 5 }).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const record = fc.array(field, { minLength: 2, maxLength: 2 }).map((r) => r.join(","));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.nat(), (records, cut) => {
        const text = records.join("\n");
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: true });
        const at = text.length === 0 ? 0 : cut % text.length;
        const got = split([text.slice(0, at), text.slice(at)]).map(([values]) => values);
        expect(got).toEqual(expected);
      }),
    );
  });
});
