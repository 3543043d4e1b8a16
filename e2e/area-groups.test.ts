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

  it("org admin renames, edits and deletes groupings and groups, with a confirmation step", async () => {
    const { context, page } = await newPage();
    const suffix = Date.now().toString(36);
    const setName = `Fritidsområden ${suffix}`;
    const renamedSet = `Fritidsdistrikt ${suffix}`;
    const north = `Norr ${suffix}`;
    const renamedNorth = `Nordväst ${suffix}`;
    const south = `Söder ${suffix}`;

    await signIn(page, "orgadmin@dalsland.example");
    await nav(page, "Organisationer");
    await page.getByRole("link", { name: "Bengtsfors", exact: true }).first().click();
    await heading(page, "Bengtsfors");
    const municipalityId = new URL(page.url()).pathname.split("/").pop();

    // A grouping with two groups, made through the API: the first test covers the create forms.
    const created = await context.request.post(
      `/api/organisations/${municipalityId}/area-group-sets`,
      { data: { name: setName, kind: "district" } },
    );
    expect(created.status()).toBe(201);
    const setId = ((await created.json()) as { id: string }).id;
    for (const name of [north, south]) {
      const group = await context.request.post(`/api/area-group-sets/${setId}/groups`, {
        data: { name },
      });
      expect(group.status()).toBe(201);
    }
    await page.reload();
    await heading(page, "Bengtsfors");

    const section = page.getByRole("region", { name: "Områdesindelningar" });
    let set = section.getByRole("region", { name: setName });
    await visible(set);
    await set.getByRole("button", { name: `Välj områden för ${south}` }).click();
    await set
      .getByRole("group", { name: `Områden i ${south}` })
      .getByLabel("Bäckefors")
      .check();
    await set.getByRole("button", { name: "Spara områden" }).click();
    await containsText(set, `${south}: Bäckefors`);

    // Rename the grouping and give it a description; the name field takes focus on opening.
    const editSet = set.getByRole("button", { name: `Byt namn/ändra indelningen ${setName}` });
    await editSet.click();
    const setForm = set.getByRole("form", { name: `Ändra indelningen ${setName}` });
    await visible(setForm);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("id")), {
        timeout: TIMEOUT,
      })
      .toBe(`area-group-set-${setId}-edit-name`);
    await expectNoAxeViolations(page, "area groupings with a grouping's edit form");
    await checkNarrow(page, "area-groups-edit");
    await setForm.getByLabel("Indelningens namn").fill(renamedSet);
    await setForm.getByLabel("Beskrivning").fill("Används för fritidsgårdarnas uppföljning.");
    await setForm.getByRole("button", { name: "Spara ändringarna" }).click();
    await containsText(page.getByRole("status"), `Indelningen ${renamedSet} är sparad.`);
    set = section.getByRole("region", { name: renamedSet });
    await containsText(set, "Används för fritidsgårdarnas uppföljning.");

    // Rename a group (groups have a name only: the API has no description for them).
    await set.getByRole("button", { name: `Byt namn/ändra gruppen ${north}` }).click();
    const groupForm = set.getByRole("form", { name: `Byt namn på gruppen ${north}` });
    await groupForm.getByLabel("Gruppens namn").fill(renamedNorth);
    await groupForm.getByRole("button", { name: "Spara ändringarna" }).click();
    await containsText(page.getByRole("status"), `Gruppen ${renamedNorth} är sparad.`);
    await containsText(set, `${renamedNorth}: inga områden`);

    // Someone else renames the other group while its form is open: 409, reload, try again.
    await set.getByRole("button", { name: `Byt namn/ändra gruppen ${south}` }).click();
    const southForm = set.getByRole("form", { name: `Byt namn på gruppen ${south}` });
    const list = (await (
      await context.request.get(`/api/organisations/${municipalityId}/area-group-sets`)
    ).json()) as {
      sets: { id: string; groups: { id: string; name: string; version: number }[] }[];
    };
    const current = list.sets.find((s) => s.id === setId)?.groups.find((g) => g.name === south);
    const other = await context.request.patch(`/api/area-groups/${current?.id}`, {
      data: { name: `${south} B`, version: current?.version },
    });
    expect(other.status()).toBe(200);
    await southForm.getByLabel("Gruppens namn").fill(`${south} C`);
    await southForm.getByRole("button", { name: "Spara ändringarna" }).click();
    await visible(set.getByText(`Någon annan har ändrat gruppen ${south} sedan du öppnade den.`));
    await set.getByRole("button", { name: "Ladda om" }).click();
    const reloadedForm = set.getByRole("form", { name: `Byt namn på gruppen ${south} B` });
    await expect
      .poll(() => reloadedForm.getByLabel("Gruppens namn").inputValue(), { timeout: TIMEOUT })
      .toBe(`${south} B`);
    await reloadedForm.getByRole("button", { name: "Avbryt" }).click();
    const southB = `${south} B`;

    // Delete a group by keyboard through the confirmation, which names what goes and what stays.
    const removeSouth = set.getByRole("button", { name: `Ta bort gruppen ${southB}` });
    await removeSouth.focus();
    await page.keyboard.press("Enter");
    const confirm = set.getByRole("form", { name: `Ta bort gruppen ${southB}?` });
    await visible(confirm);
    await containsText(confirm, `Gruppen ${southB} tas bort ur indelningen ${renamedSet}.`);
    await containsText(confirm, "Dess områden (Bäckefors)");
    await containsText(confirm, "Själva områdena finns kvar");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: TIMEOUT })
      .toBe(`Ta bort gruppen ${southB}?`);
    await expectNoAxeViolations(page, "area groupings with a group's delete confirmation");
    await checkNarrow(page, "area-groups-confirm");
    await confirm.getByRole("button", { name: "Ja, ta bort gruppen" }).click();
    await containsText(
      page.getByRole("status"),
      `Gruppen ${southB} är borttagen ur ${renamedSet}.`,
    );
    await hasCount(set.getByText(southB), 0);

    // After a reload the page shows what was saved.
    await page.reload();
    await heading(page, "Bengtsfors");
    set = section.getByRole("region", { name: renamedSet });
    await visible(set);
    await containsText(set, "Används för fritidsgårdarnas uppföljning.");
    await containsText(set, `${renamedNorth}: inga områden`);
    await hasCount(set.getByText(southB), 0);
    await hasCount(section.getByRole("region", { name: setName }), 0);
    // The area itself is still there, in its other groupings.
    await containsText(section.getByRole("region", { name: "Stadsdelar" }), "Bäckefors");

    // Delete the whole grouping; focus moves to the section once its card is gone.
    await set.getByRole("button", { name: `Ta bort indelningen ${renamedSet}` }).click();
    const confirmSet = set.getByRole("form", { name: `Ta bort indelningen ${renamedSet}?` });
    await containsText(confirmSet, `alla sina grupper: ${renamedNorth}.`);
    await confirmSet.getByRole("button", { name: "Ja, ta bort indelningen" }).click();
    await containsText(page.getByRole("status"), `Indelningen ${renamedSet} är borttagen.`);
    await hasCount(section.getByRole("region", { name: renamedSet }), 0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: TIMEOUT })
      .toBe("area-groups-heading");
    await page.reload();
    await heading(page, "Bengtsfors");
    await visible(section.getByRole("heading", { level: 3, name: "Stadsdelar" }));
    await hasCount(section.getByRole("region", { name: renamedSet }), 0);
    await context.close();
  });
});
