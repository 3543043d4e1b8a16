import type { z } from "zod";
import type { DbOrTx } from "../../db/database.ts";
import { prioritisationCandidates } from "../../domain/profile/candidates.ts";
import {
  type Comparison,
  compareWithNorm,
  compareWithReference,
} from "../../domain/profile/compare.ts";
import { percentOneDecimal } from "../../domain/profile/format.ts";
import type {
  CompareBodySchema,
  Comparison as ComparisonAnswer,
  Reference,
} from "../../domain/profile/schemas.ts";
import { DEFAULT_MIN_N } from "../../domain/profile/suppression.ts";
import type { AccessContext } from "../plugins/access.ts";
import { BadRequestError, ForbiddenError } from "../plugins/errors.ts";
import { instrumentOf, loadProfileTable, storedFine } from "./profile-data.ts";
import { buildProfileTable, type CellKey, cellIndex } from "./profile-table.ts";
import { collaborationMunicipalities, listWaves, type WaveRow } from "./queries.ts";

export interface Counted {
  n: number;
  flagged: number;
  suppressed: boolean;
}

interface ResolvedReference {
  label: string;
  /** The reference's counts per factor at the compared key, or a norm's percentage. */
  share: (factor: string) => Counted | { norm: string } | undefined;
  includesSubject: boolean;
}

const invalid = (message: string) =>
  new BadRequestError("Uppgifterna är inte giltiga.", [{ path: "reference", message }]);

/** A norm's figure as the decimal text the score test reads ("21.5"). */
function normText(percent: number): string {
  return percent.toFixed(6).replace(/\.?0+$/, "");
}

/**
 * Several waves pooled into one population (a collaboration, chosen municipalities): their fine
 * counts added, one area, suppressed as a table of its own.
 */
async function pooled(
  db: DbOrTx,
  waves: WaveRow[],
  subject: WaveRow,
  key: CellKey,
  minN: number,
): Promise<(factor: string) => Counted | undefined> {
  const instrument = await instrumentOf(db, subject);
  const ids = instrument.factors.map((f) => f.id);
  const fine = [];
  for (const wave of waves) {
    const theirs = await instrumentOf(db, wave);
    // Factors are matched by id: a later version of the instrument may order them differently.
    const order = ids.map((id) => theirs.factors.findIndex((f) => f.id === id));
    for (const row of await storedFine(db, wave)) {
      fine.push({
        ...row,
        n: order.map((i) => (i < 0 ? 0 : (row.n[i] ?? 0))),
        flagged: order.map((i) => (i < 0 ? 0 : (row.flagged[i] ?? 0))),
      });
    }
  }
  const table = buildProfileTable(instrument, fine, { areaKey: () => "pool", minN, invited: [] });
  return (factor) => {
    const index = cellIndex(table.cells, factor, { ...key, area: null });
    return index < 0 ? undefined : table.counts[index];
  };
}

async function resolveReference(
  db: DbOrTx,
  ctx: AccessContext,
  subject: WaveRow,
  key: CellKey,
  reference: Reference,
  minN: number,
  own: (factor: string, key: CellKey) => Counted | undefined,
): Promise<ResolvedReference> {
  switch (reference.kind) {
    case "municipality":
      if (key.area === null) throw invalid("Välj ett område för att jämföra med kommunen.");
      return {
        label: subject.organisationName,
        share: (factor) => own(factor, { ...key, area: null }),
        includesSubject: true,
      };
    case "norm": {
      const figures = new Map(reference.figures.map((f) => [f.factor, normText(f.percent)]));
      return {
        label: reference.source,
        share: (factor) => {
          const norm = figures.get(factor);
          return norm === undefined ? undefined : { norm };
        },
        includesSubject: false,
      };
    }
    case "wave": {
      const [other] = await listWaves(db, await ctx.lineage("community.read"), {
        ids: [reference.waveId],
        instrumentKey: subject.instrument.key,
      });
      if (!other || other.organisationId !== subject.organisationId || other.id === subject.id) {
        throw invalid("Välj en annan undersökning av samma enkät i kommunen.");
      }
      const table = await loadProfileTable(db, other, { minN });
      return {
        label: other.name,
        share: (factor) => {
          const index = cellIndex(table.profile.cells, factor, key);
          return index < 0 ? undefined : table.counts[index];
        },
        includesSubject: false,
      };
    }
    case "waves": {
      const ids = [...new Set(reference.waveIds)];
      const waves = await listWaves(db, await ctx.lineage("community.read"), {
        ids,
        instrumentKey: subject.instrument.key,
      });
      if (waves.length !== ids.length) throw new ForbiddenError();
      if (waves.some((w) => w.organisationId === subject.organisationId)) {
        throw invalid("Jämför med andra kommuners undersökningar.");
      }
      return {
        label: [...new Set(waves.map((w) => w.organisationName))].join(", "),
        share: await pooled(db, waves, subject, key, minN),
        includesSubject: false,
      };
    }
    case "collaboration": {
      const members = await collaborationMunicipalities(db, subject.organisationId);
      if (members.length < 2) throw invalid("Kommunen ingår inte i någon samverkan.");
      // Each member's latest wave of the same instrument up to this year, this wave for its own.
      const waves = (await listWaves(db, null, { instrumentKey: subject.instrument.key })).filter(
        (w) => members.includes(w.organisationId) && w.year <= subject.year && w.currentImportId,
      );
      const latest = new Map<string, WaveRow>();
      for (const wave of waves) {
        if (wave.organisationId === subject.organisationId) continue;
        if (!latest.has(wave.organisationId)) latest.set(wave.organisationId, wave);
      }
      latest.set(subject.organisationId, subject);
      return {
        label: "Samverkan",
        share: await pooled(db, [...latest.values()], subject, key, minN),
        includesSubject: true,
      };
    }
  }
}

