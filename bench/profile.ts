import { once } from "node:events";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sql } from "drizzle-orm";
import pg from "pg";
import { systemAuditContext } from "../src/db/audit.ts";
import { connect, migrateDatabase } from "../src/db/database.ts";
import { stageImport } from "../src/db/profile-staging.ts";
import { ensureProfileReferenceData } from "../src/db/reference/profile.ts";
import { organisations } from "../src/db/schema/platform.ts";
import { profileImports, profileInstruments, profileWaves } from "../src/db/schema/profile.ts";
import { DEFAULT_INSTRUMENT } from "../src/domain/profile/default-instrument.ts";
import { areaNames, generateWave, waveColumns } from "../src/domain/profile/generate.ts";
import type { Instrument } from "../src/domain/profile/instrument.ts";
import { suggestMapping } from "../src/domain/profile/mapping.ts";
import { decimalFraction } from "../src/domain/profile/scoring.ts";
import { openSurveyFile } from "../src/lib/survey-files/index.ts";
import { confirmImport } from "../src/server/profile/commands/confirm-import.ts";
import { loadProfile } from "../src/server/profile/profile-data.ts";
import { findImportTarget, findWave } from "../src/server/profile/queries.ts";

/**
 * bench/profile: a wave of `rows` respondents of the built-in instrument over `areas` areas,
 * grades 7–12 and two genders plus unknown, written as CSV by the synthetic generator. Measures
 * the import (read, validate, score, store, confirm) and the profile from stored data
 * (suppression included) separately, with the process's peak RSS, and the same aggregation in
 * DuckDB on the same file (file to profile) and from its own table, in the same run.
 * PostgreSQL: BENCH_DATABASE_URL, a server where the bench may create and drop a database.
 */
