import { describe, it } from "vitest";
import {
  browserPerFile,
  containsText,
  expectNoAxeViolations,
  heading,
  nav,
  newPage,
  signIn,
  visible,
} from "./helpers.ts";

browserPerFile();

describe("area groupings", () => {
  it("org admin sees Bengtsfors's groupings and creates one with a group and an area", async () => {
    const { context, page } = await newPage();
    const suffix = Date.now().toString(36);
    const setName = `DeSO ${suffix}`;
    const groupName = `Grupp ${suffix}`;

    await signIn(page, "orgadmin@dalsland.example");
    await nav(page, "Organisationer");
    await page.getByRole("link", { name: "Bengtsfors", exact: true }).first().click();
    await heading(page, "Bengtsfors");

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