const rounded = (counted: Counted | undefined) =>
  counted && !counted.suppressed ? percentOneDecimal(counted.flagged, counted.n) : null;

/** Each factor of the wave at one key against the chosen reference, tested where both show. */
export async function compareProfile(
  db: DbOrTx,
  ctx: AccessContext,
  subject: WaveRow,
  body: z.infer<typeof CompareBodySchema>,
): Promise<ComparisonAnswer> {
  const minN = body.minN ?? DEFAULT_MIN_N;
  const key = { area: body.area, grade: body.grade, gender: body.gender };
  const table = await loadProfileTable(db, subject, { minN });
  const own = (factor: string, at: CellKey) => {
    const index = cellIndex(table.profile.cells, factor, at);
    return index < 0 ? undefined : table.counts[index];
  };
  const reference = await resolveReference(db, ctx, subject, key, body.reference, minN, own);
  return {
    referenceLabel: reference.label,
    rows: table.profile.factors.map((factor) => {
      const mine = own(factor.id, key);
      const theirs = reference.share(factor.id);
      let result: Comparison | null = null;
      if (mine && !mine.suppressed && theirs) {
        result =
          "norm" in theirs
            ? compareWithNorm(mine, theirs.norm)
            : compareWithReference(mine, theirs, {
                referenceIncludesArea: reference.includesSubject,
              });
      }
      const theirsCounted = theirs && !("norm" in theirs) ? theirs : undefined;
      return {
        factor: factor.id,
        subject: {
          n: mine && !mine.suppressed ? mine.n : null,
          percent: rounded(mine),
          suppressed: mine?.suppressed ?? true,
        },
        reference: {
          n: theirsCounted && !theirsCounted.suppressed ? theirsCounted.n : null,
          percent:
            theirs && "norm" in theirs
              ? percentOneDecimalOfNorm(theirs.norm)
              : rounded(theirsCounted),
          suppressed: theirsCounted?.suppressed ?? theirs === undefined,
        },
        differencePp: result?.difference ?? null,
        significant: result?.significant ?? false,
        test: result?.test ?? null,
        pValue: result?.pValue ?? null,
      };
    }),
  };
}

/** A norm as given, to one decimal (half up), beside the shares it is compared with. */
function percentOneDecimalOfNorm(norm: string): string {
  const [whole, fraction = ""] = norm.split(".") as [string, string?];
  const scale = 10 ** fraction.length;
  return percentOneDecimal(Number(whole + fraction), 100 * scale);
}

/**
 * The factors to put before the work group for the whole municipality: highest prevalence of
 * risk and lowest of protection, a significant unfavourable gap to the collaboration (where the
 * municipality is in one), and a significant worsening since the municipality's previous wave.
 */
export async function candidatesOf(db: DbOrTx, ctx: AccessContext, subject: WaveRow) {
  const all = { area: null, grade: null, gender: null };
  const table = await loadProfileTable(db, subject);
  const own = (factor: string) => {
    const index = cellIndex(table.profile.cells, factor, all);
    return index < 0 ? undefined : table.counts[index];
  };
  const previous = (
    await listWaves(db, await ctx.lineage("community.read"), {
      organisationId: subject.organisationId,
      instrumentKey: subject.instrument.key,
    })
  ).find((w) => w.year < subject.year && w.currentImportId);
  const earlier = previous ? await loadProfileTable(db, previous) : undefined;
  const members = await collaborationMunicipalities(db, subject.organisationId);
  const collaboration =
    members.length >= 2
      ? await resolveReference(db, ctx, subject, all, { kind: "collaboration" }, DEFAULT_MIN_N, own)
      : undefined;
  const figures = table.profile.factors.map((factor) => {
    const current = own(factor.id) ?? { n: 0, flagged: 0, suppressed: true };
    const reference = collaboration?.share(factor.id);
    const before = earlier
      ? earlier.counts[cellIndex(earlier.profile.cells, factor.id, all)]
      : undefined;
    return {
      factor: factor.id,
      kind: factor.kind,
      current,
      ...(reference && !("norm" in reference)
        ? { reference: { kind: "counts" as const, share: reference, includesArea: true } }
        : {}),
      ...(before ? { earlier: before } : {}),
    };
  });
  return prioritisationCandidates(figures).map((c) => ({
    factor: c.factor,
    kind: c.kind,
    reasons: c.reasons,
  }));
}
