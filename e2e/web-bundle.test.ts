import { describe, expect, inject, it } from "vitest";
import { BUDGET, pageBundles, SIGN_IN_PAGE } from "../bench/web.ts";
import { browserPerFile, heading, newPage, signIn, TIMEOUT, visible } from "./helpers.ts";

/** The build the global setup made (dist/web), as bench/web reads it and as a browser loads it. */
browserPerFile();

async function signInBundle() {
  const { pages } = await pageBundles();
  const bundle = pages.find((p) => p.page === SIGN_IN_PAGE);
  if (!bundle) throw new Error(`${SIGN_IN_PAGE} is not a route entry of the build`);
  return { pages, bundle };
}

describe("the web UI's size", () => {
  it("keeps the sign-in page within 150 kB of gzip JavaScript and every page within 300", async () => {
    const { pages, bundle } = await signInBundle();
    expect(bundle.js.gzip).toBeLessThanOrEqual(BUDGET.signIn);
    const over = pages.filter((p) => p.js.gzip > BUDGET.anyPage).map((p) => p.page);
    expect(over).toEqual([]);
    // Each page is its own chunk, and the chart library comes only with the pages that draw.
    expect(pages.length).toBeGreaterThan(15);
    expect(bundle.files.filter((f) => /\/(plot|results|overview)-/.test(f))).toEqual([]);
    const results = pages.find((p) => p.page === "routes/readiness/results.tsx");
    expect(results?.files.some((f) => /\/plot-/.test(f))).toBe(true);
  });

  it("loads no script for the sign-in page beyond what bench/web counts, each one compressed", async () => {
    const { bundle } = await signInBundle();
    const { context, page } = await newPage();
    const scripts: { file: string; accepted: string; encoding: string | undefined }[] = [];
    page.on("response", async (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.endsWith(".js")) return;
      const accepted = (await response.request().allHeaders())["accept-encoding"] ?? "";
      scripts.push({
        file: pathname.slice(1),
        accepted,
        encoding: response.headers()["content-encoding"],
      });
    });
    await page.goto("/login");
    await heading(page, "Logga in");
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.map((s) => s.file).filter((f) => !bundle.files.includes(f))).toEqual([]);
    for (const { file, accepted, encoding } of scripts) {
      expect({ file, encoding }).toEqual({
        file,
        encoding: accepted.includes("br") ? "br" : "gzip",
      });
    }
    await context.close();
  });

  it("serves the favicon the page links to", async () => {
    const { context, page } = await newPage();
    await page.goto("/login");
    expect(await page.locator('link[rel="icon"]').getAttribute("href")).toBe("/favicon.svg");
    const res = await fetch(new URL("/favicon.svg", inject("baseUrl")));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(await res.text()).toMatch(/<svg[^>]*>.*<title>Paraply<\/title>/s);
    await context.close();
  });
});

describe("moving to a page not yet loaded", () => {
  it("says politely that it is loading, keeps the page still, then focuses the new heading", async () => {
    const { context, page } = await newPage();
    await signIn(page, "orgadmin@dalsland.example");
    // Hold the organisations page's chunks until the loading state has been checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/organisations-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const welcome = page.getByRole("heading", { level: 1 });
    const before = await welcome.boundingBox();
    const status = page.locator("main [aria-live=polite]");
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Organisationer" })
      .click();
    await expect.poll(() => status.textContent(), { timeout: TIMEOUT }).toBe("Laddar sidan …");
    await visible(status);
    // The page being left stays where it was while the next one loads.
    expect(await welcome.textContent()).toMatch(/^Välkommen/);
    expect(await welcome.boundingBox()).toEqual(before);
    release();
    await heading(page, "Organisationer");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: TIMEOUT })
      .toBe("Organisationer");
    expect(await status.textContent()).toBe("");
    await context.close();
  });

  it("loads the readiness texts with the readiness pages, in the chosen language", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await page.getByLabel("Språk").first().selectOption("en");
    await page
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Readiness" })
      .click();
    await heading(page, "Readiness");
    // Swedish was loaded before any readiness page: its readiness texts come on the switch.
    await page.getByLabel("Language").first().selectOption("sv");
    await heading(page, "Beredskap");
    await context.close();
  });
});
