import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  expectNoAxeViolations,
  heading,
  newPage,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

describe("documents as a milestone's evidence", () => {
  it(
    "uploads a document on a Bengtsfors milestone, lists it and downloads it",
    async () => {
      const { page } = await newPage();
      await signIn(page, "samordnare@bengtsfors.example");
      await page.goto("/process");
      await page.getByRole("link", { name: "Bengtsfors", exact: true }).click();
      await heading(page, /Bengtsfors: Cykel 1/);
      await page
        .getByRole("button", { name: /^Ändra\s*:/ })
        .first()
        .click();
      const form = page.getByRole("form", { name: "Ladda upp ett dokument" });
      // A file the server refuses by its content, whatever its name says.
      await form.getByLabel("Fil", { exact: true }).setInputFiles({
        name: "protokoll.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("MZ\u0090\u0000not a pdf"),
      });
      await form.getByRole("button", { name: "Ladda upp" }).click();
      await visible(page.getByText(/Filtypen tas inte emot/).first());
      await expectNoAxeViolations(page, "document upload refused");

      await form.getByLabel("Fil", { exact: true }).setInputFiles({
        name: "protokoll styrgrupp.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
      });
      await form.getByRole("button", { name: "Ladda upp" }).click();
      const link = page.getByRole("link", { name: "Dokument: protokoll styrgrupp.pdf" });
      await visible(link);
      const href = await link.getAttribute("href");
      const downloaded = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return { type: res.headers.get("content-type"), text: await res.text() };
      }, href ?? "");
      expect(downloaded).toEqual({ type: "application/pdf", text: "%PDF-1.4\n%%EOF\n" });
      await expectNoAxeViolations(page, "document listed");
    },
    TIMEOUT * 4,
  );
});
