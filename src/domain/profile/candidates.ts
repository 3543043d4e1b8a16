/**
 * Prioritisation (CTC phase 3): which factors to put before the work group, and whether its
 * choice is complete.
 *
 * A factor is a candidate for one or more reasons:
 * - prevalence: among the `top` highest shares of the risk factors, or the `top` lowest of the
 *   protective ones (shares compared exactly; ties at the boundary are all kept);
 * - gap: a statistically significant difference from the reference in the unfavourable direction
 *   (higher risk, lower protection), the `top` largest such gaps of each kind;
 * - trend: a statistically significant worsening since the earlier wave.
 * Suppressed figures take part in nothing, so a hidden cell never surfaces through a ranking.
 */
import { type Comparison, compareWithNorm, compareWithReference, type Share } from "./compare.ts";

export type FactorKind = "risk" | "protective";
export type CandidateReason = "prevalence" | "gap" | "trend";

/** The reference an area is held against: counts (another population) or a norm's percentage. */
export type Reference =
  | { readonly kind: "counts"; readonly share: Share; readonly includesArea?: boolean }
  | { readonly kind: "norm"; readonly percent: string };

export interface FactorFigures {
  readonly factor: string;
  readonly kind: FactorKind;
  readonly current: Share;
  readonly reference?: Reference;
  /** The same factor and group in the earlier wave. */
  readonly earlier?: Share;
}

export interface Candidate {
  readonly factor: string;
  readonly kind: FactorKind;
  readonly reasons: CandidateReason[];
  readonly gap: Comparison | null;
  readonly trend: Comparison | null;
}

export const DEFAULT_CANDIDATES_PER_REASON = 3;

/** Positive when a exceeds b: flagged_a/n_a − flagged_b/n_b, compared without rounding. */
const compareShares = (a: Share, b: Share): number =>
  a.flagged * b.n - b.flagged * a.n > 0 ? 1 : a.flagged * b.n === b.flagged * a.n ? 0 : -1;

const unfavourable = (kind: FactorKind, comparison: Comparison | null): boolean =>
  comparison?.significant === true && comparison.direction === (kind === "risk" ? 1 : -1);

const usable = (share: Share | undefined): share is Share =>
  share !== undefined && !share.suppressed && share.n > 0;

/** The `top` first of `items` in `order`, with every item tied with the last one kept. */
function topWithTies<T>(items: T[], order: (a: T, b: T) => number, top: number): T[] {
  const sorted = [...items].sort(order);
  if (sorted.length <= top) return sorted;
  const last = sorted[top - 1]!;
  return sorted.filter((item, i) => i < top || order(item, last) === 0);
}

export function prioritisationCandidates(
  figures: readonly FactorFigures[],
  top = DEFAULT_CANDIDATES_PER_REASON,
): Candidate[] {
  if (!Number.isInteger(top) || top < 1) throw new RangeError("top must be a whole number ≥ 1");
  const reasons = new Map<string, Set<CandidateReason>>(figures.map((f) => [f.factor, new Set()]));
  if (reasons.size !== figures.length) throw new RangeError("a factor occurs twice");
  const shown = figures.filter((f) => usable(f.current));

  for (const kind of ["risk", "protective"] as const) {
    const direction = kind === "risk" ? -1 : 1;
    const ofKind = shown.filter((f) => f.kind === kind);
    for (const f of topWithTies(
      ofKind,
      (a, b) => direction * compareShares(a.current, b.current),
      top,
    )) {
      reasons.get(f.factor)!.add("prevalence");
    }
  }

  const gaps = new Map<string, Comparison | null>();
  const trends = new Map<string, Comparison | null>();
  for (const f of shown) {
    const reference = f.reference;
    const gap =
      reference === undefined
        ? null
        : reference.kind === "norm"
          ? compareWithNorm(f.current, reference.percent)
          : compareWithReference(f.current, reference.share, {
              referenceIncludesArea: reference.includesArea ?? false,
            });
    gaps.set(f.factor, gap);
    const trend = usable(f.earlier) ? compareWithReference(f.current, f.earlier) : null;
    trends.set(f.factor, trend);
    if (unfavourable(f.kind, trend)) reasons.get(f.factor)!.add("trend");
  }
  const size = (f: FactorFigures): number => Math.abs(Number(gaps.get(f.factor)!.difference));
  for (const kind of ["risk", "protective"] as const) {
    const widening = shown.filter(
      (f) => f.kind === kind && unfavourable(f.kind, gaps.get(f.factor) ?? null),
    );
    for (const f of topWithTies(widening, (a, b) => size(b) - size(a), top)) {
      reasons.get(f.factor)!.add("gap");
    }
  }

  return figures
    .filter((f) => reasons.get(f.factor)!.size > 0)
    .map((f) => ({
      factor: f.factor,
      kind: f.kind,
      reasons: (["prevalence", "gap", "trend"] as const).filter((r) =>
        reasons.get(f.factor)!.has(r),
      ),
      gap: gaps.get(f.factor) ?? null,
      trend: trends.get(f.factor) ?? null,
    }));
}

export const MIN_PRIORITIES = 2;
export const MAX_PRIORITIES = 5;

export interface PrioritisedFactor {
  readonly factor: string;
  readonly reason: string;
}

export type PrioritisationCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problems: string[] };

/**
 * A prioritisation names 2–5 risk factors and 2–5 protective factors of the instrument, each
 * once and each with a reason.
 */
export function validatePrioritisation(
  selection: readonly PrioritisedFactor[],
  factors: readonly { readonly id: string; readonly kind: FactorKind }[],
): PrioritisationCheck {
  const kindOf = new Map(factors.map((f) => [f.id, f.kind]));
  const problems: string[] = [];
  const seen = new Set<string>();
  const counts = { risk: 0, protective: 0 };
  for (const { factor, reason } of selection) {
    const kind = kindOf.get(factor);
    if (kind === undefined) {
      problems.push(`Faktorn ${factor} finns inte i enkäten.`);
      continue;
    }
    if (seen.has(factor)) {
      problems.push(`Faktorn ${factor} är vald två gånger.`);
      continue;
    }
    seen.add(factor);
    counts[kind]++;
    if (reason.trim() === "") problems.push(`Ange ett skäl för ${factor}.`);
  }
  const range = `${MIN_PRIORITIES}–${MAX_PRIORITIES}`;
  if (counts.risk < MIN_PRIORITIES || counts.risk > MAX_PRIORITIES) {
    problems.push(`Välj ${range} riskfaktorer (nu ${counts.risk}).`);
  }
  if (counts.protective < MIN_PRIORITIES || counts.protective > MAX_PRIORITIES) {
    problems.push(`Välj ${range} skyddsfaktorer (nu ${counts.protective}).`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true };
}
