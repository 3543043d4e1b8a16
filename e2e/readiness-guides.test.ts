import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserPerFile,
  checkNarrow,
  containsText,
  expectNoAxeViolations,
  heading,
  newPage,
  selectByText,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

const ORIGINAL_A1 =
  "Vilka insatser, aktiviteter eller riktlinjer om alkohol, narkotika, dopning och tobak (ANDT) finns i lokalsamhället i dag?";
const EDITED_A1 = "Vilka insatser om {topic} finns i Bengtsfors just nu?";
const NEW_C = "Vilka politiker driver frågan om {topic} i Bengtsfors?";
const GUIDE_TITLE = "Bengtsfors intervjuguide";

async function questionLabel(page: Page, id: string) {
  const label = page.locator(`label[for="answer-${id}"]`);
  await visible(label);
  return label.textContent();
}

describe("readiness interview guides", () => {
  let context: BrowserContext;
  let page: Page;
  let assessmentId = "";

  beforeAll(async () => {
    ({ context, page } = await newPage());
    await signIn(page, "samordnare@bengtsfors.example");
  });

  afterAll(async () => {
    await context?.close();
  });

  it("copies the built-in guide for Bengtsfors, edits and adds questions, saves a new version", async () => {
    await page.goto("/readiness");
    await heading(page, "Beredskap");
    await page.getByRole("link", { name: "Intervjuguider" }).click();
    await heading(page, "Intervjuguider");
    const table = page.getByRole("table", { name: "Intervjuguider och versioner" });
    await visible(table.getByRole("row").filter({ hasText: "Inbyggd (Paraply)" }));
    await expectNoAxeViolations(page, "guides list");
    await checkNarrow(page, "readiness-guides");

    await table
      .getByRole("link", { name: /^Kopiera och redigera .*version 1 \(Inbyggd \(Paraply\)\)$/ })
      .first()
      .click();
    await heading(page, "Kopiera och redigera intervjuguide");
    await selectByText(page.getByLabel("Ägare"), /^Bengtsfors \(Kommun\)$/);
    await page.getByLabel("Titel på svenska").fill(GUIDE_TITLE);

    // Saving without the owner's text for a new question is refused field by field.
    const a1 = page.getByRole("group", { name: "Fråga A1", exact: true });
    await a1.getByLabel("Svensk text", { exact: true }).fill(EDITED_A1);
    await page.getByRole("button", { name: "Lägg till fråga under C" }).click();
    const c5 = page.getByRole("group", { name: /^Fråga C5/ });
    await visible(c5);
    // Focus goes to the new question's text, so keyboard users can type at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: TIMEOUT })
      .toBe(await c5.getByLabel("Svensk text", { exact: true }).getAttribute("id"));
    await page.getByRole("button", { name: "Spara som ny version" }).click();
    await visible(page.getByRole("link", { name: /Fråga C5, Svensk text: Skriv texten\./ }));

    await c5.getByLabel("Svensk text", { exact: true }).fill(NEW_C);
    await c5
      .getByLabel("Engelsk text", { exact: true })
      .fill("Which politicians drive the issue of {topic} in Bengtsfors?");
    // Reorder with the keyboard: C5 moves above C4 and keeps the focus.
    await c5.getByRole("button", { name: "Flytta upp fråga C5" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")), {
        timeout: TIMEOUT,
      })
      .toBe("Flytta upp fråga C5");
    await containsText(
      page.getByRole("status").filter({ hasText: "flyttad" }),
      "Fråga C5 är flyttad upp.",
    );
    await page.getByRole("button", { name: "Flytta ned fråga C5" }).click();
    await expectNoAxeViolations(page, "guide editor");
    await checkNarrow(page, "readiness-guide-editor", false);

    await page.getByRole("button", { name: "Spara som ny version" }).click();
    await heading(page, "Intervjuguider");
    await containsText(page.getByRole("status"), "Guiden är sparad som version 1 för Bengtsfors.");
    const row = page
      .getByRole("table", { name: "Intervjuguider och versioner" })
      .getByRole("row")
      .filter({ hasText: GUIDE_TITLE });
    await visible(row);
    const builtIn = await page
      .getByRole("table", { name: "Intervjuguider och versioner" })
      .getByRole("row")
      .filter({ hasText: "Inbyggd (Paraply)" })
      .first()
      .getByRole("cell")
      .allTextContents();
    const cells = await row.getByRole("cell").allTextContents();
    // Version, owner and one question more than the built-in guide.
    expect(cells.slice(1, 4)).toEqual(["1", "Bengtsfors", String(Number(builtIn[3]) + 1)]);
  });

  it("a new assessment uses the edited guide; the demo's 2026 assessment keeps the original", async () => {
    await page.goto("/readiness/new");
    await heading(page, "Ny mätning");
    await page.getByLabel("Ämne", { exact: true }).selectOption({ label: "Integration" });
    await selectByText(page.getByLabel("Lokalsamhälle"), /^Bengtsfors \(Kommun\)$/);
    await page.getByLabel("Intervjuguide").selectOption({ label: `${GUIDE_TITLE} (version 1)` });
    await page.getByRole("button", { name: "Skapa mätning" }).click();
    await heading(page, /^Bengtsfors: integration/);
    assessmentId = new URL(page.url()).pathname.split("/")[2] ?? "";
    await containsText(page.locator("dl.facts"), `${GUIDE_TITLE} (version 1)`);

    const respondentForm = page.getByRole("form", { name: "Registrera respondent" });
    await respondentForm.getByLabel("Roll", { exact: true }).fill("Rektor");
    await respondentForm.getByLabel("Sektor").selectOption({ label: "Skola" });
    await respondentForm.getByLabel("Namn (frivilligt)").fill("Anna Andersson");
    await respondentForm.getByRole("button", { name: "Lägg till respondent" }).click();
    await visible(page.getByRole("cell", { name: "R1", exact: true }));
    await page.getByRole("button", { name: "Starta intervju" }).click();
    await heading(page, "Intervju 1");
    expect(await questionLabel(page, "A1")).toBe(
      "A1. Vilka insatser om integration finns i Bengtsfors just nu?",
    );
    expect(await questionLabel(page, "C5")).toBe(
      "C5. Vilka politiker driver frågan om integration i Bengtsfors?",
    );

    // The demo's Bengtsfors ANDT 2026 assessment still shows the built-in guide's text.
    const list = await (await context.request.get("/api/readiness/assessments")).json();
    const demo = (
      list as {
        id: string;
        organisationName: string;
        periodStart: string;
        topic: { key?: string };
      }[]
    ).find(
      (x) =>
        x.organisationName === "Bengtsfors" &&
        x.periodStart === "2026-01-15" &&
        x.topic.key === "andt",
    );
    expect(demo).toBeDefined();
    const detail = (await (
      await context.request.get(`/api/readiness/assessments/${demo?.id}`)
    ).json()) as { interviews: { id: string }[] };
    await page.goto(`/readiness/${demo?.id}/interviews/${detail.interviews[0]?.id}`);
    await heading(page, "Intervju 1");
    expect(await questionLabel(page, "A1")).toBe(`A1. ${ORIGINAL_A1}`);
    expect(await page.locator("#answer-C5").count()).toBe(0);
  });

  it("edits the target interviews (with a stale-version conflict) and a respondent's role", async () => {
    const id = assessmentId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await page.goto(`/readiness/${id}`);
    await heading(page, /^Bengtsfors: integration/);

    await page.getByRole("button", { name: "Ändra ämne, period och mål" }).click();
    await page.getByRole("button", { name: "Ändra respondent R1" }).click();
    const respondent = page.getByRole("form", { name: "Ändra respondent R1" });
    await visible(respondent);
    await expectNoAxeViolations(page, "overview with edit forms");
    await checkNarrow(page, "readiness-overview-edit");

    // Someone else saves first: the form's version is stale.
    const current = (await (
      await context.request.get(`/api/readiness/assessments/${id}`)
    ).json()) as {
      version: number;
    };
    const other = await context.request.patch(`/api/readiness/assessments/${id}`, {
      data: { targetInterviews: 7, version: current.version },
    });
    expect(other.status()).toBe(200);
    const edit = page.getByRole("form", { name: "Ändra mätningen" });
    await edit.getByLabel("Planerat antal intervjuer").fill("6");
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await visible(page.getByText("Någon annan har ändrat mätningen. Ladda om och försök igen."));
    await page.getByRole("button", { name: "Ladda om mätningen" }).click();
    await expect
      .poll(() => edit.getByLabel("Planerat antal intervjuer").inputValue(), { timeout: TIMEOUT })
      .toBe("7");
    await edit.getByLabel("Planerat antal intervjuer").fill("6");
    await edit.getByRole("button", { name: "Spara ändringarna" }).click();
    await containsText(
      page.getByRole("status").filter({ hasText: "sparad" }),
      "Mätningen är sparad.",
    );
    await containsText(page.locator("dl.facts"), "1 av 6");

    await respondent.getByLabel("Roll", { exact: true }).fill("Biträdande rektor");
    await respondent.getByLabel("Namn (frivilligt)").fill("");
    await respondent.getByRole("button", { name: "Spara respondent" }).click();
    await containsText(
      page.getByRole("status").filter({ hasText: "Respondent" }),
      "Respondent R1 är sparad.",
    );
    await visible(page.getByRole("cell", { name: "Biträdande rektor", exact: true }));
    const saved = (await (
      await context.request.get(`/api/readiness/assessments/${id}`)
    ).json()) as {
      targetInterviews: number;
      respondents: { role: string; name: string | null }[];
    };
    expect(saved.targetInterviews).toBe(6);
    expect(saved.respondents[0]).toMatchObject({ role: "Biträdande rektor", name: null });
  });
});