export interface ProfileBenchOptions {
  rows: number;
  areas: number;
  databaseUrl: string;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function writeCsv(file: string, instrument: Instrument, rows: number, areas: number) {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write(`${waveColumns(instrument).join(",")}\n`);
  let chunk: string[] = [];
  for (const row of generateWave(instrument, { rows, areas, seed: 1 })) {
    chunk.push(row.join(","));
    if (chunk.length === 2000) {
      if (!out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join("\n")}\n`);
  out.end();
  await once(out, "finish");
}

/** A fresh database on the server, migrated, with a municipality of `areas` areas and a wave. */
async function freshDatabase(adminUrl: string, areas: number) {
  const name = "paraply_bench_profile";
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const { db, pool } = connect(url.toString(), 4);
  await ensureProfileReferenceData(db);
  const [municipality] = await db
    .insert(organisations)
    .values({ kind: "municipality", name: "Bänkby", municipalityCode: "1460" })
    .returning();
  const areaRows = await db
    .insert(organisations)
    .values(
      areaNames(areas).map((areaName) => ({
        kind: "area" as const,
        parentId: municipality!.id,
        name: areaName,
        areaType: "district" as const,
      })),
    )
    .returning({ id: organisations.id, name: organisations.name });
  const [instrument] = await db
    .select({ id: profileInstruments.id })
    .from(profileInstruments)
    .where(sql`${profileInstruments.organisationId} IS NULL`);
  const [wave] = await db
    .insert(profileWaves)
    .values({
      organisationId: municipality!.id,
      instrumentId: instrument!.id,
      name: "Bänkenkäten",
      year: 2026,
    })
    .returning();
  return { db, pool, waveId: wave!.id, areas: areaRows };
}

/**
 * The per-respondent computation of profile-cli.md in DuckDB's SQL (exact: integer sums
 * compared with the cut-point as a fraction), then every combination of area, grade and gender
 * with its margins (CUBE).
 */
function duckdbProfileSql(instrument: Instrument, from: string): string {
  const items = new Map(instrument.items.map((i) => [i.id, i]));
  const perFactor = instrument.factors.map((factor, f) => {
    const reversed = new Set(factor.reverse ?? []);
    const valid = factor.items.map((id) => {
      const item = items.get(id)!;
      return `coalesce("${id}" BETWEEN ${item.min} AND ${item.max}, false)`;
    });
    const count = valid.map((v) => `${v}::int`).join(" + ");
    const sum = factor.items
      .map((id, j) => {
        const item = items.get(id)!;
        const value = reversed.has(id) ? `(${item.min + item.max} - "${id}")` : `"${id}"`;
        return `CASE WHEN ${valid[j]} THEN ${value} ELSE 0 END`;
      })
      .join(" + ");
    const { num, den } = decimalFraction(factor.cutPoint);
    const minAnswered = factor.minAnswered ?? factor.items.length;
    return `(${count}) AS c${f}, (${sum}) AS s${f}, ${minAnswered} AS m${f}, ${num}::BIGINT AS num${f}, ${den}::BIGINT AS den${f}, '${factor.compare}' AS op${f}`;
  });
  const exclude = (instrument.exclude ?? [])
    .map((rule) => `NOT coalesce("${rule.item}" IN (${rule.values.join(", ")}), false)`)
    .join(" AND ");
  const aggregates = instrument.factors.map((factor, f) => {
    const scored = `(c${f} >= m${f} AND c${f} > 0)`;
    const passes =
      factor.compare === ">="
        ? `s${f} * den${f} >= num${f} * c${f}`
        : `s${f} * den${f} > num${f} * c${f}`;
    return `sum((${scored})::int) AS n${f}, sum((${scored} AND ${passes})::int) AS k${f}`;
  });
  return `
    WITH scored AS (
      SELECT area, grade, gender, ${perFactor.join(", ")}
      FROM ${from} ${exclude ? `WHERE ${exclude}` : ""}
    )
    SELECT area, grade, gender, grouping(area, grade, gender) AS margin, count(*) AS respondents,
           ${aggregates.join(", ")}
    FROM scored GROUP BY CUBE (area, grade, gender)`;
}

export async function benchProfile(options: ProfileBenchOptions): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "paraply-bench-profile-"));
  const file = path.join(dir, "wave.csv");
  const instrument = DEFAULT_INSTRUMENT;
  try {
    let start = process.hrtime.bigint();
    await writeCsv(file, instrument, options.rows, options.areas);
    const size = (await fs.stat(file)).size;
    console.log(
      `generated ${options.rows.toLocaleString("en")} rows, ${instrument.factors.length} factors, ${instrument.items.length} items, ${options.areas} areas: ${(size / 1e6).toFixed(0)} MB in ${seconds(start).toFixed(1)} s (not measured)`,
    );

    const { db, pool, waveId, areas } = await freshDatabase(options.databaseUrl, options.areas);
    try {
      const survey = await openSurveyFile(file, "csv");
      const mapping = suggestMapping(survey.columns, instrument, areas);
      const [row] = await db
        .insert(profileImports)
        .values({ waveId, fileName: "wave.csv", format: "csv", state: "validated", mapping })
        .returning();
      const rssBefore = process.resourceUsage().maxRSS;
      start = process.hrtime.bigint();
      const staged = await stageImport(db, {
        importId: row!.id,
        instrument,
        mapping,
        header: survey.header,
        areas,
        rows: survey.rows,
      });
      const stageSeconds = seconds(start);
      await db
        .update(profileImports)
        .set({
          rows: staged.rows,
          problemCount: staged.problemCount,
          problemLines: staged.problemLines,
          problemRows: staged.problemLines.length,
          screenedOut: staged.screenedOut,
        })
        .where(sql`id = ${row!.id}`);
      const confirmStart = process.hrtime.bigint();
      const target = (await findImportTarget(db, row!.id))!;
      await confirmImport(db, systemAuditContext("bench"), target, staged.problemLines);
      const importSeconds = seconds(start);
      console.log(
        `import (read + validate + score + store + confirm): ${importSeconds.toFixed(2)} s (staging ${stageSeconds.toFixed(2)} s, confirm ${seconds(confirmStart).toFixed(2)} s); ${staged.stored.toLocaleString("en")} stored, ${staged.screenedOut} screened out, ${staged.problemCount} problems`,
      );

      const wave = (await findWave(db, waveId))!;
      await loadProfile(db, wave); // warm-up: plans and caches, as for a page already visited
      const profileTimes: number[] = [];
      let cells = 0;
      let suppressed = 0;
      for (let i = 0; i < 5; i++) {
        start = process.hrtime.bigint();
        const profile = await loadProfile(db, wave);
        profileTimes.push(seconds(start));
        cells = profile.cells.length;
        suppressed = profile.cells.filter((c) => c.suppressed).length;
      }
      const profileSeconds = profileTimes.sort((a, b) => a - b)[2]!;
      console.log(
        `profile from stored data (fine counts → margins → suppression), median of 5: ${profileSeconds.toFixed(3)} s; ${cells.toLocaleString("en")} cells, ${suppressed.toLocaleString("en")} suppressed`,
      );

      // For comparison: the same finest-grain aggregation straight over the stored rows in SQL.
      const bits = instrument.factors
        .map(
          (_, f) =>
            `sum(get_bit(scored, ${(f >> 3) * 8 + (f & 7)})) AS n${f}, sum(get_bit(flagged, ${(f >> 3) * 8 + (f & 7)})) AS k${f}`,
        )
        .join(", ");
      start = process.hrtime.bigint();
      await pool.query(
        `SELECT cell, count(*), ${bits} FROM community.profile_respondents
          WHERE import_id = $1 GROUP BY cell`,
        [row!.id],
      );
      const rowsSqlSeconds = seconds(start);
      console.log(
        `  (aggregating the stored flag rows in SQL instead, finest grain only: ${rowsSqlSeconds.toFixed(2)} s)`,
      );
      const peakRss = process.resourceUsage().maxRSS / 1024;
      console.log(
        `peak RSS: ${peakRss.toFixed(0)} MiB (${(rssBefore / 1024).toFixed(0)} MiB before the import)`,
      );

      const duck = await DuckDBInstance.create(":memory:");
      const conn = await duck.connect();
      const read = `read_csv('${file}', header = true, delim = ',', all_varchar = false)`;
      start = process.hrtime.bigint();
      const fromFile = await conn.runAndReadAll(duckdbProfileSql(instrument, read));
      const duckFileSeconds = seconds(start);
      await conn.run(`CREATE TABLE answers AS SELECT * FROM ${read}`);
      const fromTableTimes: number[] = [];
      let fromTableRows = 0;
      for (let i = 0; i < 3; i++) {
        start = process.hrtime.bigint();
        const result = await conn.runAndReadAll(duckdbProfileSql(instrument, "answers"));
        fromTableTimes.push(seconds(start));
        fromTableRows = result.currentRowCount;
      }
      const duckTableSeconds = fromTableTimes.sort((a, b) => a - b)[1]!;
      console.log(
        `DuckDB, same file to profile (no suppression): ${duckFileSeconds.toFixed(2)} s; from its own table, median of 3: ${duckTableSeconds.toFixed(3)} s (${fromTableRows} groups)`,
      );

      // The two agree on the whole population's counts, factor by factor.
      const total = fromFile.getRowObjectsJS().find((r) => Number(r.margin) === 7)!;
      const ours = await loadProfile(db, wave, { minN: 5 });
      const mismatches = instrument.factors.filter((factor, f) => {
        const cell = ours.cells.find(
          (c) => c.factor === factor.id && c.area === null && c.grade === null && c.gender === null,
        );
        return Number(total[`n${f}`]) !== cell?.n;
      });
      console.log(
        `check: DuckDB and Paraply agree on n for ${instrument.factors.length - mismatches.length} of ${instrument.factors.length} factors (whole population)`,
      );
      console.log(
        `ratios: import + profile / DuckDB file-to-profile = ${((importSeconds + profileSeconds) / duckFileSeconds).toFixed(2)} (target ≤ 4); profile from stored / DuckDB from table = ${(profileSeconds / duckTableSeconds).toFixed(3)} (target ≤ 1)`,
      );
      conn.closeSync();
    } finally {
      await pool.end();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
