import { generate } from "otplib";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { freshCode } from "../test/helpers/totp.ts";
import {
  browserPerFile,
  containsText,
  expectNoAxeViolations,
  hasCount,
  heading,
  nav,
  newPage,
  signIn,
  signOut,
  submitPassword,
  visible,
} from "./helpers.ts";

const ADMIN = "admin@paraply.example";
const USER_PASSWORD = "Ett-langt-losenord-2026";
const UNIT = "Elevhälsan Sandviken (Enhet, Skola)";

browserPerFile();

/** Creates a reader at a demo unit through the users page (as the signed-in admin). */
async function createReader(page: Page, label: string) {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `${label}.${suffix}@sandviken.example`;
  const name = `${label} ${suffix}`;
  await nav(page, "Användare");
  const form = page.getByRole("region", { name: "Lägg till användare" });
  await form.getByLabel("E-postadress").fill(email);
  await form.getByLabel("Namn").fill(name);
  await form.getByLabel("Lösenord").fill(USER_PASSWORD);
  await form.getByLabel("Roll").selectOption({ label: "Läsare" });
  await form.getByLabel("Organisation").selectOption({ label: UNIT });
  await form.getByRole("button", { name: "Lägg till användare" }).click();
  await heading(page, name);
  await visible(page.getByRole("cell", { name: "Läsare" }));
  return email;
}

