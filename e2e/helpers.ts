import { AxeBuilder } from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

/** Shared browser-test helpers: the browser, pages, waits, sign-in, axe and the 640 px checks. */
export const PASSWORD = "Paraply-demo-2026";
export const TIMEOUT = 10_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

let browser: Browser | undefined;

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function browserPerFile() {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

/** A fresh context (Swedish, 1280×900 unless overridden) on the app under test, and its page. */
export async function newPage(
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  if (!browser) throw new Error("newPage() needs browserPerFile() in the test file");
  const context = await browser.newContext({
    baseURL: inject("baseUrl"),
    viewport: { width: 1280, height: 900 },
    locale: "sv-SE",
    ...options,
  });
  return { context, page: await context.newPage() };
}

export const visible = (l: Locator) => l.first().waitFor({ state: "visible", timeout: TIMEOUT });

export const containsText = (l: Locator, text: string | RegExp) =>
  typeof text === "string"
    ? expect.poll(() => l.first().textContent(), { timeout: TIMEOUT }).toContain(text)
    : expect.poll(() => l.first().textContent(), { timeout: TIMEOUT }).toMatch(text);

export const hasAttribute = (l: Locator, name: string, value: string | RegExp) =>
  typeof value === "string"
    ? expect.poll(() => l.first().getAttribute(name), { timeout: TIMEOUT }).toBe(value)
    : expect.poll(() => l.first().getAttribute(name), { timeout: TIMEOUT }).toMatch(value);

export const hasCount = (l: Locator, n: number) =>
  expect.poll(() => l.count(), { timeout: TIMEOUT }).toBe(n);

export async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: TIMEOUT });
}

/** The password step only; the caller waits for where it leads (home, the code step, an error). */
export async function submitPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await heading(page, "Logga in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await submitPassword(page, email, password);
  await heading(page, /^Välkommen/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut", exact: true }).click();
  await heading(page, "Logga in");
  await visible(page.getByText("Du är utloggad."));
}

/** Follows a link in the main menu and waits for the page's heading of the same name. */
export async function nav(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name }).click();
  await heading(page, name);
}

/** Chooses the option whose text matches (for selects whose values are ids). */
export async function selectByText(select: Locator, text: string | RegExp) {
  const value = await select.locator("option").filter({ hasText: text }).getAttribute("value");
  await select.selectOption(value ?? "");
}

/**
 * axe on the current page: no WCAG 2.1 A/AA violations, nor any of axe's best practices (heading
 * order, landmarks of one name: each found a real fault, 2026-12-02). axe was two fifths of the
 * journeys' time (106 checks, 423 of 1,020 s, 2026-12-02). Two options halve each check
 * (support's 19: 35.7 → 16.7 s) and find the same violations: only violations get node selectors
 * (`resultTypes`; `options` replaces the tags, so it comes first), and axe runs in the page itself
 * rather than gathering each frame's part in a second, blank page (legacy mode: our pages have no
 * cross-origin frames, the one kind it leaves out).
 */
export async function expectNoAxeViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"] })
    .setLegacyMode()
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = result.violations.map((v) => ({
    page: name,
    id: v.id,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}

/** At 640 px the page has no horizontal scroll; a screenshot goes to .tmp/ for review. */
export async function checkNarrow(page: Page, name: string, fullPage = true) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 640, height: size?.height ?? 900 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: TIMEOUT })
    .toBeLessThanOrEqual(640);
  await page.screenshot({ path: `.tmp/${name}-640.png`, fullPage });
  if (size) await page.setViewportSize(size);
}

/** At the page's current (narrow) viewport the document is no wider than the window. */
export async function expectNoHorizontalScroll(page: Page, name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ name, overflow }).toEqual({ name, overflow: 0 });
}
