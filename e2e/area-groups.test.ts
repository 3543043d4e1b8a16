import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const PASSWORD = "Paraply-demo-2026";
const baseUrl = inject("baseUrl");
const TIMEOUT = 10_000;
let browser: Browser;

const visible = (l: Locator) => l.first().waitFor({ state: "visible", timeout: TIMEOUT });
const containsText = (l: Locator, text: string) =>
  expect.poll(() => l.first().textContent(), { timeout: TIMEOUT }).toContain(text);

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
  });
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoAxeViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = result.violations.map((v) => ({
    page: name,
    id: v.id,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}

describe("area groupings", () => {
  it("org admin sees Bengtsfors's groupings and creates one with a group and an area", async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: "sv-SE",
    });
    const page = await context.newPage();
    const suffix = Date.now().toString(36);
    const setName = `DeSO ${suffix}`;
    const groupName = `Grupp ${suffix}`;

    await page.goto("/login");
    await page.getByLabel("E-postadress").fill("orgadmin@dalsland.example");
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("heading", { level: 1, name: /^Välkommen/ }).waitFor();

    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Organisationer" })
      .click();
    await page.getByRole("link", { name: "Bengtsfors", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Bengtsfors" }).waitFor();

    const section = page.getByRole("region", { name: "Områdesindelningar" });
    await visible(section.getByRole("heading", { level: 3, name: "Stadsdelar" }));
    await visible(section.getByRole("heading", { level: 3, name: "Skolupptagningsområden" }));
    const districts = section.getByRole("region", { name: "Stadsdelar" });
    await containsText(districts, "Norra kommundelen: Bengtsfors centrum, Billingsfors");

    // A new grouping with one group holding one area.
    const create = section.getByRole("form", { name: "Ny områdesindelning" });
    await create.getByLabel("Indelningens namn").fill(setName);
    await create.getByLabel("Typ av indelning").selectOption({ label: "DeSO" });
    await create.getByRole("button", { name: "Skapa indelning" }).click();
    await containsText(page.getByRole("status"), `Indelningen ${setName} har skapats.`);

    const set = section.getByRole("region", { name: setName });
    await visible(set);
    await set.getByLabel("Gruppens namn").fill(groupName);
    await set.getByRole("button", { name: "Lägg till grupp" }).click();
    await containsText(page.getByRole("status"), `Gruppen ${groupName} har lagts till`);

    await set.getByRole("button", { name: `Välj områden för ${groupName}` }).click();
    const members = set.getByRole("group", { name: `Områden i ${groupName}` });
    await visible(members);
    await expectNoAxeViolations(page, "organisation detail with area groupings open");
    await members.getByLabel("Bäckefors").check();
    await set.getByRole("button", { name: "Spara områden" }).click();
    await containsText(page.getByRole("status"), `Områdena i ${groupName} är sparade.`);
    await containsText(set, `${groupName}: Bäckefors`);
    await expectNoAxeViolations(page, "organisation detail after saving areas");
    await context.close();
  });
});
