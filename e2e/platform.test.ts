import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  containsText,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  hasAttribute,
  hasCount,
  heading,
  nav,
  newPage,
  PASSWORD,
  signIn,
  signOut,
  visible,
} from "./helpers.ts";

browserPerFile();

describe("platform journey", () => {
  it("org admin creates an area, a unit and a user, sees each step in the audit log, signs out", async () => {
    const { context, page } = await newPage();
    const suffix = Date.now().toString(36);
    const areaName = `Centrum ${suffix}`;
    const unitName = `Centrumskolan ${suffix}`;
    const userName = `Test Testsson ${suffix}`;
    const userEmail = `test.${suffix}@bengtsfors.example`;

    await page.goto("/login");
    await heading(page, "Logga in");
    await hasAttribute(page.locator("html"), "lang", "sv");
    await expectNoAxeViolations(page, "login");

    await signIn(page, "orgadmin@dalsland.example");
    await expectNoAxeViolations(page, "home");
    await visible(page.getByRole("cell", { name: "Organisationsadministratör" }));

    await nav(page, "Organisationer");
    await expectNoAxeViolations(page, "organisations");
    await page.getByRole("link", { name: "Bengtsfors", exact: true }).first().click();
    await heading(page, "Bengtsfors");
    await expectNoAxeViolations(page, "organisation detail");

    // Area under Bengtsfors
    let create = page.getByRole("region", { name: "Lägg till underordnad" });
    await create.getByLabel("Typ av organisation").selectOption({ label: "Område" });
    await create.getByLabel("Namn").fill(areaName);
    await create.getByLabel("Områdestyp").selectOption({ label: "Stadsdel/distrikt" });
    await create.getByRole("button", { name: "Skapa" }).click();
    await heading(page, areaName);
    await containsText(page.getByRole("status"), `${areaName} har skapats.`);

    // Unit in the area
    create = page.getByRole("region", { name: "Lägg till underordnad" });
    await create.getByLabel("Typ av organisation").selectOption({ label: "Enhet" });
    await create.getByLabel("Namn").fill(unitName);
    await create.getByLabel("Sektor").selectOption({ label: "Skola" });
    await create.getByRole("button", { name: "Skapa" }).click();
    await heading(page, unitName);
    await visible(page.getByText("Skola", { exact: true }).first());
    await expectNoAxeViolations(page, "unit detail");

    // User with a role at the unit
    await nav(page, "Användare");
    await expectNoAxeViolations(page, "users");
    const form = page.getByRole("region", { name: "Lägg till användare" });
    await form.getByLabel("E-postadress").fill(userEmail);
    await form.getByLabel("Namn").fill(userName);
    await form.getByLabel("Lösenord").fill("Ett-langt-losenord-2026");
    await form.getByLabel("Roll").selectOption({ label: "Praktiker" });
    await form.getByLabel("Organisation").selectOption({ label: `${unitName} (Enhet, Skola)` });
    await form.getByRole("button", { name: "Lägg till användare" }).click();
    await heading(page, userName);
    await visible(page.getByRole("cell", { name: "Praktiker" }));
    await visible(page.getByRole("cell", { name: unitName }));
    await expectNoAxeViolations(page, "user detail");

    // The audit log shows the three steps
    await nav(page, "Granskningslogg");
    const table = page.getByRole("table", { name: "Händelser i granskningsloggen" });
    await table.waitFor();
    // Events and details in Swedish, the actor by name, the subject named and linked
    const areaRow = table.getByRole("row").filter({ hasText: `Namn: ${areaName}` });
    await containsText(areaRow, "Organisation skapad");
    await containsText(areaRow, "Olle Organisatör");
    await hasAttribute(areaRow.getByRole("link", { name: areaName }), "href", /\/organisations\//);
    await containsText(
      table.getByRole("row").filter({ hasText: `Namn: ${unitName}` }),
      "Organisation skapad",
    );
    await containsText(table.getByRole("row").filter({ hasText: userEmail }), "Användare skapad");
    await hasCount(
      table.getByText("organisation.create", { exact: true }).filter({ visible: true }),
      0,
    );
    await expectNoAxeViolations(page, "audit");
    await hasAttribute(
      page.getByRole("link", { name: "Exportera som Excel (XLSX)" }),
      "href",
      /\/api\/audit\/export\.csv\?format=xlsx/,
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exportera som CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFNr;Tidpunkt;Utförare;")).toBe(true);
    expect(csv).toContain(
      `;Olle Organisatör;orgadmin@dalsland.example;organisation.create;Lyckades;${areaName};`,
    );

    // Filtering by action narrows the table
    await page.getByLabel("Händelse", { exact: true }).fill("user.create");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await hasCount(table.getByRole("row").filter({ hasText: "Organisation skapad" }), 0);
    await hasCount(table.getByRole("row").filter({ hasText: userEmail }), 1);

    await nav(page, "Mitt konto");
    await expectNoAxeViolations(page, "account");

    await signOut(page);
    await page.goto("/users");
    await heading(page, "Logga in");
    await context.close();
  });

  it("system admin sees the security settings; an org admin has no settings link", async () => {
    const { context, page } = await newPage();
    await signIn(page, "admin@paraply.example");
    await nav(page, "Inställningar");
    await visible(page.getByRole("group", { name: "Roller som kräver tvåstegsverifiering" }));
    await visible(page.getByRole("checkbox", { name: "Praktiker" }));
    await expectNoAxeViolations(page, "settings");
    await context.close();

    const other = await newPage();
    await signIn(other.page, "orgadmin@dalsland.example");
    const menu = other.page.getByRole("navigation", { name: "Huvudmeny" });
    await visible(menu.getByRole("link", { name: "Granskningslogg" }));
    await hasCount(menu.getByRole("link", { name: "Inställningar" }), 0);
    await other.context.close();
  });

  it("a wrong password shows the Swedish error message", async () => {
    const { context, page } = await newPage();
    await page.goto("/login");
    await page.getByLabel("E-postadress").fill("lasare@mellerud.example");
    await page.getByLabel("Lösenord").fill("inte-ratt-losenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await containsText(page.getByRole("alert"), "Fel e-postadress eller lösenord.");
    await expectNoAxeViolations(page, "login error");
    // Empty fields: an error summary linking to the fields
    await page.getByLabel("E-postadress").fill("");
    await page.getByLabel("Lösenord").fill("");
    await page.getByRole("button", { name: "Logga in" }).click();
    await hasAttribute(
      page.getByRole("link", { name: "Ange din e-postadress." }),
      "href",
      "#login-email",
    );
    await hasAttribute(page.getByLabel("E-postadress"), "aria-invalid", "true");
    await expectNoAxeViolations(page, "login validation");
    await context.close();
  });

  it("signs in with the keyboard only", async () => {
    const { context, page } = await newPage();
    await page.goto("/login");
    await heading(page, "Logga in");
    // The first Tab reaches the skip link
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Hoppa till huvudinnehållet",
    );
    for (let i = 0; i < 10; i++) {
      const type = await page.evaluate(() => document.activeElement?.getAttribute("type"));
      if (type === "email") break;
      await page.keyboard.press("Tab");
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("email");
    await page.keyboard.type("reader-does-not-matter");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("lasare@mellerud.example");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe(
      "password",
    );
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await heading(page, /^Välkommen/);
    // The focused heading after navigating by keyboard
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    expect(focused).toBeTruthy();
    await context.close();
  });

  it("switches the interface to English and keeps it after a reload", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await page.getByLabel("Språk").first().selectOption("en");
    await containsText(page.getByRole("heading", { level: 1 }), /^Welcome/);
    await hasAttribute(page.locator("html"), "lang", "en");
    const menu = page.getByRole("navigation", { name: "Main menu" });
    await visible(menu.getByRole("link", { name: "Organisations" }));
    await visible(page.getByRole("button", { name: "Sign out" }));
    await visible(page.getByRole("cell", { name: "Coordinator" }));
    await page.reload();
    await containsText(page.getByRole("heading", { level: 1 }), /^Welcome/);
    // The preference was saved on the account, not only in this browser
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).json());
    expect(me.locale).toBe("en");
    await expectNoAxeViolations(page, "home (en)");
    await page.getByLabel("Language").first().selectOption("sv");
    await hasAttribute(page.locator("html"), "lang", "sv");
    await context.close();
  });

  it("has no horizontal scrolling at 640 px width (200 % zoom)", async () => {
    const { context, page } = await newPage({ viewport: { width: 640, height: 800 } });
    await page.goto("/login");
    await heading(page, "Logga in");
    await expectNoHorizontalScroll(page, "login");
    await signIn(page, "orgadmin@dalsland.example");
    await expectNoHorizontalScroll(page, "home");
    for (const [path, title] of [
      ["/organisations", "Organisationer"],
      ["/users", "Användare"],
      ["/audit", "Granskningslogg"],
      ["/account", "Mitt konto"],
    ] as const) {
      await page.goto(path);
      await heading(page, title);
      await page.waitForLoadState("networkidle");
      await expectNoHorizontalScroll(page, path);
    }
    await page.goto("/organisations");
    await page.getByRole("link", { name: "Bengtsfors", exact: true }).first().click();
    await heading(page, "Bengtsfors");
    await expectNoHorizontalScroll(page, "organisation detail");
    // The user list with its rows (people in Dalsland), not only its heading, fits the width.
    await page.goto("/users");
    await visible(page.getByRole("link", { name: "Maja Lindqvist", exact: true }));
    await visible(page.getByRole("link", { name: "Leif Berg", exact: true }));
    await expectNoHorizontalScroll(page, "user list with rows");
    await context.close();
  });
});
