/**
 * Splits CSV text (RFC 4180: fields may be quoted, quotes doubled inside, quoted fields may
 * hold the delimiter and line breaks) into records, a chunk at a time. Survey exports are
 * almost all unquoted numbers: a line without a quote is split with String.split, which is
 * several times faster than a general parser; a line with one goes through the full rules.
 */
export class CsvSplitter {
  private rest = "";
  /** The file's line where the next record starts (header = 1). */
  private line = 1;

  constructor(private readonly delimiter: string) {}

  /** The complete records in `text` (after what was left over), each with its first line. */
  push(text: string, last: boolean, emit: (values: string[], line: number) => void): void {
    let data = this.rest + text;
    if (this.line === 1 && data.charCodeAt(0) === 0xfeff) data = data.slice(1);
    let start = 0;
    const length = data.length;
    while (start < length) {
      let end = data.indexOf("\n", start);
      if (end < 0) {
        if (!last) break;
        end = length;
      }
      let lineText = data.slice(start, end);
      if (lineText.includes('"')) {
        const parsed = this.quoted(data, start, last);
        if (parsed === null) break;
        start = parsed.next;
        if (!(parsed.values.length === 1 && parsed.values[0] === "")) {
          emit(parsed.values, this.line);
        }
        this.line += parsed.lines;
        continue;
      }
      if (lineText.endsWith("\r")) lineText = lineText.slice(0, -1);
      if (lineText !== "") emit(lineText.split(this.delimiter), this.line);
      this.line++;
      start = end + 1;
    }
    this.rest = start < length ? data.slice(start) : "";
  }

  /** One record from `start` under the full rules, or null when it is not complete yet. */
  private quoted(
    data: string,
    start: number,
    last: boolean,
  ): { values: string[]; next: number; lines: number } | null {
    const values: string[] = [];
    let field = "";
    let inQuotes = false;
    let lines = 1;
    let i = start;
    while (i < data.length) {
      const c = data[i]!;
      if (inQuotes) {
        if (c === '"') {
          if (data[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          inQuotes = false;
        } else {
          if (c === "\n") lines++;
          field += c;
        }
        i++;
        continue;
      }
      if (c === '"') inQuotes = true;
      else if (c === this.delimiter) {
        values.push(field);
        field = "";
      } else if (c === "\n") {
        values.push(field.endsWith("\r") ? field.slice(0, -1) : field);
        return { values, next: i + 1, lines };
      } else field += c;
      i++;
    }
    if (!last) return null;
    if (inQuotes) throw new CsvError("Ett citattecken avslutas aldrig.", this.line);
    values.push(field.endsWith("\r") ? field.slice(0, -1) : field);
    return { values, next: data.length, lines };
  }
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
