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

async function axe(page: Page, name: string) {
  await expectNoAxeViolations(page, name);
}

interface Org {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}
interface Item {
  id: string;
  min: number;
  max: number;
}

/** Bengtsfors' areas, nested ones included, as the API lists them to the signed-in person. */
async function bengtsforsAreas(page: Page): Promise<string[]> {
  const orgs = (await (await page.request.get("/api/organisations")).json()) as Org[];
  const municipality = orgs.find(
    (o) => o.kind === "municipality" && o.name.startsWith("Bengtsfors"),
  );
  const below = new Set([municipality?.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs)
      if (o.parentId && below.has(o.parentId) && !below.has(o.id) && o.kind === "area") {
        below.add(o.id);
        grew = true;
      }
  }
  return orgs.filter((o) => o.kind === "area" && below.has(o.id)).map((o) => o.name);
}

/**
 * A small survey file for the built-in instrument: deterministic answers (a linear congruential
 * generator), three grades, two genders coded 1/2 as many school files do, and one row whose
 * answer is out of range so that the review step has something to show.
 */
function surveyCsv(items: Item[], areas: string[], rows: number): { csv: string; badLine: number } {
  let seed = 20260417;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const header = ["elev_id", "omrade", "arskurs", "kon", ...items.map((i) => i.id)];
  const lines = [header.join(";")];
  const badLine = 7;
  for (let r = 0; r < rows; r++) {
    const lean = next();
    const answers = items.map((item) => {
      const span = item.max - item.min;
      return String(
        item.min + Math.min(span, Math.floor((next() * 0.6 + lean * 0.4) * (span + 1))),
      );
    });
    if (lines.length + 1 === badLine) answers[0] = String((items[0]?.max ?? 4) + 5);
    lines.push(
      [
        `E${1000 + r}`,
        areas[r % areas.length],
        String(7 + (r % 3)),
        String(1 + (Math.floor(r / 3) % 2)),
        ...answers,
      ].join(";"),
    );
  }
  return { csv: `${lines.join("\n")}\n`, badLine };
}

