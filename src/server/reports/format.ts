/**
 * One Swedish way of writing dates and numbers in every report: "30 november 2026", decimal
 * comma, and a file name that survives any mail client.
 */

const longDate = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Stockholm",
});
const dayMonth = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric",
  month: "long",
  timeZone: "Europe/Stockholm",
});
const clock = new Intl.DateTimeFormat("sv-SE", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Stockholm",
});
const isoDay = new Intl.DateTimeFormat("sv-SE", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Stockholm",
});

/** A calendar date ("2025-02-03") is noon UTC so that no time zone moves it to another day. */
function asDate(value: string | Date): Date {
  return typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
}

/** "30 november 2026" */
export function svDate(value: string | Date): string {
  return longDate.format(asDate(value));
}

/** "3 februari – 28 mars 2025", or with both years when they differ. */
export function svPeriod(start: string | Date, end: string | Date): string {
  const a = asDate(start);
  const b = asDate(end);
  const sameYear = isoDay.format(a).slice(0, 4) === isoDay.format(b).slice(0, 4);
  return `${sameYear ? dayMonth.format(a) : longDate.format(a)} – ${longDate.format(b)}`;
}

/** "30 november 2026 kl. 09:15", Swedish time. */
export function svDateTime(value: Date): string {
  return `${longDate.format(value)} kl. ${clock.format(value)}`;
}

/** "2026-11-30" in Swedish time: for file names. */
export function isoDate(value: Date): string {
  return isoDay.format(value);
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Decimal comma and a fixed number of decimals: 4,07. */
export function svNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("sv-SE", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** "63,3 %" with a no-break space. */
export function svPercent(value: number, decimals = 1): string {
  return `${svNumber(value, decimals)}\u00a0%`;
}

/** "A, B och C" */
export function svList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

const FOLD: Record<string, string> = { å: "a", ä: "a", ö: "o", æ: "ae", ø: "o", ü: "u", é: "e" };

/** Swedish and other Latin letters to their ASCII base: "Åmål" → "Amal". */
function foldToAscii(text: string): string {
  return text
    .replace(/[åäöæøüéÅÄÖÆØÜÉ]/g, (c) => {
      const lower = FOLD[c.toLowerCase()] ?? c;
      return c === c.toLowerCase() ? lower : lower.toUpperCase();
    })
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** "Åmål kommun" → "amal-kommun": lower-case ASCII letters, digits and single hyphens. */
export function slug(text: string, max = 40): string {
  return foldToAscii(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** "beredskap-bengtsfors-andt-2026-11-30.pdf" from its parts; empty parts are skipped. */
export function reportFileName(parts: readonly string[], date: Date, extension = "pdf"): string {
  const words = [...parts.map((part) => slug(part)), isoDate(date)].filter(Boolean);
  return `${words.join("-")}.${extension}`;
}

/**
 * `attachment` with an ASCII `filename` for old clients and RFC 5987 `filename*` for the rest.
 * The name is sanitised first, so no quote, backslash or control character reaches the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii = foldToAscii(fileName).replace(/[^A-Za-z0-9._-]+/g, "-");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
