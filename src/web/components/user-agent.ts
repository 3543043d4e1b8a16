import type { TFunction } from "i18next";

/** A browser and an operating system read from a User-Agent header; null where unrecognised. */
export interface UserAgentSummary {
  browser: string | null;
  os: string | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari",
// and every browser on iOS is built on Safari but names itself with its own token.
const BROWSERS: [RegExp, string][] = [
  [/\b(?:Edge?|EdgA|EdgiOS)\//, "Edge"],
  [/\b(?:OPR|Opera|OPiOS)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\b(?:MSIE |Trident\/)/, "Internet Explorer"],
];

// iPhones and iPads before macOS ("like Mac OS X"), Android and ChromeOS before Linux.
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b|\biPod\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

function firstMatch(table: [RegExp, string][], text: string): string | null {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * The browser and system of a User-Agent in plain words, for people to recognise their devices.
 * Deliberately coarse (no versions): it names a device, it does not identify one, and a header
 * that is easy to fake is not worth parsing in detail.
 */
export function summariseUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  const text = userAgent?.trim() ?? "";
  if (!text) return { browser: null, os: null };
  return { browser: firstMatch(BROWSERS, text), os: firstMatch(SYSTEMS, text) };
}

/** "Chrome på Windows", "Firefox", "Okänd webbläsare på Linux" or "Okänd webbläsare". */
export function deviceName(t: TFunction, userAgent: string | null | undefined): string {
  const { browser, os } = summariseUserAgent(userAgent);
  const name = browser ?? t("account.sessions.unknownBrowser");
  return os ? t("account.sessions.device", { browser: name, os }) : name;
}
