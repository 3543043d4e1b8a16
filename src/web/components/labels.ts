import type { TFunction } from "i18next";

/** Translated names of roles, organisation kinds, sectors and area types. */
export function roleName(t: TFunction, role: string): string {
  return t(`roles.${role}`, { defaultValue: role });
}
export function kindName(t: TFunction, kind: string): string {
  return t(`kinds.${kind}`, { defaultValue: kind });
}
export function sectorName(t: TFunction, sector: string): string {
  return t(`sectors.${sector}`, { defaultValue: sector });
}
export function areaTypeName(t: TFunction, areaType: string): string {
  return t(`areaTypes.${areaType}`, { defaultValue: areaType });
}
export function actionName(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}
export function formatDateTime(value: string | null, lang: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "short",
    timeStyle: "medium",
  }).format(new Date(value));
}
