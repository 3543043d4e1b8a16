import { eq, sql } from "drizzle-orm";
import type { Instrument } from "../domain/profile/instrument.ts";
import { resolveMapping } from "../domain/profile/mapping.ts";
import { GRADES, type Mapping, type Problem, UNKNOWN } from "../domain/profile/schemas.ts";
import {
  answerProblem,
  compileInstrument,
  newRespondentScore,
  parseAnswer,
  scoreRespondent,
} from "../domain/profile/scoring.ts";
import type { DbOrTx } from "./database.ts";
import { profileFineCounts, profileRespondents } from "./schema/profile.ts";

/** One data row of a survey file: its line in the file (header = line 1) and its cells. */
export interface SurveyRow {
  line: number;
  values: readonly string[];
}

export interface StageInput {
  importId: string;
  instrument: Instrument;
  mapping: Mapping;
  header: readonly string[];
  /** The municipality's areas: file values are matched to them by the mapping or by name. */
  areas: readonly { id: string; name: string }[];
  rows: AsyncIterable<SurveyRow>;
  signal?: AbortSignal;
  /** Called every few thousand rows with how many have been read. */
  onRows?: (rows: number) => Promise<void>;
}

export interface StageResult {
  rows: number;
  screenedOut: number;
  stored: number;
  problemCount: number;
  problems: Problem[];
  problemLines: number[];
}

/** Problems kept in full (the rest are counted): enough for any person to work through. */
const PROBLEMS_KEPT = 10_000;
const BATCH = 20_000;

/**
 * Reads, validates, scores and stages every row of one import: valid rows are stored beside the
 * live ones (under the import's id, invisible until confirmed) with their per-factor scored and
 * flagged bits, and summed at the finest grain as they go. Rows with a problem are not stored;
 * every problem is counted with its line and column. Writes overlap with reading: one batch is in
 * flight while the next is parsed.
 */
