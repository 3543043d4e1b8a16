import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  checkNarrow,
  containsText,
  expectNoAxeViolations,
  hasCount,
  heading,
  newPage,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

/** Issue 16: what a newcomer met — dead ends, charts, 200 % zoom, focus, smaller faults. */
browserPerFile();

const FORBIDDEN = "Du har inte behörighet till den här sidan";
const ENGLISH_MONTHS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;

/** The id of the demo's Bengtsfors ANDT measurement whose period ends in the given year. */
async function measurementId(page: Page, year: string): Promise<string> {
  await page.goto("/readiness");
  await heading(page, "Beredskap");
  // "tr", not the row role: at 640 px the table is drawn as stacked blocks.
  const link = page
    .locator("tr")
    .filter({ hasText: `30 apr. ${year}` })
    .getByRole("link");
  await visible(link);
  return ((await link.first().getAttribute("href")) ?? "").split("/").at(-1) ?? "";
}

async function openResult(page: Page, year: string) {
  await page.goto(`/readiness/${await measurementId(page, year)}/results`);
  await heading(page, /^Resultat – Bengtsfors/);
}

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Text boxes of each chart: SVG text elements and the legend's entries. */
function chartTextBoxes(page: Page): Promise<Box[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".readiness-chart")].map((chart) =>
      [...chart.querySelectorAll("svg text, [class*='-swatch']:not([class*='-swatches'])")]
        .filter((el) => el.textContent?.trim())
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent?.trim() ?? "",
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
          };
        }),
    ),
  );
}

/** Pairs of texts whose boxes overlap by more than a pixel. */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) found.push(`"${a.text}" × "${b.text}"`);
    }
  });
  return found;
}

async function expectInViewport(field: Locator, width: number) {
  await visible(field);
  await field.scrollIntoViewIfNeeded();
  const box = await field.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(width);
}

