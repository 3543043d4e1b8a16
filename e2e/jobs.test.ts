import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  containsText,
  expectNoAxeViolations,
  hasAttribute,
  nav,
  newPage,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

describe("background jobs journey", () => {
  it("the system administrator runs jobs from Maintenance and follows, cancels and finishes them", async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, "admin@paraply.example");
      await nav(page, "Inställningar");
      const section = page.getByRole("region", { name: "Underhåll" });

      // The queue test counts 20 steps: the bar moves and says how far in words
      await section.getByRole("button", { name: "Provkör jobbkön" }).click();
      const bar = section.getByRole("progressbar", { name: "Provkörning av jobbkön" });
      await visible(bar);
      await hasAttribute(bar, "aria-valuetext", /^\d+\s%\s–\sSteg \d+ av 20$/);
      await hasAttribute(bar, "aria-valuemin", "0");
      await hasAttribute(bar, "aria-valuemax", "100");
      await containsText(section.getByRole("status"), "Provkörning av jobbkön har startat.");

      // Cancel it midway: the live region says so, the bar stops short and the button goes. The
      // job runs five seconds: axe is run after the cancel, since on a busy machine an axe run
      // before it took long enough for the job to finish first (CI of 2026-12-02).
      await section.getByRole("button", { name: "Avbryt" }).click();
      await containsText(section.getByRole("status"), "Provkörning av jobbkön avbröts.");
      await hasAttribute(bar, "aria-valuetext", /– Avbrutet$/);
      expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
      await expectNoAxeViolations(page, "settings: job cancelled");
      await expect
        .poll(() => section.getByRole("button", { name: "Avbryt" }).count(), { timeout: TIMEOUT })
        .toBe(0);

      // Housekeeping runs to the end
      await section.getByRole("button", { name: "Kör städning nu" }).click();
      const housekeeping = section.getByRole("progressbar", { name: "Städning" });
      await containsText(section.getByRole("status"), "Städning är klart.");
      await hasAttribute(housekeeping, "aria-valuenow", "100");
      await hasAttribute(housekeeping, "aria-valuetext", "100\u00a0% – Klart");
      await expectNoAxeViolations(page, "settings: job done");
    } finally {
      await context.close();
    }
  });
});