export async function stageImport(db: DbOrTx, input: StageInput): Promise<StageResult> {
  const compiled = compileInstrument(input.instrument);
  const factors = compiled.factors.length;
  const bytes = Math.ceil(factors / 8);
  const resolved = resolveMapping(input.mapping, input.header, input.instrument, input.areas);
  const problems: Problem[] = [...resolved.problems];
  let problemCount = problems.length;
  const problemLines: number[] = [];
  const result: StageResult = {
    rows: 0,
    screenedOut: 0,
    stored: 0,
    problemCount: 0,
    problems,
    problemLines,
  };
  await clearStaged(db, input.importId);
  if (resolved.problems.length > 0) {
    // A column the mapping names is missing: no row can be read as meant.
    return { ...result, problemCount };
  }
  const { itemColumns, columns } = resolved;
  const answers = new Float64Array(compiled.itemIds.length);
  const score = newRespondentScore(compiled);
  const seen = new Set<string>();
  const fine = new Map<string, FineAccumulator>();
  let batch = newBatch();
  let inFlight: Promise<unknown> = Promise.resolve();

  const problem = (p: Problem) => {
    problemCount++;
    if (problems.length < PROBLEMS_KEPT) problems.push(p);
  };

  for await (const row of input.rows) {
    result.rows++;
    if ((result.rows & 4095) === 0) {
      input.signal?.throwIfAborted();
      await input.onRows?.(result.rows);
    }
    const { line, values } = row;
    const before = problemCount;
    const cell = (index: number | null) => (index === null ? "" : (values[index] ?? "").trim());

    if (columns.respondent !== null) {
      const id = cell(columns.respondent);
      if (id !== "") {
        if (seen.has(id)) {
          problem({
            line,
            column: input.mapping.respondent,
            code: "duplicate_respondent",
            value: id,
            message: `Svarande ${id} finns redan på en tidigare rad.`,
          });
        }
        seen.add(id);
      }
    }
    const areaValue = cell(columns.area);
    const area = resolved.areaOf(areaValue);
    if (area === undefined) {
      problem({
        line,
        column: input.mapping.area,
        code: "unknown_area",
        value: areaValue,
        message: `Området "${areaValue}" finns inte i kommunen.`,
      });
    }
    const gradeValue = cell(columns.grade);
    const grade = resolved.gradeOf(gradeValue);
    if (grade === undefined) {
      problem({
        line,
        column: input.mapping.grade,
        code: "unknown_grade",
        value: gradeValue,
        message: `Årskursen "${gradeValue}" känns inte igen (${GRADES.slice(0, -1).join(", ")}).`,
      });
    }
    const genderValue = cell(columns.gender);
    const gender = resolved.genderOf(genderValue);
    if (gender === undefined) {
      problem({
        line,
        column: input.mapping.gender,
        code: "unknown_gender",
        value: genderValue,
        message: `Könet "${genderValue}" känns inte igen; koppla värdet till flicka, pojke eller okänt.`,
      });
    }
    for (let item = 0; item < itemColumns.length; item++) {
      const text = values[itemColumns[item] as number] ?? "";
      const value = parseAnswer(text);
      if (value === null) {
        problem({
          line,
          column: input.header[itemColumns[item] as number] ?? null,
          code: "not_a_number",
          value: text,
          message: `"${text}" är inte ett svarsvärde (en siffra eller tomt).`,
        });
        answers[item] = Number.NaN;
        continue;
      }
      answers[item] = value;
      const why = answerProblem(compiled, item, value);
      if (why !== null) {
        problem({
          line,
          column: input.header[itemColumns[item] as number] ?? null,
          code: "out_of_range",
          value: text,
          message: `Värdet ${value} är inget giltigt svar på fråga ${compiled.itemIds[item]} (${why}).`,
        });
      }
    }
    if (problemCount > before) {
      problemLines.push(line);
      continue;
    }
    scoreRespondent(compiled, answers, score);
    if (score.excluded) {
      result.screenedOut++;
      continue;
    }
    const scored = Buffer.alloc(bytes);
    const flagged = Buffer.alloc(bytes);
    for (let f = 0; f < factors; f++) {
      if (score.scored[f]) scored[f >> 3] = (scored[f >> 3] as number) | (1 << (f & 7));
      if (score.flagged[f]) flagged[f >> 3] = (flagged[f >> 3] as number) | (1 << (f & 7));
    }
    const school = cell(columns.school) || UNKNOWN;
    const key = `${area}\u0000${grade}\u0000${gender}\u0000${school}`;
    let acc = fine.get(key);
    if (!acc) {
      acc = {
        cell: fine.size,
        area: area as string,
        grade: grade as string,
        gender: gender as string,
        school,
        respondents: 0,
        n: new Array<number>(factors).fill(0),
        flagged: new Array<number>(factors).fill(0),
      };
      fine.set(key, acc);
    }
    acc.respondents++;
    for (let f = 0; f < factors; f++) {
      if (score.scored[f]) acc.n[f] = (acc.n[f] as number) + 1;
      if (score.flagged[f]) acc.flagged[f] = (acc.flagged[f] as number) + 1;
    }
    batch.line.push(line);
    batch.cell.push(acc.cell);
    batch.scored.push(`\\x${scored.toString("hex")}`);
    batch.flagged.push(`\\x${flagged.toString("hex")}`);
    result.stored++;
    if (batch.line.length >= BATCH) {
      const full = batch;
      batch = newBatch();
      // One batch in flight: the database stores the last while this parses the next.
      await inFlight;
      inFlight = insertBatch(db, input.importId, full);
    }
  }
  await inFlight;
  if (batch.line.length > 0) await insertBatch(db, input.importId, batch);
  input.signal?.throwIfAborted();
  await writeFineCounts(db, input.importId, [...fine.values()]);
  return { ...result, problemCount };
}

interface FineAccumulator {
  cell: number;
  area: string;
  grade: string;
  gender: string;
  school: string;
  respondents: number;
  n: number[];
  flagged: number[];
}

function newBatch() {
  return {
    line: [] as number[],
    cell: [] as number[],
    scored: [] as string[],
    flagged: [] as string[],
  };
}

function insertBatch(db: DbOrTx, importId: string, batch: ReturnType<typeof newBatch>) {
  return db.execute(sql`
    INSERT INTO community.profile_respondents
      (import_id, line, cell, scored, flagged)
    SELECT ${importId}::uuid, * FROM unnest(
      ${sql.param(batch.line)}::int[], ${sql.param(batch.cell)}::int[],
      ${sql.param(batch.scored)}::bytea[], ${sql.param(batch.flagged)}::bytea[])`);
}

async function writeFineCounts(db: DbOrTx, importId: string, rows: FineAccumulator[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(profileFineCounts)
      .values(rows.slice(i, i + 1000).map((r) => ({ importId, ...r })));
  }
}

/** Removes whatever an earlier, interrupted or cancelled run of this import staged. */
export async function clearStaged(db: DbOrTx, importId: string): Promise<void> {
  await db.delete(profileRespondents).where(eq(profileRespondents.importId, importId));
  await db.delete(profileFineCounts).where(eq(profileFineCounts.importId, importId));
}
