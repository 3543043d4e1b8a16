import type {
  Comparison,
  Prioritisation,
  Profile,
  ProfileCell,
  Wave,
} from "../../domain/profile/schemas.ts";
import type { ProfileReportInput, ReportFactor, ReportIndicator } from "./report-pdf.ts";

/** Swedish names of what a report covers, as the web page's filters name them. */
const GENDERS: Record<string, string> = { girl: "flickor", boy: "pojkar", unknown: "okänt kön" };
const TESTS: Record<string, string> = {
  two_proportion_z: "tvåprovstest för andelar (z-test)",
  fisher_exact: "Fishers exakta test",
  one_sample_score: "enstickprovstest mot normvärde (score-test)",
  exact_binomial: "exakt binomialtest mot normvärde",
};

export interface Selection {
  area: string | null;
  grade: string | null;
  gender: string | null;
}

export function selectionLabelSv(profile: Pick<Profile, "areas">, s: Selection): string {
  const parts = [
    s.area ? (profile.areas.find((a) => a.id === s.area)?.name ?? s.area) : null,
    s.grade ? (s.grade === "unknown" ? "okänd årskurs" : `årskurs ${s.grade}`) : null,
    s.gender ? (GENDERS[s.gender] ?? s.gender) : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(", ") : "Alla elever";
}

function cellMap(profile: Profile, s: Selection): Map<string, ProfileCell> {
  const found = new Map<string, ProfileCell>();
  for (const c of profile.cells)
    if (c.area === s.area && c.grade === s.grade && c.gender === s.gender) found.set(c.factor, c);
  return found;
}

const svDateShort = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Stockholm",
  }).format(new Date(iso));

/**
 * The report's input from what the routes already answer: the suppressed profile, the chosen
 * part of it, a comparison (the earlier wave when there is one), the newest prioritisation and
 * the municipality's register indicators. Only published figures are carried over.
 */
export function profileReportInput(args: {
  wave: Wave;
  profile: Profile;
  selection: Selection;
  comparison: Comparison | null;
  prioritisation: Prioritisation | null;
  indicators: readonly {
    kpi: string;
    title: string | null;
    period: number;
    gender: "T" | "K" | "M";
    value: number | null;
    source: string;
  }[];
  generatedAt: Date;
  author?: string;
  unit?: string;
  reference?: string;
}): ProfileReportInput {
  const { wave, profile, selection, comparison } = args;
  const cells = cellMap(profile, selection);
  const rows = new Map((comparison?.rows ?? []).map((r) => [r.factor, r]));
  const names = new Map(profile.factors.map((f) => [f.id, f.name.sv]));
  const factors: ReportFactor[] = profile.factors.map((f) => {
    const c = cells.get(f.id);
    const r = rows.get(f.id);
    const hidden = !c || c.suppressed;
    const compared = r && !r.subject.suppressed && !r.reference.suppressed && r.test !== null;
    return {
      id: f.id,
      name: f.name.sv,
      kind: f.kind,
      domain: f.domain,
      n: hidden ? null : c.n,
      percent: hidden ? null : c.percent,
      ci: hidden ? null : c.ci,
      suppressed: hidden,
      reference: comparison
        ? r && !r.reference.suppressed
          ? r.reference.percent
          : null
        : undefined,
      difference: compared
        ? {
            points: Number(r.differencePp ?? 0),
            significant: r.significant,
            test: TESTS[r.test ?? ""] ?? r.test ?? "",
            pValue: r.pValue ?? 1,
          }
        : null,
    };
  });
  const indicators: ReportIndicator[] = args.indicators.map((i) => ({
    kpi: i.kpi,
    name: i.title ?? i.kpi,
    period: String(i.period),
    gender: i.gender,
    value: i.value,
    source: i.source,
  }));
  const decision = args.prioritisation;
  return {
    organisationName: wave.organisationName,
    waveName: wave.name,
    year: wave.year,
    instrumentName: wave.instrument.name.sv,
    instrumentVersion: wave.instrument.version,
    respondents: profile.respondents,
    excluded: profile.excluded,
    minN: profile.minN,
    groupLabel: selectionLabelSv(profile, selection),
    referenceLabel: comparison?.referenceLabel,
    factors,
    indicators,
    prioritisation: decision
      ? {
          decidedAt: svDateShort(decision.decidedAt),
          decidedBy: decision.decidedBy.name,
          basis: decision.basis,
          factors: decision.factors.map((f) => ({
            name: names.get(f.factor) ?? f.factor,
            kind: f.kind,
            reason: f.reason,
          })),
        }
      : null,
    generatedAt: args.generatedAt,
    author: args.author,
    unit: args.unit,
    reference: args.reference,
  };
}
