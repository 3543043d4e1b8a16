import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ProcessDetail } from "../src/domain/process/schemas.ts";
import {
  browserPerFile,
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

const MAJA = "samordnare@bengtsfors.example";
const AREA = "Bengtsfors centrum";

/** The process as the page's own session reads it. */
function readProcess(page: Page, id: string): Promise<ProcessDetail> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/process/processes/${id}`);
    return res.json();
  }, id);
}

/**
 * Settles the phase's remaining items through the API from the page (same origin, same
 * session): the journey edits items through the UI where it matters and lets this do the rest,
 * so that a whole cycle fits in a browser test's time.
 */
async function settleRest(page: Page, id: string, phase: number) {
  const detail = await readProcess(page, id);
  const items = detail.current!.phases.find((p) => p.phase === phase)!.items;
  await page.evaluate(
    async ({ id, items }) => {
      for (const item of items) {
        await fetch(`/api/process/processes/${id}/items/${item.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "done", version: item.version }),
        });
      }
    },
    {
      id,
      items: items
        .filter((i) => i.status !== "done" && i.status !== "not_applicable")
        .map((i) => ({ id: i.id, version: i.version })),
    },
  );
  await page.reload();
  await heading(page, new RegExp(AREA));
}

async function completePhase(page: Page, phase: number) {
  const form = page.getByRole("form", { name: `Avsluta fas ${phase}` });
  await form.getByRole("button", { name: `Avsluta fas ${phase}` }).click();
  await visible(page.getByText(`Fas ${phase} är avslutad.`));
}

