import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  checkNarrow,
  expectNoAxeViolations,
  heading,
  newPage,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

/** Issue 16, item 1: Översikt is where the day starts. Reads the demo data; changes nothing. */
browserPerFile();

const HONOUR = "Bengtsfors: hedersrelaterat våld och förtryck";
const VIOLENCE = "Åmål: våld i nära relationer";

/** The section of the home page under an h2, and the group under an h3 inside it. */
const section = (page: Page, name: string) => page.getByRole("region", { name });
const group = (page: Page, name: RegExp) =>
  section(page, "Väntar på dig").getByRole("region", { name });

/** The links of one group, as their accessible names. */
async function linkNames(page: Page, name: RegExp): Promise<string[]> {
  await visible(group(page, name));
  return group(page, name)
    .getByRole("link")
    .evaluateAll((links) => links.map((l) => l.textContent ?? ""));
}

async function expectModuleCards(page: Page) {
  const modules = section(page, "Det här kan du använda");
  await visible(modules.getByRole("heading", { level: 3, name: "Beredskap" }));
  await visible(modules.getByText(/^Mät hur redo en kommun är/));
  await visible(modules.getByRole("link", { name: "Beredskap" }));
  await visible(modules.getByRole("heading", { level: 3, name: "Organisation och konto" }));
}

describe("the home page", () => {
  it("shows the coordinator the score sheet and the consensus waiting for her", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    expect(await linkNames(page, /^Intervjuer att poängsätta/)).toContain(`Intervju 2, ${HONOUR}`);
    expect(await linkNames(page, /^Mätningar där konsensus kan sättas/)).toContain(HONOUR);
    // The demo's 2024 wave has its prioritisation; the 2026 wave waits for one (the profile
    // journey may have added another wave to the shared demo database before this test).
    const waiting = await linkNames(page, /^Omgångar där ingen prioritering är gjord/);
    expect(waiting).toContainEqual(expect.stringMatching(/^Bengtsfors.*: Skolenkäten 2026$/));
    expect(waiting.every((name) => name.startsWith("Bengtsfors"))).toBe(true);
    await expectModuleCards(page);
    await visible(section(page, "Pågår i dina organisationer").getByRole("link", { name: HONOUR }));
    // Complete measurements wait for no one and are not in progress.
    await expect
      .poll(() => page.getByRole("link", { name: /alkohol, narkotika/ }).count(), {
        timeout: TIMEOUT,
      })
      .toBe(0);
    await expectNoAxeViolations(page, "home (coordinator)");
    await checkNarrow(page, "home-coordinator");

    // The link opens the sheet it names.
    await group(page, /^Intervjuer att poängsätta/)
      .getByRole("link", { name: `Intervju 2, ${HONOUR}` })
      .click();
    await heading(page, "Poängsättning av intervju 2");
    await context.close();
  });

  it("shows the analyst Åmål's sheet to score and Bengtsfors' consensus to set", async () => {
    const { context, page } = await newPage();
    await signIn(page, "analytiker@dalsland.example");
    expect(await linkNames(page, /^Intervjuer att poängsätta/)).toContain(
      `Intervju 2, ${VIOLENCE}`,
    );
    expect(await linkNames(page, /^Mätningar där konsensus kan sättas/)).toEqual([HONOUR]);
    // The analyst leads Åmål's measurement and held its interviews, not yet scored by anyone.
    expect(await linkNames(page, /^Intervjuer du håller/)).toContain(`Intervju 2, ${VIOLENCE}`);
    await expectModuleCards(page);
    await expectNoAxeViolations(page, "home (analyst)");
    await checkNarrow(page, "home-analyst");

    await group(page, /^Mätningar där konsensus kan sättas/)
      .getByRole("link", { name: HONOUR })
      .click();
    await heading(page, /Konsensus/);
    await context.close();
  });

  it("tells a reader elsewhere that nothing waits, and shows what the reader can use", async () => {
    const { context, page } = await newPage();
    await signIn(page, "lasare@mellerud.example");
    await visible(section(page, "Väntar på dig").getByText("Inget väntar på dig just nu."));
    await expectModuleCards(page);
    await expect
      .poll(() => page.getByRole("link", { name: new RegExp(`${HONOUR}|${VIOLENCE}`) }).count(), {
        timeout: TIMEOUT,
      })
      .toBe(0);
    await expectNoAxeViolations(page, "home (reader)");
    await context.close();
  });
});
