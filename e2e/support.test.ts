import type { Page } from "playwright-core";
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
  signOut,
  TIMEOUT,
  visible,
} from "./helpers.ts";

browserPerFile();

const NOAH = { number: "20170905-8463", name: "Noah Berg" };
const NEEDS = [
  "Trygghet",
  "Hälsa",
  "Utveckling",
  "Omsorg",
  "Fritid",
  "Respekt",
  "Ansvar",
  "Tillhörighet",
];

const checked = new Set<string>();
/** axe once per kind of support page. */
async function axe(page: Page, name: string) {
  if (checked.has(name)) return;
  checked.add(name);
  await expectNoAxeViolations(page, name);
}

async function openCase(page: Page, name: string) {
  await nav(page, "Stöd till barn");
  await page.getByRole("link", { name }).click();
  await heading(page, name);
}

/** A practitioner with no role in the case: link, search and API all answer as if it did not exist. */
async function outsiderFindsNothing(caseId: string) {
  const { context, page } = await newPage();
  try {
    await signIn(page, "praktiker@amal.example");
    await nav(page, "Stöd till barn");
    await containsText(page.locator("main"), "Du har inga ärenden just nu.");
    await page
      .getByRole("textbox", { name: "Personnummer eller samordningsnummer" })
      .fill(NOAH.number);
    await page.getByRole("button", { name: "Sök" }).click();
    await visible(page.getByText("Inget ärende som du har tillgång till."));
    await page.goto(`/support/cases/${caseId}`);
    await heading(page, "Sidan finns inte");
    expect(await page.getByText(NOAH.name).count()).toBe(0);
    await axe(page, "support-not-found");
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/support/cases/${id}`)).status,
      caseId,
    );
    expect(status).toBe(404);
  } finally {
    await context.close();
  }
}

describe("support for one child", () => {
  it("goes from discovery through contact, assessment and SIP to closure, and no one else reaches the case", async () => {
    const { context, page } = await newPage({ acceptDownloads: true });
    try {
      // The discoverer records a concern about a child who already has a school nurse.
      await signIn(page, "upptackare@amal.example");
      await nav(page, "Stöd till barn");
      await visible(page.getByRole("link", { name: "Leo Karlsson" }));
      await visible(page.getByText("Skyddade personuppgifter"));
      await axe(page, "support-my-cases");
      await page.getByRole("button", { name: "Registrera en oro" }).click();
      await heading(page, "Registrera en oro");
      await page.getByRole("button", { name: "Registrera", exact: true }).click();
      await visible(page.getByText("Ange barnets personnummer eller samordningsnummer."));
      await axe(page, "support-discover-errors");
      await page
        .getByRole("textbox", { name: "Personnummer eller samordningsnummer" })
        .fill(NOAH.number);
      await page.getByLabel("Förnamn").fill("Noah");
      await page.getByLabel("Efternamn").fill("Berg");
      await page
        .getByLabel("Vad har du sett?")
        .fill("Noah gråter ofta när han lämnas på morgonen.");
      await page.getByLabel("Stöd du gav direkt").fill("Extra tid med en vuxen vid lämning.");
      await page.getByRole("button", { name: "Registrera", exact: true }).click();
      await heading(page, NOAH.name);
      const caseId = page.url().split("/").at(-1) ?? "";
      await containsText(page.locator("main"), "Du läser som Upptäckare");
      await axe(page, "support-case-discoverer");

      // The discoverer activates the child's existing contact.
      await page.getByRole("link", { name: "Aktivera barnkontakt" }).click();
      await heading(page, `Aktivera barnkontakt: ${NOAH.name}`);
      await axe(page, "support-contact");
      await page.getByLabel(/Nils Åberg, Skolsköterska/).check();
      await page.getByRole("button", { name: "Aktivera", exact: true }).click();
      await heading(page, NOAH.name);
      await containsText(page.locator("main"), "Nils Åberg: Barnkontakt");
      await signOut(page);

      // The child contact assesses the needs.
      await signIn(page, "barnkontakt@amal.example");
      await visible(page.getByRole("link", { name: /Ärende öppnat/ }));
      await nav(page, "Stöd till barn");
      await visible(page.getByRole("heading", { name: "1 nytt ärende till dig" }));
      await openCase(page, NOAH.name);
      await page.getByRole("link", { name: "Ny bedömning i behovskompassen" }).click();
      await heading(page, `Ny bedömning i behovskompassen: ${NOAH.name}`);
      await axe(page, "support-assessment");
      for (const [i, need] of NEEDS.entries()) {
        await page
          .getByRole("group", { name: `Bedömning av ${need}` })
          .getByLabel(i < 2 ? "2" : "4", { exact: true })
          .check();
        await page
          .getByLabel(`Skäl för bedömningen av ${need}`)
          .fill(`Skäl om ${need.toLowerCase()}.`);
      }
      await page.getByLabel("Barnets egen syn").fill("Jag vill att mamma stannar lite längre.");
      await page
        .getByLabel("Sammanfattning", { exact: true })
        .fill("Noah behöver trygga lämningar.");
      await page.getByRole("button", { name: "Spara bedömningen" }).click();
      await heading(page, NOAH.name);
      await visible(page.getByRole("heading", { name: /Senaste bedömningen/ }));
      await visible(page.getByRole("table", { name: /Behovskompassen över tid/ }));
      await axe(page, "support-case-contact");

      // A measure with a named owner, then its follow-up.
      await page.getByRole("link", { name: "Plan och uppföljning" }).click();
      await heading(page, `Plan: ${NOAH.name}`);
      await page.getByLabel("Åtgärd", { exact: true }).fill("Trygg lämning med samma vuxen");
      await page.getByLabel("Ansvarig", { exact: true }).fill("Johanna Sjöberg, lärare");
      await page.getByLabel("Klar senast").fill("2026-12-15");
      await page.getByLabel("Utvärderas").fill("2027-01-15");
      await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
      await visible(page.getByText("Åtgärden är tillagd."));
      await selectByText(page.getByLabel("Status för Trygg lämning med samma vuxen"), /^Gjord$/);
      await page.getByRole("button", { name: "Spara uppföljningen" }).click();
      await visible(page.getByText("Uppföljningen är sparad."));
      await axe(page, "support-plan");
      await page.goto(`/support/cases/${caseId}`);
      await heading(page, NOAH.name);
      await visible(page.getByRole("cell", { name: "Trygg lämning med samma vuxen" }));

      // Escalation: a coordinator from the collaboration and a team member, chosen from the list.
      const coordinator = page.getByLabel("Stödsamordnare", { exact: true });
      await coordinator
        .locator("option", { hasText: "Fatima Rahimi" })
        .waitFor({ state: "attached", timeout: TIMEOUT });
      expect(await coordinator.locator("option", { hasText: "Karin Ek" }).count()).toBe(1);
      await selectByText(coordinator, "Fatima Rahimi – Barnsamverkan Dalsland");
      await page.getByRole("button", { name: "Utse stödsamordnare" }).click();
      await visible(page.getByText("Stödsamordnare: Fatima Rahimi"));
      await page.getByRole("button", { name: "Bilda team" }).click();
      const member = page.getByLabel("Ny teammedlem");
      await member.locator("option", { hasText: "Eva Holm" }).waitFor({
        state: "attached",
        timeout: TIMEOUT,
      });
      await selectByText(member, /^Eva Holm/);
      expect(await page.getByLabel("Organisation", { exact: true }).inputValue()).toBe("BVC Åmål");
      await page.getByRole("button", { name: "Lägg till i teamet" }).click();
      await visible(page.getByRole("listitem").filter({ hasText: "Eva Holm (BVC Åmål)" }));
      await axe(page, "support-case-escalation");

      // While the case is live, a colleague on the same unit without a role reaches nothing.
      await outsiderFindsNothing(caseId);

      // The SIP, saved and downloadable for the family.
      await page.getByRole("link", { name: "Skriv SIP" }).click();
      await heading(page, `SIP: ${NOAH.name}`);
      await axe(page, "support-sip");
      await page.getByLabel("Insats 1", { exact: true }).fill("Stöd vid lämning i förskoleklassen");
      await page.getByLabel("Ansvarig för insats 1").fill("Rösparksskolan");
      await selectByText(page.getByLabel("Övergripande ansvar"), "Kommunen");
      await page.getByLabel("Vem hos huvudmannen").fill("Elevhälsoteam Åmål");
      await page.getByLabel("Mötesdatum").fill("2026-12-01");
      await page.getByLabel("Uppföljningsdatum").fill("2027-02-01");
      await page.getByLabel("Barnets egna mål").fill("Att våga säga hej då.");
      await page.getByRole("button", { name: "Spara", exact: true }).click();
      await visible(page.getByText("SIP sparad."));
      const download = page.waitForEvent("download", { timeout: TIMEOUT });
      await page.getByRole("link", { name: "Ladda ner SIP (PDF)" }).click();
      expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

      // Closure ends every access, the closer's own too.
      await page.goto(`/support/cases/${caseId}`);
      await heading(page, NOAH.name);
      await page.getByRole("link", { name: "Avsluta ärendet" }).click();
      await heading(page, `Avsluta ärendet: ${NOAH.name}`);
      await axe(page, "support-close");
      await selectByText(page.getByLabel("Utfall"), "Behoven är tillgodosedda");
      await page.getByLabel("Skäl", { exact: true }).fill("Lämningarna fungerar nu.");
      await page.getByRole("button", { name: "Avsluta ärendet" }).click();
      await heading(page, "Stöd till barn");
      await visible(page.getByText("Ärendet är avslutat. All tillgång till det har upphört."));
      await visible(page.getByRole("link", { name: "Leo Karlsson" }));
      expect(await page.getByRole("link", { name: NOAH.name }).count()).toBe(0);
      await page.goto(`/support/cases/${caseId}`);
      await heading(page, "Sidan finns inte");
    } finally {
      await context.close();
    }
  });

  it("shows each role only its parts, marks protected identity and records a disclosure", async () => {
    const { context, page } = await newPage();
    try {
      // A team member reads summary, plan and wellbeing, but not the consents.
      await signIn(page, "teammedlem@amal.example");
      await openCase(page, "Leo Karlsson");
      await visible(page.getByText("Skyddade personuppgifter"));
      await visible(page.getByRole("heading", { name: "SIP – samordnad individuell plan" }));
      expect(await page.getByRole("heading", { name: "Samtycken" }).count()).toBe(0);
      await axe(page, "support-case-team-member");
      await checkNarrow(page, "support-case");
      await signOut(page);

      // The support coordinator reads the consents and records a disclosure on one of them.
      await signIn(page, "stodsamordnare@amal.example");
      await openCase(page, "Leo Karlsson");
      await visible(page.getByRole("heading", { name: "Samtycken" }));
      await page.getByRole("link", { name: "Samtycken" }).click();
      await heading(page, "Samtycken: Leo Karlsson");
      await page.getByLabel("Mottagare").fill("Vårdcentralen Åmål");
      await page.getByLabel("Vilka uppgifter").fill("Behovsbedömningen");
      await page.getByLabel("Skäl", { exact: true }).fill("Inför samtalskontakten");
      await selectByText(page.getByLabel("Samtycke som utlämnandet stöds på"), /Samordnat stöd/);
      await page.getByRole("button", { name: "Registrera utlämnande" }).click();
      await visible(page.getByText("Utlämnandet är registrerat."));
      await visible(page.getByRole("cell", { name: "Vårdcentralen Åmål" }));
      await axe(page, "support-consents");

      // A consent recorded with its scope, then withdrawn: it takes effect at once.
      await page.getByLabel("Namn på den som samtyckte").fill("Leo Karlsson");
      await page.getByLabel("Syfte").fill("Leo vill att fritidsgården får veta om planen.");
      await selectByText(page.getByLabel("Lämnat av"), "barnet självt");
      await page.getByRole("button", { name: "Registrera samtycke" }).click();
      await visible(page.getByText("Samtycket är registrerat."));
      await page.getByRole("button", { name: "Återkalla samtycket från Leo Karlsson" }).click();
      await visible(page.getByText(/Samtycket är återkallat/));
      await visible(page.getByRole("cell", { name: /Återkallat/ }));
    } finally {
      await context.close();
    }
  });

  it("gives emergency access with a reason, and the organisation administrator reviews it", async () => {
    /** Each person in a browser of their own. */
    const as = async (email: string, steps: (page: Page) => Promise<void>) => {
      const { context, page } = await newPage();
      try {
        await signIn(page, email);
        await steps(page);
      } finally {
        await context.close();
      }
    };
    let elsa = "";
    await as("upptackare@amal.example", async (page) => {
      await openCase(page, "Elsa Lund");
      elsa = page.url();
    });
    await as("praktiker@amal.example", async (page) => {
      await page.goto(elsa);
      await heading(page, "Sidan finns inte");
      await page.getByRole("link", { name: /Begär nödåtkomst/ }).click();
      await heading(page, "Begär nödåtkomst");
      await axe(page, "support-emergency");
      await page
        .getByLabel("Skäl", { exact: true })
        .fill("Elsa är på akuten och personalen frågar efter hennes plan.");
      await page.getByRole("button", { name: "Begär nödåtkomst" }).click();
      await heading(page, "Elsa Lund");
      await containsText(page.locator("main"), "Du läser som Nödåtkomst");
    });
    await as("orgadmin@dalsland.example", async (page) => {
      await nav(page, "Loggranskning, barnärenden");
      await visible(page.getByRole("cell", { name: /Elsa är på akuten/ }));
      expect(await page.getByText("Elsa Lund").count()).toBe(0);
      await axe(page, "support-log-review");
      await page
        .getByRole("button", { name: "Bedöm nödåtkomsten för Karin Ek som rimlig" })
        .first()
        .click();
      await visible(page.getByText("Bedömningen är sparad."));
    });
  });

  it("shows the needs compass over time as a chart with the same values in a table", async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, "barnkontakt@amal.example");
      await openCase(page, "Alva Nilsson");
      await visible(page.getByRole("img", { name: /Behovskompassen över tid, 2 bedömningar/ }));
      const table = page.getByRole("table", { name: /Behovskompassen över tid/ });
      await visible(table.getByRole("rowheader", { name: "Trygghet" }));
      await containsText(table.getByRole("row", { name: /Trygghet/ }), /2\s*4/);
      await axe(page, "support-case-compass-chart");
    } finally {
      await context.close();
    }
  });

  it("records a consultation without identity and names the child once there is consent", async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, "upptackare@amal.example");
      await nav(page, "Stöd till barn");
      await page.getByRole("button", { name: "Registrera en oro" }).click();
      await heading(page, "Registrera en oro");
      await page.getByLabel("Konsultation utan identitet").check();
      await page.getByLabel("Beskrivning utan identitet").fill("Pojke, åk 3");
      await page.getByLabel("Vad har du sett?").fill("Drar sig undan i gruppen.");
      await page.getByRole("button", { name: "Registrera", exact: true }).click();
      await heading(page, "Konsultation: Pojke, åk 3");
      await page.getByRole("link", { name: "Ange barnets identitet" }).click();
      await heading(page, "Ange barnets identitet: Konsultation: Pojke, åk 3");
      await axe(page, "support-identify");
      await page
        .getByRole("textbox", { name: "Personnummer eller samordningsnummer" })
        .fill("201107229823");
      await page.getByLabel("Förnamn").fill("Vilgot");
      await page.getByLabel("Efternamn").fill("Strand");
      await page.getByRole("button", { name: "Spara identiteten" }).click();
      await heading(page, "Vilgot Strand");
      await containsText(page.locator("main"), "20110722-9823");
    } finally {
      await context.close();
    }
  });

  it("routes a report of concern to Åmål's intake, which receives it", async () => {
    // Anyone may report, with or without a case: a colleague with no case files one.
    const reporter = await newPage();
    try {
      const page = reporter.page;
      await signIn(page, "praktiker@amal.example");
      await nav(page, "Stöd till barn");
      await page.getByRole("button", { name: "Gör en orosanmälan" }).click();
      await heading(page, "Orosanmälan");
      await selectByText(page.getByLabel("Barnets kommun"), /^Åmål$/);
      await page.getByLabel("Barnets namn").fill("Okänd pojke, åk 5");
      await selectByText(page.getByLabel("Din roll"), /^Skola$/);
      await page.getByLabel("Vad har du sett eller fått veta?").fill("Berättar om våld hemma.");
      await page.getByRole("group", { name: "Vet barnet om anmälan?" }).getByLabel("Ja").check();
      await page
        .getByRole("group", { name: "Vet vårdnadshavarna om anmälan?" })
        .getByLabel("Nej")
        .check();
      await page.getByLabel("Varför vet de inte om anmälan?").fill("Risk för barnet.");
      await axe(page, "support-report");
      await page.getByRole("button", { name: "Skicka orosanmälan" }).click();
      await heading(page, "Orosanmälan skickad");
      await visible(page.getByText(/Orosanmälan har gått till/));
    } finally {
      await reporter.context.close();
    }

    const { context, page } = await newPage();
    try {
      await signIn(page, "mottagning@amal.example");
      await nav(page, "Stöd till barn");
      await page.getByRole("link", { name: "Orosanmälningar till mottagningen" }).click();
      await heading(page, "Orosanmälningar till mottagningen");
      await visible(page.getByRole("heading", { name: /Elsa Lund/ }));
      await axe(page, "support-inbox");
      await visible(page.getByRole("heading", { name: /Okänd pojke/ }));
      await page.getByRole("button", { name: "Markera som mottagen" }).first().click();
      await visible(page.getByText("Anmälan är markerad som mottagen."));
      await visible(page.getByLabel("Återkoppling till anmälaren"));
    } finally {
      await context.close();
    }
  });
});