describe("area profile journey", () => {
  it("uploads, maps, reviews, imports with progress, shows, compares, prioritises and prints the profile", async () => {
    const { context, page } = await newPage();
    await signIn(page, "samordnare@bengtsfors.example");
    await nav(page, "Områdesprofil");
    await axe(page, "list");

    const instruments = (await (await page.request.get("/api/profile/instruments")).json()) as {
      id: string;
      builtIn: boolean;
    }[];
    const builtIn = instruments.find((i) => i.builtIn);
    expect(builtIn).toBeDefined();
    const detail = (await (
      await page.request.get(`/api/profile/instruments/${builtIn?.id}`)
    ).json()) as { instrument: { items: Item[] } };
    const { csv, badLine } = surveyCsv(detail.instrument.items, await bengtsforsAreas(page), 360);

    // 1. Upload a new wave's file.
    await page.getByRole("link", { name: "Importera enkät" }).click();
    await heading(page, "Importera enkät");
    await axe(page, "import-upload");
    await page.getByLabel("Enkätomgång", { exact: true }).selectOption("new");
    await selectByText(page.getByLabel("Kommun", { exact: true }), /^Bengtsfors/);
    await page.getByLabel("Instrument", { exact: true }).selectOption({ index: 1 });
    await page.getByLabel("Enkätomgång", { exact: true }).last().fill("Skolenkäten 2028");
    await page.getByLabel("År", { exact: true }).fill("2028");
    await page.getByLabel("Fil", { exact: true }).setInputFiles({
      name: "skolenkat-2028.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByRole("button", { name: "Ladda upp" }).click();

    // 2. Map: items are matched by name; area, grade, gender and id are chosen here.
    await visible(page.getByRole("heading", { level: 2, name: "Koppla kolumner" }));
    await containsText(
      page.getByText(/av instrumentets \d+ frågor är kopplade/),
      /^(\d+) av instrumentets \1 frågor/,
    );
    const columnUse = (column: string) => page.getByLabel(`Används som, kolumn ${column}`);
    await columnUse("elev_id").selectOption("respondent");
    await columnUse("omrade").selectOption("area");
    await columnUse("arskurs").selectOption("grade");
    await columnUse("kon").selectOption("gender");
    await page.getByLabel("Koder för kön: 1").selectOption("girl");
    await page.getByLabel("Koder för kön: 2").selectOption("boy");
    await axe(page, "import-map");
    await page.getByRole("button", { name: "Granska filen" }).click();

    // 3. The job reads and checks every row with a progress bar, then lists the problem by line.
    await visible(page.getByRole("heading", { level: 2, name: "Granska problem" }));
    await visible(page.getByRole("cell", { name: String(badLine), exact: true }));
    await axe(page, "import-review");
    const importButton = page.getByRole("button", { name: "Importera", exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: `Utelämna rad ${badLine}` }).check();
    await containsText(
      page.getByRole("status").filter({ hasText: "utelämnas" }),
      "1 rad utelämnas.",
    );
    await importButton.click();

    // 4. Done: the profile of the new wave.
    await containsText(page.getByText(/Importen är klar/), "1 utelämnade");
    await page.getByRole("link", { name: "Visa profilen" }).click();
    await heading(page, /^Skolenkäten 2028/);
    await visible(page.getByRole("heading", { level: 2, name: "Riskfaktorer" }));
    await visible(page.getByRole("img", { name: /^Stapeldiagram, Riskfaktor, Alla elever/ }));
    await axe(page, "wave");
    // A small part of the wave is hidden, with why.
    await page.getByLabel("Årskurs", { exact: true }).selectOption("9");
    await page.getByLabel("Kön", { exact: true }).selectOption("girl");
    await visible(page.getByText(/Det svarta strecket i varje stapel är referensen/));
    await axe(page, "wave-filtered");

    // 5. Compare with the earlier wave (the demo's 2026 wave).
    await page
      .getByRole("navigation", { name: "Omgångens sidor" })
      .getByRole("link", { name: "Jämför" })
      .click();
    await heading(page, "Jämför");
    await page.getByRole("radio", { name: "En tidigare omgång" }).check();
    await page.getByRole("button", { name: "Jämför", exact: true }).click();
    await visible(page.getByRole("heading", { level: 2, name: /jämfört med/ }));
    await containsText(page.locator("table").first(), /test/i);
    await axe(page, "compare");

    // 6. Prioritise two risk and two protective factors with reasons.
    await page
      .getByRole("navigation", { name: "Omgångens sidor" })
      .getByRole("link", { name: "Prioritera" })
      .click();
    await heading(page, "Prioritera");
    await axe(page, "prioritise");
    for (const legend of [/^Riskfaktorer/, /^Skyddsfaktorer/]) {
      const group = page.getByRole("group", { name: legend });
      for (const n of [0, 1]) {
        const box = group.getByRole("checkbox").nth(n);
        await box.check();
      }
    }
    for (const field of await page.getByRole("textbox", { name: /^Skäl för / }).all())
      await field.fill("Hög andel i kommunen och arbetsgruppens erfarenhet.");
    await page
      .getByRole("textbox", { name: "Underlag" })
      .fill("Profilen 2028 och jämförelsen med 2026.");
    await page.getByRole("button", { name: "Spara prioritering" }).click();
    await visible(page.getByText("Prioriteringen är sparad."));
    await visible(page.getByRole("table", { name: /^Beslut / }));
    await axe(page, "prioritised");

    // 7. The PDF report of the wave opens and names the wave and the decision.
    await page
      .getByRole("navigation", { name: "Omgångens sidor" })
      .getByRole("link", { name: "Profil" })
      .click();
    const href = await page
      .getByRole("link", { name: "Ladda ner rapport (PDF)" })
      .getAttribute("href");
    const response = await context.request.get(href ?? "", { timeout: TIMEOUT * 3 });
    expect(response.status()).toBe(200);
    const pdf = new Uint8Array(await response.body());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("Skolenkäten 2028");
    expect(text).toContain("Hög andel i kommunen och arbetsgruppens erfarenhet.");
    await context.close();
  }, 120_000);
});
