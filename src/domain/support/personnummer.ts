/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer: the day of birth plus 60). People write them with 10 or 12 digits, with or
 * without a separator; "+" instead of "-" in the 10-digit form marks someone aged 100 or more.
 * The last digit is a Luhn check digit over the 10-digit form. Stored and compared as 12 digits.
 */

export type IdentityNumberKind = "personnummer" | "samordningsnummer";

export interface IdentityNumber {
  /** YYYYMMDDNNNC: the one form stored, searched and compared. */
  normalised: string;
  kind: IdentityNumberKind;
  /** YYYY-MM-DD; null for a coordination number whose day of birth is unknown (day 60). */
  birthDate: string | null;
}

export type IdentityNumberResult =
  | { ok: true; value: IdentityNumber }
  | { ok: false; reason: IdentityNumberError };

export type IdentityNumberError = "format" | "date" | "checksum";

export const IDENTITY_NUMBER_MESSAGES: Record<IdentityNumberError, string> = {
  format: "Ange personnummer eller samordningsnummer med 10 eller 12 siffror, t.ex. 20150401-1234.",
  date: "Personnumret innehåller inget giltigt födelsedatum.",
  checksum: "Personnumrets kontrollsiffra stämmer inte. Kontrollera siffrorna.",
};

const TEN = /^(\d{6})([-+]?)(\d{4})$/;
const TWELVE = /^(\d{8})-?(\d{4})$/;
const COORDINATION_OFFSET = 60;

/** The Luhn check digit of nine digits (weights 2,1,2,1,… from the left). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The century of a 10-digit number: the latest one that puts the birth date no later than
 * today, or, with "+", no later than a hundred years ago.
 */
function fullYear(yy: number, month: number, day: number, plus: boolean, now: Date): number {
  const cutoffYear = now.getUTCFullYear() - (plus ? 100 : 0);
  const cutoff = cutoffYear * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  let year = Math.floor(cutoffYear / 100) * 100 + yy;
  // An unknown day (0) counts as the start of its month.
  if (year * 10_000 + month * 100 + day > cutoff) year -= 100;
  return year;
}

/**
 * Parses and validates what a person typed. `now` decides the century of a 10-digit number.
 * Spaces around the number are ignored; anything else that is not a digit or separator is not.
 */
export function parseIdentityNumber(input: string, now: Date = new Date()): IdentityNumberResult {
  const text = input.trim();
  let yearText: string | null = null;
  let yymmdd: string;
  let tail: string;
  let plus = false;
  const ten = TEN.exec(text);
  const twelve = ten ? null : TWELVE.exec(text);
  if (ten) {
    yymmdd = ten[1]!;
    plus = ten[2] === "+";
    tail = ten[3]!;
  } else if (twelve) {
    yearText = twelve[1]!.slice(0, 4);
    yymmdd = twelve[1]!.slice(2);
    tail = twelve[2]!;
  } else {
    return { ok: false, reason: "format" };
  }
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const kind: IdentityNumberKind =
    rawDay > COORDINATION_OFFSET ? "samordningsnummer" : "personnummer";
  // Day 60 is a coordination number whose day of birth is not known.
  const unknownDay = rawDay === COORDINATION_OFFSET;
  const day = rawDay >= COORDINATION_OFFSET ? rawDay - COORDINATION_OFFSET : rawDay;
  if (month < 1 || month > 12) return { ok: false, reason: "date" };
  const year = yearText === null ? fullYear(yy, month, day, plus, now) : Number(yearText);
  if (!unknownDay && !isCalendarDate(year, month, day)) return { ok: false, reason: "date" };
  if (year < 1800) return { ok: false, reason: "date" };
  const birthKey = year * 10_000 + month * 100 + day;
  const today = now.getUTCFullYear() * 10_000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  if (birthKey > today) return { ok: false, reason: "date" };
  if (luhnCheckDigit(yymmdd + tail.slice(0, 3)) !== Number(tail[3])) {
    return { ok: false, reason: "checksum" };
  }
  return {
    ok: true,
    value: {
      normalised: `${pad(year, 4)}${yymmdd.slice(2)}${tail}`,
      kind: unknownDay ? "samordningsnummer" : kind,
      birthDate: unknownDay ? null : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
    },
  };
}

/** YYYYMMDD-NNNC, the form people read. */
export function formatIdentityNumber(normalised: string): string {
  return `${normalised.slice(0, 8)}-${normalised.slice(8)}`;
}
