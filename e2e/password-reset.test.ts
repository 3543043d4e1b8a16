import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { addressesOf, resetLinkOf } from "../test/helpers/smtp.ts";
import {
  browserPerFile,
  checkNarrow,
  expectNoAxeViolations,
  hasAttribute,
  heading,
  newPage,
  PASSWORD,
  signIn,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

const NEW_PASSWORD = "Mitt-nya-losenord-2026";

/** A reader of its own, made through the API as the demo administrator. */
async function createReader(page: Page): Promise<string> {
  await page.request.post("/api/auth/login", {
    data: { email: "admin@paraply.example", password: PASSWORD },
  });
  const organisations = (await (await page.request.get("/api/organisations")).json()) as {
    id: string;
    kind: string;
  }[];
  const municipality = organisations.find((o) => o.kind === "municipality")!;
  const email = `glomt.${Date.now().toString(36)}@sandviken.example`;
  const res = await page.request.post("/api/users", {
    data: {
      email,
      displayName: "Glömsk Läsare",
      password: "Det-gamla-losenordet-1",
      role: "reader",
      organisationId: municipality.id,
    },
  });
  expect(res.status()).toBe(201);
  await page.request.post("/api/auth/logout");
  return email;
}

/** The e-mail to the address that the run's SMTP server has written to its directory. */
async function mailTo(email: string) {
  const dir = inject("mailDir");
  let found: Awaited<ReturnType<typeof simpleParser>> | undefined;
  await expect
    .poll(
      async () => {
        for (const file of await readdir(dir)) {
          const mail = await simpleParser(await readFile(path.join(dir, file)));
          if (addressesOf(mail).includes(email)) found = mail;
        }
        return Boolean(found);
      },
      { timeout: TIMEOUT },
    )
    .toBe(true);
  return found!;
}

describe("forgot password", () => {
  it("sends a link by e-mail that sets a new password, then signs in with it", async () => {
    const { context, page } = await newPage();
    const email = await createReader(page);

    await page.goto("/login");
    await heading(page, "Logga in");
    await hasAttribute(page.getByRole("link", { name: "Hjälp" }), "href", "/help#logga-in");
    await page.getByRole("link", { name: "Glömt lösenord?" }).click();
    await heading(page, "Glömt lösenord?");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByRole("button", { name: "Skicka länk" }).click();
    await visible(page.getByRole("status").filter({ hasText: "har vi skickat en länk" }));
    await expectNoAxeViolations(page, "password-reset-request");

    const link = resetLinkOf(await mailTo(email));
    expect(link.origin).toBe(new URL(inject("baseUrl")).origin);
    await page.goto(link.toString());
    await heading(page, "Välj ett nytt lösenord");
    // The token is read and then taken out of the address and the history.
    await expect.poll(() => page.url(), { timeout: TIMEOUT }).not.toContain("token");
    await expectNoAxeViolations(page, "password-reset-confirm");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Upprepa nytt lösenord").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Spara nytt lösenord" }).click();

    await heading(page, "Logga in");
    await visible(page.getByText("Ditt lösenord är bytt."));
    await signIn(page, email, NEW_PASSWORD);

    // The link worked once.
    await page.goto(link.toString());
    await heading(page, "Välj ett nytt lösenord");
    await page.getByLabel("Nytt lösenord", { exact: true }).fill("Ett-tredje-losenord-2026");
    await page.getByLabel("Upprepa nytt lösenord").fill("Ett-tredje-losenord-2026");
    await page.getByRole("button", { name: "Spara nytt lösenord" }).click();
    await visible(page.getByRole("alert").filter({ hasText: "Länken fungerar inte längre" }));
    await visible(page.getByRole("link", { name: "Be om en ny länk" }));
    await context.close();
  });
});

describe("help", () => {
  it("opens the guide at the page's section from the header, without signing in too", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await page
      .getByRole("navigation", { name: "Huvudmeny" })
      .getByRole("link", { name: "Beredskap" })
      .click();
    await hasAttribute(
      page.getByRole("link", { name: "Hjälp" }),
      "href",
      "/help#beredskapsmätning",
    );
    await page.getByRole("link", { name: "Hjälp" }).click();
    await heading(page, "Användarguide för Paraply");
    const section = page.locator("#beredskapsmätning");
    await expect
      .poll(() => section.evaluate((el) => el === document.activeElement), { timeout: TIMEOUT })
      .toBe(true);
    await visible(page.getByRole("navigation", { name: "Innehåll" }));
    await expectNoAxeViolations(page, "help");

    await checkNarrow(page, "help");

    // Open to anyone; in English it says that the guide is in Swedish, and marks it so.
    const anonymous = await newPage();
    await anonymous.page.goto("/help#glömt-lösenord");
    await heading(anonymous.page, "Användarguide för Paraply");
    await visible(anonymous.page.locator("#glömt-lösenord"));
    await anonymous.page.getByLabel("Språk").selectOption("en");
    await visible(anonymous.page.getByText("The user guide is available in Swedish only."));
    await hasAttribute(anonymous.page.locator("article.help__guide"), "lang", "sv");
    await expectNoAxeViolations(anonymous.page, "help-en");
    await context.close();
    await anonymous.context.close();
  });
});