describe("the prevention process", () => {
  it("runs a full cycle for an area, starts the next at phase 2, and shows the board overview", async () => {
    const { page } = await newPage();
    await signIn(page, MAJA);
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Processen" })
      .click();
    await heading(page, "Förebyggande process");
    await expectNoAxeViolations(page, "process list");

    // Start a process for the town centre, reporting to the Dalsland board.
    await selectByText(page.getByLabel("Kommun eller område"), AREA);
    await selectByText(
      page.getByLabel("Samverkan vars översikt visar processen"),
      "Dalslands kommuner i samverkan",
    );
    await page.getByRole("button", { name: "Starta processen" }).click();
    await heading(page, new RegExp(`${AREA}: Cykel 1`));
    const id = page.url().split("/process/")[1]!;
    await visible(page.getByText("Ingen beredskapsmätning de senaste två åren"));
    await expectNoAxeViolations(page, "process page");

    // The vision, from the version read.
    await page.getByRole("button", { name: "Ändra framtidsbild och främjande del" }).click();
    await page
      .getByRole("textbox", { name: "Framtidsbild", exact: true })
      .fill("Alla unga i centrum har en trygg fritid");
    await page.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByText("Processen är sparad."));
    await visible(page.getByText("Alla unga i centrum har en trygg fritid"));

    // The community board, by sector.
    await page.getByRole("button", { name: "Ändra aktörer, nyckelpersoner och styrgrupp" }).click();
    const people = page.getByRole("form", { name: "Ändra aktörer, nyckelpersoner och styrgrupp" });
    await people.getByRole("button", { name: "Lägg till ledamot" }).click();
    await people.getByRole("textbox", { name: "Namn" }).last().fill("Elevrådets ordförande");
    await people.getByLabel("Sektor").last().selectOption("young_people");
    await expectNoAxeViolations(page, "people form");
    await people.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByText("Elevrådets ordförande (Unga)"));

    // Completing phase 1 with open items is refused with the reason.
    await page
      .getByRole("form", { name: "Avsluta fas 1" })
      .getByRole("button", { name: "Avsluta fas 1" })
      .click();
    await visible(page.getByText(/obligatoriska punkter är varken klara/));

    // One milestone through the editor: not applicable needs a reason.
    await page.getByRole("button", { name: /^Ändra\s*: En pådrivare/ }).click();
    const editor = page.getByRole("form", { name: /Ändra: En pådrivare/ });
    await editor.getByLabel("Status").selectOption("not_applicable");
    await editor.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByText("Ange varför punkten inte är tillämplig."));
    await expectNoAxeViolations(page, "item editor with an error");
    await editor.getByLabel("Varför är punkten inte tillämplig?").fill("Samordnaren är pådrivare");
    await editor.getByRole("button", { name: "Spara" }).click();
    await visible(page.getByText("Punkten är sparad."));
    await containsText(page.locator(".process-item").nth(1), "Ej tillämplig");

    for (const phase of [1, 2, 3, 4, 5]) {
      await settleRest(page, id, phase);
      await completePhase(page, phase);
    }
    await visible(page.getByText("Cykeln är avslutad och kan bara läsas."));
    await expectNoAxeViolations(page, "closed cycle");

    await page.getByLabel("Vad ändras i den nya cykeln?").fill("Ny enkät, samma styrgrupp");
    await page.getByRole("button", { name: "Starta cykel 2" }).click();
    await heading(page, new RegExp(`${AREA}: Cykel 2`));
    await visible(page.getByText("Cykel 2 har startat i fas 2."));
    const detail = await readProcess(page, id);
    expect(detail.currentPhase).toBe(2);
    expect(detail.cycles.map((c) => c.closedOn === null)).toEqual([false, true]);

    // The closed cycle stays readable.
    await page.getByRole("link", { name: "Cykel 1" }).click();
    await heading(page, new RegExp(`${AREA}: Cykel 1`));
    await visible(page.getByText("Cykeln är avslutad och kan bara läsas."));

    // Maja's overview shows the processes she may read: her municipality's, not its neighbours'.
    await page.getByRole("link", { name: /Översikt för Dalslands kommuner/ }).click();
    await heading(page, /Översikt för Dalslands kommuner i samverkan/);
    const table = page.getByRole("table", { name: "Medlemmarnas processer" });
    await containsText(table, AREA);
    expect(await table.textContent()).not.toContain("Mellerud");
    const href = await page.getByRole("link", { name: "Översikten som PDF" }).getAttribute("href");
    const pdf = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { type: res.headers.get("content-type"), start: (await res.text()).slice(0, 5) };
    }, href ?? "");
    expect(pdf).toEqual({ type: "application/pdf", start: "%PDF-" });
  }, 90_000);

  it(
    "shows the Dalsland board every member's process",
    async () => {
      const { page } = await newPage();
      await signIn(page, "analytiker@dalsland.example");
      await page.goto("/process");
      await heading(page, "Förebyggande process");
      await page.getByRole("link", { name: /Översikt för Dalslands kommuner/ }).click();
      await heading(page, /Översikt för Dalslands kommuner i samverkan/);
      const table = page.getByRole("table", { name: "Medlemmarnas processer" });
      for (const name of ["Bengtsfors", "Mellerud", "Åmål"]) await containsText(table, name);
      // Bengtsfors' latest prioritisation, read live from its area profile: the demo's, or a newer
      // one when the profile journey has recorded one in this run's shared demo database.
      const bengtsfors = table
        .getByRole("row")
        .filter({ has: page.getByRole("cell", { name: "Bengtsfors", exact: true }) });
      await containsText(bengtsfors, /[a-zåäö], [A-ZÅÄÖ]/);
      expect(await bengtsfors.first().textContent()).not.toContain("Ingen prioritering ännu");
      await expectNoAxeViolations(page, "board overview");
    },
    TIMEOUT * 3,
  );

  it(
    "shows Bengtsfors in phase 3 with its readiness linked, and gives it its own checklist version",
    async () => {
      const { page } = await newPage();
      await signIn(page, MAJA);
      await page.goto("/process");
      await heading(page, "Förebyggande process");
      await page.getByRole("link", { name: "Bengtsfors", exact: true }).click();
      await heading(page, /Bengtsfors: Cykel 1/);
      await visible(
        page.getByRole("link", {
          name: /Beredskapsmätning: ANDT 2024|Beredskapsmätning ANDT 2024/,
        }),
      );
      expect(await page.getByText("Pågår").count()).toBeGreaterThan(0);
      // Phase 3 builds on the area profile: its waves and the work group's prioritisation.
      const profile = page.getByRole("region", { name: "Områdesprofilen för kommunen" });
      await visible(profile.getByRole("link", { name: /^Prioritering .*Skolenkäten 2024/ }));
      await containsText(profile, "Låg anknytning till närområdet (risk)");

      // Bengtsfors' own checklist: a copy of Paraply's with one milestone reworded.
      await page.goto("/process/checklists");
      await heading(page, "Checklistor");
      await expectNoAxeViolations(page, "checklists");
      await page.getByRole("button", { name: /^Kopiera och ändra\s*: Paraplys/ }).click();
      const editor = page.getByRole("form", { name: /Ny version utifrån/ });
      await selectByText(editor.getByLabel("Ägs av"), /^Bengtsfors$/);
      await editor
        .getByLabel("Text på svenska")
        .nth(23)
        .fill("Insatserna från Dalslandsmodellen är beslutade");
      await expectNoAxeViolations(page, "checklist editor");
      await editor.getByRole("button", { name: "Spara som ny version" }).click();
      await visible(page.getByText("Checklistan är sparad som version 1."));

      await page.goto("/process");
      await page.getByRole("link", { name: "Bengtsfors", exact: true }).click();
      await heading(page, /Bengtsfors: Cykel 1/);
      await selectByText(page.getByLabel("Använd checklista"), /Version 1/);
      await page.getByRole("button", { name: "Byt checklista" }).click();
      await visible(page.getByText("Checklistan gäller nu för faser som inte har startat."));
      await visible(page.getByText("Insatserna från Dalslandsmodellen är beslutade"));
    },
    TIMEOUT * 4,
  );
});
