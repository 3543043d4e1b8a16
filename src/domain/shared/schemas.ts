import { z } from "zod";

/**
 * The building blocks every contract's text and dates are made of. PostgreSQL's text cannot hold
 * NUL, a lone UTF-16 surrogate has no UTF-8 form (the driver would store U+FFFD or fail), and
 * its date types end long before JavaScript's: checking here turns what would be a database
 * error into a field message, and keeps anything the database would reject from being written
 * halfway.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text that PostgreSQL and UTF-8 can hold as it is. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = "Texten innehåller tecken som inte kan sparas.";

/** Any text field: at most `max` characters, nothing the database cannot store. */
export function safeText(max: number) {
  return z.string().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/** A name or title: trimmed, not empty, at most `max` characters, storable. */
export function nameText(max: number, emptyMessage = "Ange ett namn.") {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(max)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/** Free text such as a description or a note: trimmed, may be empty, storable. */
export function noteText(max: number) {
  return z.string().trim().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/** A search string from a query (?q=): trimmed, short, storable. */
export function searchText(max: number) {
  return noteText(max);
}

// Far enough for any date the product records (measurements, interviews, audit searches), well
// inside PostgreSQL's range (4713 BC to 294276 AD for timestamps, 5874897 AD for dates).
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const OUT_OF_RANGE = `Datumet måste ligga mellan år ${MIN_YEAR} och ${MAX_YEAR}.`;

// The same bounds as instants, so that a check needs no Date object: every response's points in
// time pass through it (a case list's 40 dates were an eighth of checking the response).
const FIRST_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
const AFTER_LAST_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1);

function yearInRange(isoLike: string): boolean {
  const time = Date.parse(isoLike);
  return time >= FIRST_INSTANT && time < AFTER_LAST_INSTANT;
}

/** A calendar date (YYYY-MM-DD) between MIN_YEAR and MAX_YEAR. */
export const DateSchema = z.iso
  .date("Ange ett datum som ÅÅÅÅ-MM-DD.")
  .refine(yearInRange, OUT_OF_RANGE)
  .describe(`Date, YYYY-MM-DD, years ${MIN_YEAR}–${MAX_YEAR}`);

/** An ISO 8601 point in time with an offset, between MIN_YEAR and MAX_YEAR. */
export const DateTimeSchema = z.iso
  .datetime({ offset: true, message: "Ange en tidpunkt enligt ISO 8601." })
  .refine(yearInRange, OUT_OF_RANGE)
  .describe(`Point in time, ISO 8601 with offset, years ${MIN_YEAR}–${MAX_YEAR}`);

// PostgreSQL's integer: a larger number in a body would fail in the database, not here.
export const PG_INT_MAX = 2_147_483_647;

/** The version a change was made from (optimistic locking); a stale one answers 409. */
export const VersionSchema = z
  .int()
  .min(1)
  .max(PG_INT_MAX)
  .describe("The version the change was made from (optimistic locking)");
