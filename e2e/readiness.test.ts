import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  containsText,
  expectNoAxeViolations,
  heading,
  nav,
  newPage,
  selectByText,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

const checked = new Set<string>();
/** axe once per kind of readiness page. */
async function axe(page: Page, name: string) {
  if (checked.has(name)) return;
  checked.add(name);
  await expectNoAxeViolations(page, name);
}

const DIMS = {
  A: "Insatser i lokalsamhället",
  B: "Kännedom om insatserna",
  C: "Ledarskap",
  D: "Klimat i lokalsamhället",
  E: "Kunskap om frågan",
  F: "Resurser för frågan",
} as const;
type Dim = keyof typeof DIMS;
const LETTERS = Object.keys(DIMS) as Dim[];

/** The handbook-style worked example: dimension means A 5, B 3.4, C 4.4, D 4.2, E 3.4, F 4 → 4.07, stage 4. */
const CONSENSUS: Record<Dim, number>[] = [
  { A: 5, B: 3, C: 4, D: 4, E: 3.5, F: 4 },
  { A: 6, B: 4, C: 5, D: 4, E: 4, F: 5 },
  { A: 5, B: 3, C: 4, D: 5, E: 3, F: 4 },
  { A: 4, B: 3, C: 4, D: 4, E: 3, F: 3 },
  { A: 5, B: 4, C: 5, D: 4, E: 3.5, F: 4 },
];
const ROLES: [string, string][] = [
  ["Rektor", "Skola"],
  ["Fältassistent", "Socialtjänst"],
  ["Skolsköterska", "Hälso- och sjukvård"],
  ["Kommunpolis", "Polis"],
  ["Fritidsledare", "Fritid"],
];

const svScore = (n: number) => String(n);
const answer = (n: number, d: Dim) => `Intervju ${n}, ${DIMS[d]}: svar om läget i Bengtsfors.`;

/**
 * Waits until the interview's autosave has settled: the last edit is on the server and nothing is
 * pending ("Sparat hh:mm"; "Sparar …" and "Ändringar som inte sparats ännu" do not match).
 */
async function autosaved(page: Page) {
  await containsText(
    page.getByRole("status").filter({ hasText: /Sparat|Sparar|sparats/ }),
    /Sparat \d\d:\d\d/,
  );
}

async function scoreInterview(
  page: Page,
  assessmentId: string,
  n: number,
  scores: Record<Dim, number>,
) {
  await page.goto(`/readiness/${assessmentId}`);
  await page.getByRole("link", { name: `Poängsätt intervju ${n}` }).click();
  await heading(page, `Poängsättning av intervju ${n}`);
  for (const d of LETTERS) {
    await page.getByLabel(`Poäng för ${DIMS[d]}`, { exact: true }).selectOption(svScore(scores[d]));
  }
}

