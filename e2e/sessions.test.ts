import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  checkNarrow,
  containsText,
  expectNoAxeViolations,
  hasCount,
  heading,
  nav,
  newPage,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

const READER = "lasare@mellerud.example";
// The second device tells itself apart by its browser: other test files sign the demo reader in
// too (with this Chromium's own user agent), so the journey counts only what it creates.
const FIREFOX_LINUX =
  "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0";

browserPerFile();

function sessionsSection(page: Page) {
  const section = page.getByRole("region", { name: "Var du är inloggad" });
  const table = section.getByRole("table", { name: "Dina inloggningar" });
  // Data rows only: the header row has column headers, not cells.
  const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
  return { section, table, rows };
}

describe("sessions journey", () => {
  it("shows where the reader is signed in, signs out one device, then all the others", async () => {
    const first = await newPage();
    const second = await newPage({ userAgent: FIREFOX_LINUX });
    try {
      await signIn(first.page, READER);
      await signIn(second.page, READER);

      // Mitt konto lists both sessions; this one is marked
      const { page } = first;
      await nav(page, "Mitt konto");
      const { section, rows } = sessionsSection(page);
      await visible(rows);
      await expect.poll(() => rows.count(), { timeout: TIMEOUT }).toBeGreaterThanOrEqual(2);
      const current = rows.filter({ hasText: "Den här enheten" });
      await hasCount(current, 1);
      await containsText(current, "Chrome på Linux");
      await hasCount(current.getByRole("button"), 0);
      const firefox = rows.filter({ hasText: "Firefox på Linux" });
      await hasCount(firefox, 1);
      await containsText(firefox, "Lösenord");
      await expectNoAxeViolations(page, "account: sessions");

      // End the other device's session with its own button
      await section.getByRole("button", { name: "Logga ut Firefox på Linux" }).click();
      await containsText(page.getByRole("status"), "Du är utloggad från Firefox på Linux.");
      await hasCount(firefox, 0);
      await hasCount(current, 1);
      // The button is gone with its row: focus stays in the section
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: TIMEOUT })
        .toBe("sessions-heading");
      await expectNoAxeViolations(page, "account: one session ended");

      // The other device is signed out: its next page is the sign-in page
      await second.page.reload();
      await heading(second.page, "Logga in");

      // Signed in there again, then ended from here with "all other devices" (by keyboard)
      await signIn(second.page, READER);
      await page.reload();
      await heading(page, "Mitt konto");
      await hasCount(firefox, 1);
      await checkNarrow(page, "account-sessions");
      const others = section.getByRole("button", { name: "Logga ut från alla andra enheter" });
      await others.focus();
      await page.keyboard.press("Enter");
      await containsText(
        page.getByRole("status"),
        /^Du är utloggad från \d+ (annan enhet|andra enheter)\.$/,
      );
      await hasCount(rows, 1);
      await hasCount(current, 1);
      await hasCount(others, 0);
      await visible(section.getByText("Du är bara inloggad på den här enheten."));
      await expectNoAxeViolations(page, "account: other sessions ended");
      await checkNarrow(page, "account-sessions-one");

      await second.page.reload();
      await heading(second.page, "Logga in");
      // This device is still signed in
      await page.reload();
      await heading(page, "Mitt konto");
    } finally {
      await second.context.close();
      await first.context.close();
    }
  });
});
