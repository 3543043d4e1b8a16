import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import {
  browserPerFile,
  checkNarrow,
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

/** The journey's own instrument, imported through the instruments page: two risk, two protective. */
const INSTRUMENT = {
  id: "e2e_skolenkat",
  version: 1,
  name: { sv: "Skolenkät (test)", en: "School survey (test)" },
  items: [
    ...["q1", "q2", "q3", "q4", "q5", "q6"].map((id) => ({ id, min: 1, max: 4, missing: [9] })),
    { id: "lie", min: 1, max: 4 },
  ],
  exclude: [{ item: "lie", values: [4], reason: "fictitious drug" }],
  factors: [
    {
      id: "conflict",
      kind: "risk",
      domain: "family",
      name: { sv: "Konflikter i familjen", en: "Family conflict" },
      items: ["q1", "q2"],
      reverse: ["q2"],
      cutPoint: 2.5,
    },
    {
      id: "attitudes",
      kind: "risk",
      domain: "individual",
      name: { sv: "Positiva attityder till alkohol", en: "Favourable attitudes to alcohol" },
      items: ["q3"],
      cutPoint: 3,
      compare: ">=",
    },
    {
      id: "rewards",
      kind: "protective",
      domain: "family",
      name: { sv: "Uppskattning i familjen", en: "Family rewards" },
      items: ["q4", "q5"],
      cutPoint: 2,
    },
    {
      id: "bonding",
      kind: "protective",
      domain: "school",
      name: { sv: "Anknytning till skolan", en: "School bonding" },
      items: ["q6"],
      cutPoint: 3,
      compare: ">=",
    },
  ],
};

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

/** The same municipality's 2027 wave, imported through the API, to compare the new one with. */
async function importEarlierWave(page: Page, instrumentId: string, csv: string) {
  const orgs = (await (await page.request.get("/api/organisations")).json()) as Org[];
  const municipality = orgs.find(
    (o) => o.kind === "municipality" && o.name.startsWith("Bengtsfors"),
  );
  const wave = (await (
    await page.request.post("/api/profile/waves", {
      data: {
        organisationId: municipality?.id,
        instrumentId,
        name: "Skolenkäten 2027",
        year: 2027,
      },
    })
  ).json()) as { id: string };
  const uploaded = (await (
    await page.request.post(`/api/profile/waves/${wave.id}/imports?fileName=enkat-2027.csv`, {
      headers: { "content-type": "application/octet-stream" },
      data: Buffer.from(csv, "utf8"),
    })
  ).json()) as { id: string; suggestedMapping: Record<string, unknown> };
  const mapping = {
    ...uploaded.suggestedMapping,
    respondent: "elev_id",
    area: "omrade",
    grade: "arskurs",
    gender: "kon",
    genderValues: { "1": "girl", "2": "boy" },
  };
  const mapped = await page.request.put(`/api/profile/imports/${uploaded.id}/mapping`, {
    data: { mapping },
  });
  expect(mapped.status()).toBe(200);
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/profile/imports/${uploaded.id}`)).json()) as {
            state: string;
          }
        ).state,
      { timeout: TIMEOUT * 3 },
    )
    .toBe("validated");
  const confirmed = await page.request.post(`/api/profile/imports/${uploaded.id}/confirm`, {
    data: { excludeRows: [] },
  });
  expect(confirmed.status()).toBe(200);
}

/**
 * A small survey file for the built-in instrument: deterministic answers (a linear congruential
 * generator), three grades, two genders coded 1/2 as many school files do, and one row whose
 * answer is out of range so that the review step has something to show.
 */
function surveyCsv(
  items: Item[],
  areas: string[],
  rows: number,
  start: number,
  withBadLine = true,
): { csv: string; badLine: number } {
  let seed = start;
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
    // The validity item: one in fifty claims the fictitious drug and is left out of everything.
    answers[items.findIndex((i) => i.id === "lie")] = r % 50 === 0 ? "4" : "1";
    if (withBadLine && lines.length + 1 === badLine) answers[0] = String((items[0]?.max ?? 4) + 3);
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

    // 0. The survey's instrument, imported as JSON on the instruments page.
    await page.getByRole("link", { name: "Instrument", exact: true }).click();
    await heading(page, "Instrument");
    await selectByText(page.getByLabel("Kommun", { exact: true }), /^Bengtsfors/);
    await page.getByLabel("Instrumentfil (JSON)").setInputFiles({
      name: "skolenkat.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(INSTRUMENT), "utf8"),
    });
    await page.getByRole("button", { name: "Importera instrument" }).click();
    await visible(page.getByText(/Skolenkät \(test\) version \d+ är importerat/));
    await axe(page, "instruments");
    const instruments = (await (await page.request.get("/api/profile/instruments")).json()) as {
      id: string;
      key: string;
      version: number;
    }[];
    const instrument = instruments
      .filter((i) => i.key === INSTRUMENT.id)
      .sort((a, b) => b.version - a.version)[0];
    expect(instrument).toBeDefined();
    const areas = await bengtsforsAreas(page);
    const items = INSTRUMENT.items as Item[];
    await importEarlierWave(
      page,
      instrument?.id ?? "",
      surveyCsv(items, areas, 240, 11, false).csv,
    );
    const { csv, badLine } = surveyCsv(items, areas, 240, 20260417);

    // 1. Upload a new wave's file.
    await nav(page, "Områdesprofil");
    await page.getByRole("link", { name: "Importera enkät" }).click();
    await heading(page, "Importera enkät");
    await axe(page, "import-upload");
    await page.getByLabel("Enkätomgång", { exact: true }).selectOption("new");
    await selectByText(page.getByLabel("Kommun", { exact: true }), /^Bengtsfors/);
    await page.getByLabel("Instrument", { exact: true }).selectOption(instrument?.id ?? "");
    await page.getByLabel("Namn på omgången").fill("Skolenkäten 2028");
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
    await visible(page.getByRole("columnheader", { name: "Referens (Skolenkäten 2027)" }).first());
    // Invited counts where known (the file has no school column, so the rule has nothing to judge).
    await page.getByRole("button", { name: "Lägg till rad" }).click();
    await page.getByRole("textbox", { name: "Skola, rad 1" }).fill("Bengtsfors skola 7–9");
    await page.getByRole("textbox", { name: "Inbjudna, rad 1" }).fill("90");
    await page.getByRole("button", { name: "Spara inbjudna" }).click();
    await visible(page.getByText("Antalet inbjudna är sparat."));
    await axe(page, "wave");
    // A small part of the wave is hidden, with why.
    await page.getByLabel("Årskurs", { exact: true }).selectOption("9");
    await page.getByLabel("Kön", { exact: true }).selectOption("girl");
    await visible(page.getByText(/Det svarta strecket i varje stapel är referensen/));
    await axe(page, "wave-filtered");

    // 5. Compare with the earlier wave (2027).
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
      .fill("Profilen 2028 och jämförelsen med 2027.");
    await page.getByRole("button", { name: "Spara prioritering" }).click();
    await visible(page.getByText("Prioriteringen är sparad."));
    await visible(page.getByRole("table", { name: /^Beslut / }));
    await axe(page, "prioritised");

    // 7. The PDF report of the wave opens and names the wave and the decision.
    await page
      .getByRole("navigation", { name: "Omgångens sidor" })
      .getByRole("link", { name: "Profil" })
      .click();
    await page.getByRole("textbox", { name: "Diarienummer" }).fill("KS 2028/12");
    const href = await page
      .getByRole("link", { name: "Ladda ner rapport (PDF)" })
      .getAttribute("href");
    expect(href).toContain("reference=KS+2028%2F12");
    const response = await context.request.get(href ?? "", { timeout: TIMEOUT * 3 });
    expect(response.status()).toBe(200);
    const pdf = new Uint8Array(await response.body());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("Skolenkäten 2028");
    expect(text).toContain("KS 2028/12");
    expect(text).toContain("Hög andel i kommunen och arbetsgruppens erfarenhet.");
    await context.close();
  }, 120_000);

  it("shows the demo's trend, area table and instrument, imports register data all or nothing, with axe on each", async () => {
    const { context, page } = await newPage();
    await signIn(page, "analytiker@dalsland.example");
    await nav(page, "Områdesprofil");
    await page.getByRole("link", { name: "Skolenkäten 2026" }).first().click();
    await heading(page, /^Skolenkäten 2026: Bengtsfors/);
    await visible(page.getByRole("img", { name: /^Stapeldiagram, Skyddsfaktor/ }));
    await checkNarrow(page, "profile-wave");
    const pages = page.getByRole("navigation", { name: "Omgångens sidor" });

    await pages.getByRole("link", { name: "Utveckling" }).click();
    await heading(page, "Utveckling");
    const trend = page.getByRole("table", { name: "Andel per faktor och omgång" });
    await visible(trend.getByRole("columnheader", { name: "Skolenkäten 2024" }));
    await visible(trend.getByRole("columnheader", { name: "Skolenkäten 2026" }));
    await visible(
      page.getByRole("img", {
        name: /^Stapeldiagram, andel per faktor och omgång: .*Skolenkäten 2024/,
      }),
    );
    await checkNarrow(page, "profile-trend");
    await axe(page, "trend");

    await pages.getByRole("link", { name: "Områden" }).click();
    await heading(page, "Områden");
    await visible(page.getByRole("rowheader", { name: "Hela kommunen" }));
    await axe(page, "areas");
    await checkNarrow(page, "profile-areas");

    await page
      .getByRole("navigation", { name: "Sökväg" })
      .getByRole("link", { name: "Områdesprofil" })
      .click();
    await page.getByRole("link", { name: "Registerdata" }).click();
    await heading(page, "Registerdata");
    await selectByText(page.getByLabel("Kommun", { exact: true }), /^Bengtsfors/);
    await visible(page.getByRole("cell", { name: "Källa: Kolada" }).first());
    // A file with a bad row is refused whole, naming the row; the corrected one is taken.
    const kolada = (rows: string) => ({
      name: "kolada.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`kpi;municipality;period;gender;value;count;status\n${rows}`, "utf8"),
    });
    const file = page.getByLabel("Fil (CSV eller JSON)");
    await file.setInputFiles(kolada("N00945;1460;2025;T;12,5;;\nN00945;1460;2025;X;3;;\n"));
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await visible(page.getByText(/^rad 3/));
    await axe(page, "kolada-refused");
    await file.setInputFiles(kolada("N00945;1460;2025;T;12,5;;\n"));
    await page.getByRole("button", { name: "Importera", exact: true }).click();
    await visible(page.getByText("1 värde importerat."));
    await visible(page.getByRole("rowheader", { name: "N00945" }).first());

    await page
      .getByRole("navigation", { name: "Sökväg" })
      .getByRole("link", { name: "Områdesprofil" })
      .click();
    await page.getByRole("link", { name: "Instrument", exact: true }).click();
    await heading(page, "Instrument");
    await page.getByRole("table", { name: "Instrument" }).getByRole("link").first().click();
    await heading(page, /, version \d+$/);
    await visible(page.getByRole("table", { name: "Faktorer och gränsvärden" }));
    await axe(page, "instrument");
    await context.close();
  }, 60_000);
});
