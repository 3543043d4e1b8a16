import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIdentityNumber, luhnCheckDigit, parseIdentityNumber } from "./personnummer.ts";

const NOW = new Date("2026-11-30T12:00:00Z");
const pad = (n: number, w: number) => String(n).padStart(w, "0");

// A birth date between 1905 and yesterday, a serial and whether it is a coordination number.
const birth = fc
  .record({
    year: fc.integer({ min: 1905, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map((b) => {
    const yymmdd = `${pad(b.year % 100, 2)}${pad(b.month, 2)}${pad(b.day + (b.coordination ? 60 : 0), 2)}`;
    const nine = `${yymmdd}${pad(b.serial, 3)}`;
    const ten = `${nine}${luhnCheckDigit(nine)}`;
    return { ...b, ten, twelve: `${pad(Math.floor(b.year / 100), 2)}${ten}` };
  });

describe("personnummer and samordningsnummer", () => {
  it("accepts known valid numbers and refuses known invalid ones", () => {
    // Skatteverket's test numbers follow the same rule; these are computed, fictional ones.
    expect(parseIdentityNumber("19121212-1212", NOW)).toEqual({
      ok: true,
      value: { normalised: "191212121212", kind: "personnummer", birthDate: "1912-12-12" },
    });
    expect(parseIdentityNumber("121212+1212", NOW)).toMatchObject({
      ok: true,
      value: { normalised: "191212121212" },
    });
    expect(parseIdentityNumber("121212-1212", NOW)).toMatchObject({
      ok: true,
      value: { normalised: "201212121212" },
    });
    expect(parseIdentityNumber("19121212-1213", NOW)).toEqual({ ok: false, reason: "checksum" });
    expect(parseIdentityNumber("19121312-1212", NOW)).toEqual({ ok: false, reason: "date" });
    expect(parseIdentityNumber("1212121212x", NOW)).toEqual({ ok: false, reason: "format" });
    expect(parseIdentityNumber("20991212-1212", NOW)).toEqual({ ok: false, reason: "date" });
  });

  it("normalises every written form of a valid number to the same 12 digits", () => {
    fc.assert(
      fc.property(birth, (b) => {
        const plus =
          NOW.getUTCFullYear() - b.year > 100 ||
          (NOW.getUTCFullYear() - b.year === 100 && b.month * 100 + b.day <= 1130);
        const forms = [
          b.twelve,
          `${b.twelve.slice(0, 8)}-${b.twelve.slice(8)}`,
          ` ${b.twelve} `,
          `${b.ten.slice(0, 6)}${plus ? "+" : "-"}${b.ten.slice(6)}`,
        ];
        // Without a separator the 10-digit form means "under 100".
        if (!plus) forms.push(b.ten);
        for (const form of forms) {
          const parsed = parseIdentityNumber(form, NOW);
          expect(parsed, form).toEqual({
            ok: true,
            value: {
              normalised: b.twelve,
              kind: b.coordination ? "samordningsnummer" : "personnummer",
              birthDate: `${b.year}-${pad(b.month, 2)}-${pad(b.day, 2)}`,
            },
          });
        }
        expect(formatIdentityNumber(b.twelve)).toBe(`${b.twelve.slice(0, 8)}-${b.twelve.slice(8)}`);
      }),
    );
  });

  it("refuses any single changed digit of the ten the check digit covers", () => {
    fc.assert(
      fc.property(
        birth,
        fc.integer({ min: 2, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (b, i, add) => {
          const digits = b.twelve.split("");
          digits[i] = String((Number(digits[i]) + add) % 10);
          const changed = parseIdentityNumber(digits.join(""), NOW);
          expect(changed.ok).toBe(false);
        },
      ),
    );
  });

  it("reads a 10-digit number as the latest century that is not in the future", () => {
    fc.assert(
      fc.property(birth, (b) => {
        const parsed = parseIdentityNumber(`${b.ten.slice(0, 6)}-${b.ten.slice(6)}`, NOW);
        if (!parsed.ok) throw new Error(parsed.reason);
        const year = Number(parsed.value.normalised.slice(0, 4));
        expect(year % 100).toBe(b.year % 100);
        expect(year).toBeGreaterThan(NOW.getUTCFullYear() - 100 - 1);
        expect(parsed.value.birthDate! <= "2026-11-30").toBe(true);
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const parsed = parseIdentityNumber(s, NOW);
        if (parsed.ok) expect(parsed.value.normalised).toMatch(/^\d{12}$/);
      }),
    );
  });
});
