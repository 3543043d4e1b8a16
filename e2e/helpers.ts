import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

/** Shared browser-test helpers: the demo password, waits, sign-in and the axe check. */
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

export const visible = (l: Locator) => l.first().waitFor({ state: "visible", timeout: TIMEOUT });

export const containsText = (l: Locator, text: string | RegExp) =>
  typeof text === "string"
    ? expect.poll(() => l.first().textContent(), { timeout: TIMEOUT }).toContain(text)
    : expect.poll(() => l.first().textContent(), { timeout: TIMEOUT }).toMatch(text);

export async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: TIMEOUT });
}

export async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await heading(page, "Logga in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await heading(page, /^Välkommen/);
}

/** axe on the current page: no WCAG 2.1 A/AA violations. */
export async function expectNoAxeViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
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
