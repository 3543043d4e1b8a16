import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18nOptions } from "../i18n/catalogues.ts";
import { deviceName, summariseUserAgent } from "./user-agent.ts";

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  headlessChromeLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0",
  operaMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36 OPR/123.0.0.0",
  firefoxLinux: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0",
  firefoxWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:143.0) Gecko/20100101 Firefox/143.0",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
  chromeIpad:
    "Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0.0.0 Mobile/15E148 Safari/604.1",
  firefoxIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/143.0 Mobile/15E148 Safari/605.1.15",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36",
  samsungAndroid:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36",
  chromeOs:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
};

describe("summariseUserAgent", () => {
  it.each([
    [UA.chromeWindows, "Chrome", "Windows"],
    [UA.headlessChromeLinux, "Chrome", "Linux"],
    [UA.edgeWindows, "Edge", "Windows"],
    [UA.operaMac, "Opera", "macOS"],
    [UA.firefoxLinux, "Firefox", "Linux"],
    [UA.firefoxWindows, "Firefox", "Windows"],
    [UA.safariMac, "Safari", "macOS"],
    [UA.safariIphone, "Safari", "iPhone"],
    [UA.chromeIpad, "Chrome", "iPad"],
    [UA.firefoxIphone, "Firefox", "iPhone"],
    [UA.chromeAndroid, "Chrome", "Android"],
    [UA.samsungAndroid, "Samsung Internet", "Android"],
    [UA.chromeOs, "Chrome", "ChromeOS"],
    [UA.ie11, "Internet Explorer", "Windows"],
  ])("reads %s", (userAgent, browser, os) => {
    expect(summariseUserAgent(userAgent)).toEqual({ browser, os });
  });

  it("recognises neither in a header that names no browser or system", () => {
    expect(summariseUserAgent("curl/8.14.1")).toEqual({ browser: null, os: null });
    expect(summariseUserAgent("   ")).toEqual({ browser: null, os: null });
    expect(summariseUserAgent(null)).toEqual({ browser: null, os: null });
    expect(summariseUserAgent(undefined)).toEqual({ browser: null, os: null });
  });

  it("keeps the system when the browser is unknown, and the browser when the system is", () => {
    expect(summariseUserAgent("SomeApp/1.0 (Windows NT 10.0)")).toEqual({
      browser: null,
      os: "Windows",
    });
    expect(summariseUserAgent("Firefox/143.0")).toEqual({ browser: "Firefox", os: null });
  });
});

describe("deviceName", () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      ...i18nOptions(),
      lng: "sv",
      interpolation: { escapeValue: false },
    });
  });

  it("names the device in plain Swedish", () => {
    const t = i18n.getFixedT("sv");
    expect(deviceName(t, UA.chromeWindows)).toBe("Chrome på Windows");
    expect(deviceName(t, UA.firefoxLinux)).toBe("Firefox på Linux");
    expect(deviceName(t, "Firefox/143.0")).toBe("Firefox");
    expect(deviceName(t, "SomeApp/1.0 (Windows NT 10.0)")).toBe("Okänd webbläsare på Windows");
    expect(deviceName(t, null)).toBe("Okänd webbläsare");
    expect(deviceName(t, "curl/8.14.1")).toBe("Okänd webbläsare");
  });

  it("and in English", () => {
    const t = i18n.getFixedT("en");
    expect(deviceName(t, UA.safariIphone)).toBe("Safari on iPhone");
    expect(deviceName(t, null)).toBe("Unknown browser");
  });
});
