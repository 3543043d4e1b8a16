import type { Instrument } from "./instrument.ts";
import { GENDERS, type Gender, GRADES, type Mapping, type Problem, UNKNOWN } from "./schemas.ts";

/** A file column's value labels (from .sav metadata), used to guess what codes mean. */
export interface ColumnInfo {
  name: string;
  valueLabels: readonly { value: string; label: string }[];
}

const GENDER_WORDS: Record<string, Gender> = {
  girl: "girl",
  flicka: "girl",
  tjej: "girl",
  f: "girl",
  k: "girl",
  kvinna: "girl",
  female: "girl",
  boy: "boy",
  pojke: "boy",
  kille: "boy",
  p: "boy",
  m: "boy",
  man: "boy",
  male: "boy",
  unknown: "unknown",
  okänt: "unknown",
  "vill inte svara": "unknown",
  annat: "unknown",
};

const ROLE_NAMES: Record<
  "respondent" | "area" | "grade" | "gender" | "school" | "class",
  string[]
> = {
  respondent: ["respondent", "id", "respondent_id", "lopnr", "löpnr", "elevid"],
  area: ["area", "område", "omrade", "stadsdel", "kommundel"],
  grade: ["grade", "årskurs", "arskurs", "ak", "klass_ar"],
  gender: ["gender", "kön", "kon", "sex"],
  school: ["school", "skola"],
  class: ["class", "klass"],
};

const norm = (value: string) => value.trim().toLowerCase();

/**
 * The mapping a person most likely means: columns named as the items and roles, area values
 * matched by name, gender and grade codes read from .sav value labels. The person confirms it.
 */
export function suggestMapping(
  columns: readonly ColumnInfo[],
  instrument: Instrument,
  areas: readonly { id: string; name: string }[],
): Mapping {
  const byName = new Map(columns.map((c) => [norm(c.name), c]));
  const find = (names: string[]) => names.map((n) => byName.get(n)?.name).find(Boolean) ?? null;
  const items: Record<string, string> = {};
  for (const item of instrument.items) {
    const column = byName.get(norm(item.id));
    if (column) items[item.id] = column.name;
  }
  const genderValues: Record<string, Gender> = {};
  const gradeValues: Record<string, (typeof GRADES)[number]> = {};
  const gender = find(ROLE_NAMES.gender);
  const grade = find(ROLE_NAMES.grade);
  for (const label of byName.get(norm(gender ?? ""))?.valueLabels ?? []) {
    const meant = GENDER_WORDS[norm(label.label)];
    if (meant) genderValues[label.value] = meant;
  }
  for (const label of byName.get(norm(grade ?? ""))?.valueLabels ?? []) {
    const digits = /(\d{1,2})/.exec(label.label)?.[1];
    const meant = GRADES.find((g) => g === digits);
    if (meant) gradeValues[label.value] = meant;
  }
  const areaValues: Record<string, string> = {};
  const areaColumn = find(ROLE_NAMES.area);
  for (const label of byName.get(norm(areaColumn ?? ""))?.valueLabels ?? []) {
    const area = areas.find((a) => norm(a.name) === norm(label.label));
    if (area) areaValues[label.value] = area.id;
  }
  return {
    items,
    respondent: find(ROLE_NAMES.respondent),
    area: areaColumn ?? "",
    grade,
    gender,
    school: find(ROLE_NAMES.school),
    class: find(ROLE_NAMES.class),
    areaValues,
    genderValues,
    gradeValues,
  };
}

export interface ResolvedMapping {
  /** Per instrument item (instrument order), its column's index in the header. */
  itemColumns: Int32Array;
  columns: {
    respondent: number | null;
    area: number | null;
    grade: number | null;
    gender: number | null;
    school: number | null;
  };
  /** Missing columns: the file cannot be read as mapped. */
  problems: Problem[];
  areaOf: (value: string) => string | undefined;
  gradeOf: (value: string) => string | undefined;
  genderOf: (value: string) => string | undefined;
}

/**
 * The mapping turned into column indexes and value lookups (memoised: a file has few distinct
 * grouping values). An empty grade or gender is "unknown"; an area must be known.
 */
export function resolveMapping(
  mapping: Mapping,
  header: readonly string[],
  instrument: Instrument,
  areas: readonly { id: string; name: string }[],
): ResolvedMapping {
  const problems: Problem[] = [];
  const index = new Map(header.map((name, i) => [name, i]));
  const column = (name: string | null, what: string): number | null => {
    if (name === null) return null;
    const found = index.get(name);
    if (found === undefined) {
      problems.push({
        line: null,
        column: name,
        code: "missing_column",
        value: null,
        message: `Kolumnen "${name}" (${what}) finns inte i filen.`,
      });
      return null;
    }
    return found;
  };
  const itemColumns = Int32Array.from(instrument.items, (item) => {
    const name = mapping.items[item.id];
    if (name === undefined) {
      problems.push({
        line: null,
        column: null,
        code: "missing_column",
        value: item.id,
        message: `Fråga ${item.id} har ingen kolumn i filen.`,
      });
      return -1;
    }
    return column(name, `fråga ${item.id}`) ?? -1;
  });
  const columns = {
    respondent: column(mapping.respondent, "svarande"),
    area: column(mapping.area, "område"),
    grade: column(mapping.grade, "årskurs"),
    gender: column(mapping.gender, "kön"),
    school: column(mapping.school, "skola"),
  };
  const areaByName = new Map(areas.map((a) => [norm(a.name), a.id]));
  const areaIds = new Set(areas.map((a) => a.id));
  const memo = <T>(lookup: (value: string) => T) => {
    const cache = new Map<string, T>();
    return (value: string) => {
      if (cache.has(value)) return cache.get(value) as T;
      const found = lookup(value);
      cache.set(value, found);
      return found;
    };
  };
  return {
    itemColumns,
    columns,
    problems,
    areaOf: memo((value) => {
      const mapped = mapping.areaValues[value];
      if (mapped !== undefined) return areaIds.has(mapped) ? mapped : undefined;
      return areaByName.get(norm(value));
    }),
    gradeOf: memo((value) => {
      if (value === "") return UNKNOWN;
      const mapped = mapping.gradeValues[value];
      if (mapped !== undefined) return mapped;
      const whole = /^(\d{1,2})(?:[.,]0*)?$/.exec(value)?.[1];
      return GRADES.find((g) => g === whole || g === norm(value));
    }),
    genderOf: memo((value) => {
      if (value === "") return UNKNOWN;
      const mapped = mapping.genderValues[value];
      if (mapped !== undefined) return mapped;
      const word = GENDER_WORDS[norm(value)];
      return word ?? GENDERS.find((g) => g === norm(value));
    }),
  };
}