describe("readiness journey", () => {
  it("creates an assessment, interviews, scores blind twice, agrees, shows stage and strategies, downloads the PDF", async () => {
    const { context, page } = await newPage({ acceptDownloads: true });

    // 1. The coordinator creates an assessment for Bengtsfors.
    await signIn(page, "samordnare@bengtsfors.example");
    await nav(page, "Beredskap");
    await axe(page, "list");
    await page.getByRole("button", { name: "Ny mätning" }).click();
    await heading(page, "Ny mätning");
    await page.getByLabel("Planerat antal intervjuer").fill("3");
    await visible(page.getByText("Färre än 4 intervjuer ger ett osäkert resultat."));
    await page.getByLabel("Planerat antal intervjuer").fill("5");
    await axe(page, "new");
    await selectByText(page.getByLabel("Lokalsamhälle"), /^Bengtsfors \(Kommun\)$/);
    await page.getByLabel("Periodens första dag").fill("2026-09-01");
    await page.getByLabel("Periodens sista dag").fill("2026-10-31");
    await page.getByRole("button", { name: "Skapa mätning" }).click();
    await heading(page, /^Bengtsfors: alkohol/);
    const assessmentId = new URL(page.url()).pathname.split("/")[2] ?? "";
    expect(assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    await axe(page, "overview");

    // 2. The analyst joins the team as scorer; the coordinator scores too.
    await page.getByRole("button", { name: "Ändra team" }).click();
    const teamTable = page.getByRole("table", { name: "Personer och roller i teamet" });
    await visible(teamTable);
    await teamTable
      .getByRole("row")
      .filter({ hasText: "analytiker@dalsland.example" })
      .getByRole("checkbox", { name: /^Poängsättare/ })
      .check();
    await teamTable
      .getByRole("row")
      .filter({ hasText: "samordnare@bengtsfors.example" })
      .getByRole("checkbox", { name: /^Poängsättare/ })
      .check();
    await axe(page, "team editor");
    await page.getByRole("button", { name: "Spara team" }).click();
    await containsText(page.getByRole("status"), "Teamet är sparat.");

    // 3. Five respondents by role and sector.
    const respondentForm = page.getByRole("form", { name: "Registrera respondent" });
    for (const [index, [role, sector]] of ROLES.entries()) {
      await respondentForm.getByLabel("Roll", { exact: true }).fill(role);
      await respondentForm.getByLabel("Sektor").selectOption({ label: sector });
      await respondentForm.getByRole("button", { name: "Lägg till respondent" }).click();
      await visible(page.getByRole("cell", { name: `R${index + 1}`, exact: true }));
      // The form clears itself after the table has refetched; typing before that would be lost.
      await expect
        .poll(() => respondentForm.getByLabel("Roll", { exact: true }).inputValue(), {
          timeout: TIMEOUT,
        })
        .toBe("");
    }

    // 4. Five interviews; the first is reloaded mid-way and nothing is lost.
    for (let n = 1; n <= 5; n++) {
      await page.getByRole("button", { name: "Starta intervju" }).click();
      await heading(page, `Intervju ${n}`);
      for (const d of LETTERS.slice(0, 3)) {
        await page.locator(`#answer-${d}1`).fill(answer(n, d));
      }
      if (n === 1) {
        await axe(page, "interview");
        // Reload only once the autosave has settled: a save still in flight when the page goes
        // away can land after the reloaded page has read the interview, and the restored draft's
        // save then meets a version conflict.
        await page.locator("#answer-C1").blur();
        await autosaved(page);
        await page.reload();
        await heading(page, "Intervju 1");
        for (const d of LETTERS.slice(0, 3)) {
          await expect
            .poll(() => page.locator(`#answer-${d}1`).inputValue(), { timeout: TIMEOUT })
            .toBe(answer(1, d));
        }
      }
      for (const d of LETTERS.slice(3)) {
        await page.locator(`#answer-${d}1`).fill(answer(n, d));
      }
      await page.locator("#answer-F1").blur();
      await autosaved(page);
      await page.getByRole("link", { name: "Tillbaka till mätningen" }).click();
      await heading(page, /^Bengtsfors: alkohol/);
    }
    // After a full reload the saved text comes from the server.
    await page.goto(`/readiness/${assessmentId}`);
    await page.getByRole("link", { name: "Intervju 1", exact: true }).click();
    await heading(page, "Intervju 1");
    await expect
      .poll(() => page.locator("#answer-F1").inputValue(), { timeout: TIMEOUT })
      .toBe(answer(1, "F"));

    // 5. The coordinator scores all five and submits.
    for (let n = 1; n <= 5; n++) {
      await scoreInterview(page, assessmentId, n, CONSENSUS[n - 1] as Record<Dim, number>);
      await axe(page, "scoring");
      await page.getByRole("button", { name: "Lämna in" }).click();
      await containsText(
        page.getByRole("status").filter({ hasText: "inlämnade" }),
        "Dina poäng är inlämnade.",
      );
      await visible(page.getByText("Har inte lämnat in ännu.", { exact: false }));
    }
    await page.getByRole("button", { name: "Logga ut" }).click();
    await heading(page, "Logga in");

    // 6. The analyst cannot see the coordinator's scores before submitting.
    await signIn(page, "analytiker@dalsland.example");
    for (let n = 1; n <= 5; n++) {
      const scores = { ...(CONSENSUS[n - 1] as Record<Dim, number>) };
      if (n === 1) scores.A = 6; // one disagreement for the consensus step
      await scoreInterview(page, assessmentId, n, scores);
      const others = page.getByRole("region", { name: "Andra poängsättare" });
      await visible(others.getByText("Har lämnat in. Poängen visas när du också har lämnat in"));
      expect(await others.getByRole("table").count()).toBe(0);
      await page.getByRole("button", { name: "Lämna in" }).click();
      await containsText(
        page.getByRole("status").filter({ hasText: "inlämnade" }),
        "Dina poäng är inlämnade.",
      );
      await visible(others.getByRole("table"));
      if (n === 1) await axe(page, "scoring after submit");
    }

    // 7. Consensus: the difference is marked in text; agreed scores are filled in.
    await page.goto(`/readiness/${assessmentId}/consensus`);
    await heading(page, "Konsensus");
    await visible(page.getByText("Skiljer sig"));
    await axe(page, "consensus");
    await page
      .getByLabel(`Konsensuspoäng, intervju 1, ${DIMS.A}`, { exact: true })
      .selectOption("5");
    await page
      .getByLabel(`Kommentar, intervju 1, ${DIMS.A}`, { exact: true })
      .fill("Planer finns men inget har startat.");
    for (let n = 1; n <= 5; n++) {
      await page.getByRole("button", { name: `Spara konsensus för intervju ${n}` }).click();
      await containsText(page.getByRole("status"), `Konsensus för intervju ${n} är sparad.`);
    }

    // 8. Results: stage 4 with strategies.
    await page.goto(`/readiness/${assessmentId}/results`);
    await heading(page, /^Resultat/);
    await visible(page.getByRole("heading", { name: "Stadium 4: Förplanering" }));
    await visible(page.getByRole("heading", { name: "Mål och strategier" }));
    await visible(page.getByRole("img", { name: /Stapeldiagram/ }));
    await visible(page.getByRole("table", { name: "Poäng och stadium per dimension" }));
    // The demo's earlier Bengtsfors ANDT assessments make a trend with this one.
    const trend = page.getByRole("table", { name: "Poäng per mätning och dimension" });
    await expect
      .poll(() => trend.getByRole("row").count(), { timeout: TIMEOUT })
      .toBeGreaterThanOrEqual(3);
    await visible(page.getByRole("img", { name: /Linjediagram/ }));
    await axe(page, "results");

    // "Jämför" opens with this assessment and the one before it (the demo's spring 2026) chosen.
    await page.getByRole("link", { name: "Jämför mätningar" }).click();
    await heading(page, "Jämför mätningar");
    await expect
      .poll(() => page.getByRole("checkbox", { checked: true }).count(), { timeout: TIMEOUT })
      .toBe(2);
    await expect(
      page.getByRole("checkbox", { name: /^Bengtsfors: .*15 jan\. 2026/ }).isChecked(),
    ).resolves.toBe(true);
    await page.getByRole("button", { name: "Jämför" }).click();
    const compared = page.getByRole("table", { name: "Poäng och stadium per mätning" });
    await visible(compared);
    await expect
      .poll(() => compared.getByRole("columnheader").count(), { timeout: TIMEOUT })
      .toBe(3);
    await containsText(
      compared.getByRole("row").filter({ hasText: "Stadium" }).last(),
      "4 – Förplanering",
    );
    await axe(page, "compare");

    // 9. The PDF, with the board paper's reference number given on the results page, opens and
    // names the stage and the reference.
    await page.goto(`/readiness/${assessmentId}/results`);
    await page.getByRole("textbox", { name: "Diarienummer" }).fill("KS 2026/123");
    const href = await page
      .getByRole("link", { name: "Ladda ner rapport (PDF)" })
      .getAttribute("href");
    expect(href).toContain("reference=KS+2026%2F123");
    const response = await context.request.get(href ?? "");
    expect(response.status()).toBe(200);
    const pdf = new Uint8Array(await response.body());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("Förplanering");
    expect(text).toContain("KS 2026/123");

    await context.close();
  }, 300_000);
});