describe("issue 16: a newcomer's journey", () => {
  it("focus is on the main heading after sign-in", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: TIMEOUT })
      .toBe("H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Välkommen/);
    await context.close();
  });

  it("shows a reader no links to what the reader may not use, and says why a page is closed", async () => {
    const { context, page } = await newPage();
    // The organisation administrator sees both links: the check below can fail.
    await signIn(page, "orgadmin@dalsland.example");
    await page.goto("/organisations");
    await page.getByRole("link", { name: "Mellerud", exact: true }).first().click();
    await heading(page, "Mellerud");
    await visible(page.getByRole("link", { name: "Användare i organisationen" }));
    await visible(page.getByRole("link", { name: "Granskningslogg för organisationen" }));
    await containsText(page.locator(".org-meta"), /kommunkod \d{4}/);
    await context.close();

    const reader = await newPage();
    const p = reader.page;
    await signIn(p, "lasare@mellerud.example");
    await p.goto("/organisations");
    await p.getByRole("link", { name: "Mellerud", exact: true }).first().click();
    await heading(p, "Mellerud");
    await visible(p.getByText("Kommunkod"));
    await hasCount(p.getByRole("link", { name: "Användare i organisationen" }), 0);
    await hasCount(p.getByRole("link", { name: "Granskningslogg för organisationen" }), 0);

    for (const path of ["/audit", "/users", "/readiness/new"]) {
      await p.goto(path);
      await heading(p, FORBIDDEN);
      await visible(p.getByText(/Be din organisationsadministratör/));
      await visible(p.getByRole("link", { name: "Till startsidan" }));
      await hasCount(p.getByRole("button", { name: /^(Sök|Skapa mätning)$/ }), 0);
    }
    await expectNoAxeViolations(p, "forbidden");
    await reader.context.close();
  });

  it("draws the readiness charts in Swedish with labels that never overlap, down to 320 px", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await openResult(page, "2026");
    const trend = page.getByRole("img", { name: /Linjediagram/ });
    await visible(trend);
    await visible(page.getByRole("img", { name: /Stapeldiagram/ }));
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await expect
        .poll(async () => (await chartTextBoxes(page)).map((c) => c.length), { timeout: TIMEOUT })
        .toEqual([expect.any(Number), expect.any(Number)]);
      const charts = await chartTextBoxes(page);
      const [bars = [], lines = []] = charts;
      // Axis ticks, names and values; ticks, years and the legend's seven entries.
      expect(bars.length).toBeGreaterThan(20);
      expect(lines.length).toBeGreaterThan(17);
      const all = charts.flat().map((b) => b.text);
      expect(all.join(" ")).not.toMatch(ENGLISH_MONTHS);
      // Scores in Swedish with a decimal comma; the lowest dimensions marked on screen too.
      expect(bars.map((b) => b.text)).toContain("4,07");
      expect(bars.map((b) => b.text)).toContain("3,4 · lägst");
      expect(all.join(" ")).not.toMatch(/\d\.\d/);
      // The bar axis runs 1–9, the trend's time axis names the measurements by year.
      const barTexts = bars.map((b) => b.text);
      expect(barTexts).toEqual(expect.arrayContaining(["1", "9"]));
      expect(barTexts).not.toContain("0");
      expect(barTexts).not.toContain("10");
      expect(lines.map((b) => b.text)).toEqual(expect.arrayContaining(["2024", "2026", "Totalt"]));
      // Every text inside the window, and no two on top of each other.
      for (const box of charts.flat()) {
        expect({ text: box.text, right: Math.round(box.x + box.width) <= width }).toEqual({
          text: box.text,
          right: true,
        });
      }
      expect({ width, overlaps: overlaps(bars) }).toEqual({ width, overlaps: [] });
      expect({ width, overlaps: overlaps(lines) }).toEqual({ width, overlaps: [] });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeViolations(page, "results charts");

    // "Jämför" from a result compares it with the measurement before it: two columns.
    await page.getByRole("link", { name: "Jämför mätningar" }).click();
    await heading(page, "Jämför mätningar");
    const compared = page.getByRole("table", { name: "Poäng och stadium per mätning" });
    await expect
      .poll(() => compared.getByRole("columnheader").count(), { timeout: TIMEOUT })
      .toBe(3);

    // The 2024 result lists no later measurement as an earlier one.
    await openResult(page, "2024");
    await visible(page.getByText("Det finns ingen tidigare mätning att jämföra med."));
    const trendTable = page.getByRole("table", { name: "Poäng per mätning och dimension" });
    await hasCount(trendTable.getByRole("row"), 2);
    await hasCount(trendTable.getByText(/2026/), 0);
    await context.close();
  });

  it("keeps key columns and the consensus fields on screen at 640 px (200 % zoom)", async () => {
    const { context, page } = await newPage({ viewport: { width: 640, height: 900 } });
    await signIn(page, "samordnare@bengtsfors.example");
    await page.goto("/readiness");
    await heading(page, "Beredskap");
    // The stage of each measurement is visible without scrolling sideways.
    await expectInViewport(page.getByText("Förplanering").first(), 640);
    await checkNarrow(page, "readiness-list");

    await page.goto(`/readiness/${await measurementId(page, "2026")}/consensus`);
    await heading(page, "Konsensus");
    for (const d of ["Insatser i lokalsamhället", "Resurser för frågan"]) {
      await expectInViewport(
        page.getByLabel(`Konsensuspoäng, intervju 1, ${d}`, { exact: true }),
        640,
      );
      await expectInViewport(page.getByLabel(`Kommentar, intervju 1, ${d}`, { exact: true }), 640);
    }
    await checkNarrow(page, "consensus");
    await expectNoAxeViolations(page, "consensus 640");
    await context.close();
  });

  it("names guides instead of showing their key, and shows a guide without its editor", async () => {
    const { context, page } = await newPage();
    await signIn(page, "lasare@mellerud.example");
    await page.goto("/readiness/guides");
    await heading(page, "Intervjuguider").catch(async (error) => {
      await page.screenshot({ path: ".tmp/newcomer-guides-failed.png", fullPage: true });
      throw error;
    });
    const table = page.getByRole("table", { name: "Intervjuguider och versioner" });
    await visible(table);
    await hasCount(page.getByText("paraply-crm-default"), 0);
    await table.getByRole("link", { name: "Intervjuguide för beredskapsmätning" }).first().click();
    await heading(page, /^Intervjuguide för beredskapsmätning, version \d+$/);
    await visible(page.getByRole("heading", { level: 2, name: "A. Insatser i lokalsamhället" }));
    await hasCount(page.getByRole("textbox"), 0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(16_600 / 2);
    await expectNoAxeViolations(page, "guide view");
    await context.close();
  });
});
