import { describe, expect, inject, it } from "vitest";
import {
  browserPerFile,
  expectNoAxeViolations,
  heading,
  newPage,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

describe("API reference", () => {
  it("opens from the footer and renders the document with the app's own assets, under its policy", async () => {
    const { context, page } = await newPage();
    const refused: string[] = [];
    const foreign: string[] = [];
    const origin = new URL(inject("baseUrl")).origin;
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) {
        foreign.push(request.url());
      }
    });
    try {
      await page.goto("/login");
      await heading(page, "Logga in");
      await expectNoAxeViolations(page, "login with the footer's API link");
      await page.getByRole("contentinfo").getByRole("link", { name: "API-dokumentation" }).click();
      await page.waitForURL("**/api/docs", { timeout: TIMEOUT });

      // Redoc has read /api/openapi.json: the title and operations by their summaries. Redoc lays
      // out the whole document before it shows the title, which on a busy two-core machine took
      // longer than the usual wait (CI of 2026-12-02).
      await page
        .getByRole("heading", { name: /Paraply API/ })
        .first()
        .waitFor({ state: "visible", timeout: 3 * TIMEOUT });
      await visible(page.getByRole("heading", { name: "Sign in with e-mail and password" }));
      await visible(page.getByRole("heading", { name: "Read a readiness assessment" }));

      // The search runs in Redoc's worker, the one thing this page's policy adds.
      await page.getByRole("textbox", { name: /search/i }).fill("reset link");
      await visible(page.getByText("Ask for a password reset link").filter({ visible: true }));

      expect(refused).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
