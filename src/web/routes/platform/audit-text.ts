import type { TFunction } from "i18next";

/** A uuid says nothing to a reader; the subject column names what a row is about. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DetailPart {
  key: string;
  label: string;
  value: string;
}

function scalarText(t: TFunction, key: string, value: unknown, lang: string): string | null {
  if (typeof value === "boolean") return t(value ? "common.yes" : "common.no");
  if (typeof value === "number") return value.toLocaleString(lang === "en" ? "en-GB" : "sv-SE");
  if (typeof value !== "string" || value === "" || UUID.test(value)) return null;
  return t(`audit.detailValues.${key}.${value}`, { defaultValue: value });
}

/**
 * An audit row's details as a reader would say them: each key by its catalogue name, known
 * codes (sign-in method, reason, file format) in words, numbers in the reader's convention. Ids
 * and nested records are left out here; the row's technical disclosure shows them as they are.
 */
export function detailParts(
  t: TFunction,
  details: Record<string, unknown>,
  lang: string,
): DetailPart[] {
  return Object.entries(details).flatMap(([key, value]) => {
    const text = Array.isArray(value)
      ? value.every((v) => typeof v === "string" && !UUID.test(v)) && value.length > 0
        ? value.map((v) => scalarText(t, key, v, lang)).join(", ")
        : null
      : scalarText(t, key, value, lang);
    return text === null
      ? []
      : [{ key, label: t(`audit.detailKeys.${key}`, { defaultValue: key }), value: text }];
  });
}

/** "Beredskapsmätning" for `readiness_assessment`; an unknown type as it is. */
export function subjectTypeName(t: TFunction, type: string): string {
  return t(`audit.subjectTypes.${type}`, { defaultValue: type });
}