/** Starts enrolment on Mitt konto, reads the secret on the page and enables with a fresh code. */
async function enrol(page: Page): Promise<string> {
  const card = page.getByRole("heading", { level: 2, name: "Tvåstegsverifiering" }).locator("..");
  await visible(card.getByText("Tvåstegsverifiering är inte aktiverad."));
  await page.getByRole("button", { name: "Aktivera tvåstegsverifiering" }).click();
  const secretCell = page.getByTestId("totp-secret");
  await visible(secretCell);
  const secret = (await secretCell.textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectNoAxeViolations(page, "account: enrolment started");
  await page.getByLabel("Kod", { exact: true }).fill(await freshCode(secret));
  await page.getByRole("button", { name: "Aktivera", exact: true }).click();
  await containsText(page.getByRole("status"), "Tvåstegsverifiering är aktiverad.");
  await visible(page.getByText("Tvåstegsverifiering är aktiverad för ditt konto."));
  await visible(page.getByRole("button", { name: "Stäng av tvåstegsverifiering" }));
  await expectNoAxeViolations(page, "account: two-factor enabled");
  return secret;
}

describe("account journey", () => {
  it("enrols in two-factor, signs in with a code, changes the password", async () => {
    const admin = await newPage();
    await signIn(admin.page, ADMIN);
    // The administrator stays on the new reader's page for the end of the journey.
    const email = await createReader(admin.page, "tvasteg");

    const { context, page } = await newPage();
    await signIn(page, email, USER_PASSWORD);
    await nav(page, "Mitt konto");
    await expectNoAxeViolations(page, "account");
    const secret = await enrol(page);
    await signOut(page);

    // The password alone is not enough: the code step follows
    await submitPassword(page, email, USER_PASSWORD);
    await heading(page, "Tvåstegsverifiering");
    await visible(page.getByText("Ange den sexsiffriga koden från din autentiseringsapp."));
    await expectNoAxeViolations(page, "login: code step");

    // Not six digits: client-side validation
    await page.getByLabel("Kod", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Verifiera" }).click();
    await visible(page.getByText("Koden består av sex siffror."));
    await expectNoAxeViolations(page, "login: code validation");

    // A wrong code: the Swedish error from the server
    const right = await generate({ secret });
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    await page.getByLabel("Kod", { exact: true }).fill(wrong);
    await page.getByRole("button", { name: "Verifiera" }).click();
    await visible(page.getByText("Koden stämmer inte."));
    await heading(page, "Tvåstegsverifiering");
    await expectNoAxeViolations(page, "login: wrong code");

    // The right code signs in
    await page.getByLabel("Kod", { exact: true }).fill(await freshCode(secret));
    await page.getByRole("button", { name: "Verifiera" }).click();
    await heading(page, /^Välkommen/);
    await expectNoAxeViolations(page, "home after two-factor");

    // Change the password; the old one stops working
    const newPassword = "Ett-nytt-langt-losenord-2026";
    await nav(page, "Mitt konto");
    const pw = page.getByRole("form", { name: "Byt lösenord" });
    await pw.getByLabel("Nuvarande lösenord").fill(USER_PASSWORD);
    await pw.getByLabel("Nytt lösenord", { exact: true }).fill(newPassword);
    await pw.getByLabel("Upprepa nytt lösenord").fill(`${newPassword}-x`);
    await pw.getByRole("button", { name: "Byt lösenord" }).click();
    await visible(page.getByText("Lösenorden är inte lika.").first());
    await expectNoAxeViolations(page, "account: password mismatch");
    await pw.getByLabel("Upprepa nytt lösenord").fill(newPassword);
    await pw.getByRole("button", { name: "Byt lösenord" }).click();
    await containsText(page.getByRole("status"), "Lösenordet är bytt.");
    await expectNoAxeViolations(page, "account: password changed");
    await signOut(page);

    await submitPassword(page, email, USER_PASSWORD);
    await containsText(page.getByRole("alert"), "Fel e-postadress eller lösenord.");
    await submitPassword(page, email, newPassword);
    await heading(page, "Tvåstegsverifiering");
    await page.getByLabel("Kod", { exact: true }).fill(await freshCode(secret));
    await page.getByRole("button", { name: "Verifiera" }).click();
    await heading(page, /^Välkommen/);

    // A device left signed in somewhere: the administrator signs the reader out everywhere
    await admin.page.reload();
    await admin.page.getByRole("button", { name: "Logga ut från alla enheter" }).click();
    await containsText(admin.page.getByRole("status"), "Användaren är utloggad från 1 enhet.");
    await page.reload();
    await heading(page, "Logga in");

    // The phone is lost: an administrator turns two-factor off; the password alone signs in again
    const resetTotp = admin.page.getByRole("button", { name: "Stäng av tvåstegsverifiering" });
    await visible(resetTotp);
    await expectNoAxeViolations(admin.page, "user: two-factor on");
    await resetTotp.click();
    await containsText(admin.page.getByRole("status"), "Tvåstegsverifieringen har stängts av.");
    await hasCount(resetTotp, 0);
    await expectNoAxeViolations(admin.page, "user: two-factor turned off");
    await admin.context.close();
    await submitPassword(page, email, newPassword);
    await heading(page, /^Välkommen/);
    await context.close();
  });

  it("a role that requires two-factor sends a new reader to enrol before anything else", async () => {
    const admin = await newPage();
    await signIn(admin.page, ADMIN);
    const original = await admin.page.evaluate(async () => {
      const response = await fetch("/api/settings/security");
      return (await response.json()) as { requireMfaForRoles: string[] };
    });
    const user = await newPage();
    try {
      await nav(admin.page, "Inställningar");
      const reader = admin.page.getByRole("checkbox", { name: "Läsare", exact: true });
      if (!(await reader.isChecked())) await reader.check();
      await admin.page.getByRole("button", { name: "Spara" }).click();
      await containsText(admin.page.getByRole("status"), "Säkerhetsinställningarna är sparade.");
      await expectNoAxeViolations(admin.page, "settings saved");
      const email = await createReader(admin.page, "kravlasare");

      const { page } = user;
      await submitPassword(page, email, USER_PASSWORD);
      await heading(page, "Mitt konto");
      expect(new URL(page.url()).pathname).toBe("/account");
      await visible(
        page.getByText("Din roll kräver tvåstegsverifiering. Aktivera den för att fortsätta."),
      );
      await expectNoAxeViolations(page, "account: enrolment required");

      // Other pages lead back to Mitt konto, and the API refuses too
      for (const path of ["/", "/organisations", "/users"]) {
        await page.goto(path);
        await heading(page, "Mitt konto");
        expect(new URL(page.url()).pathname).toBe("/account");
      }
      const status = await page.evaluate(async () => (await fetch("/api/organisations")).status);
      expect(status).toBe(403);

      await enrol(page);
      await hasCount(
        page.getByText("Din roll kräver tvåstegsverifiering. Aktivera den för att fortsätta."),
        0,
      );
      // After enrolment the app works
      await nav(page, "Organisationer");
      await expectNoAxeViolations(page, "organisations after enrolment");
      await page.goto("/");
      await heading(page, /^Välkommen/);
    } finally {
      const restored = await admin.page.evaluate(async (body) => {
        const response = await fetch("/api/settings/security", {
          method: "PUT",
          headers: { accept: "application/json", "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        return (await response.json()) as { requireMfaForRoles: string[] };
      }, original);
      expect(restored.requireMfaForRoles.sort()).toEqual(original.requireMfaForRoles.sort());
      await user.context.close();
      await admin.context.close();
    }
  });
});
