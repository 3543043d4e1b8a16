import { inArray } from "drizzle-orm";
import { DEFAULT_SCOPES } from "../../domain/support/access.ts";
import { DEFAULT_COMPASS_NEEDS } from "../../domain/support/compass.ts";
import { DEFAULT_FEEDBACK_DAYS } from "../../domain/support/concern.ts";
import { recordAudit, systemAuditContext } from "../audit.ts";
import type { Tx } from "../database.ts";
import { users } from "../schema/platform.ts";
import { caseAccess, cases, childContacts, children, consents } from "../schema/support.ts";
import {
  chronologyEntries,
  compassAssessments,
  compassRatings,
  concernReports,
  intakeUnits,
  planMeasures,
  sips,
  supportTeamMembers,
  supportTeams,
} from "../schema/support-records.ts";
import type { DemoSeedContext } from "./context.ts";

/*
 * Fictional children in Åmål, Dalsland, one at each stage a practitioner meets: a concern just
 * recorded, a child contact with a needs assessment, and a child with a support coordinator, a
 * team, consent and an agreed SIP; a report of concern waits in Åmål's intake. Only the support
 * demo users hold roles in these cases: every other demo account sees none of it. Personnummer
 * are made up (valid check digits, dates that match the story). The seed writes as the database
 * owner, whose maintenance policy the row-level security allows.
 */

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dateDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

const EMAILS = {
  discoverer: "upptackare@amal.example",
  contact: "barnkontakt@amal.example",
  coordinator: "stodsamordnare@amal.example",
  member: "teammedlem@amal.example",
  intake: "mottagning@amal.example",
} as const;

type People = Record<keyof typeof EMAILS, string>;

async function demoPeople(tx: Tx): Promise<People> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(EMAILS)));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const entries = Object.entries(EMAILS).map(([key, email]) => {
    const id = byEmail.get(email);
    if (!id) throw new Error(`demo user ${email} is missing`);
    return [key, id];
  });
  return Object.fromEntries(entries) as People;
}

function org(ctx: DemoSeedContext, key: string): string {
  const id = ctx.orgIds.get(key);
  if (!id) throw new Error(`demo organisation ${key} is missing`);
  return id;
}

interface DemoChild {
  personalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  protectedIdentity?: boolean;
  address?: string;
}

async function addChild(
  tx: Tx,
  municipalityId: string,
  child: DemoChild,
  contacts: { userId: string; organisationId: string; title: string }[],
): Promise<string> {
  const [row] = await tx
    .insert(children)
    .values({
      municipalityId,
      personalNumber: child.personalNumber,
      givenName: child.givenName,
      familyName: child.familyName,
      birthDate: child.birthDate,
      protectedIdentity: child.protectedIdentity ? "protected" : "none",
      address: child.address ?? null,
    })
    .returning({ id: children.id });
  const childId = row!.id;
  if (contacts.length > 0) {
    await tx.insert(childContacts).values(contacts.map((c) => ({ childId, ...c })));
  }
  return childId;
}

async function openCase(
  tx: Tx,
  values: {
    childId: string;
    municipalityId: string;
    organisationId: string;
    observation: string;
    immediateSupport: string;
    openedBy: string;
    openedAt: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(cases)
    .values({ kind: "child", ...values })
    .returning({ id: cases.id });
  const caseId = row!.id;
  await grant(tx, caseId, values.openedBy, "discoverer", values.openedBy, values.openedAt);
  return caseId;
}

async function grant(
  tx: Tx,
  caseId: string,
  userId: string,
  role: "discoverer" | "child_contact" | "support_coordinator" | "team_member",
  grantedBy: string,
  validFrom: Date,
): Promise<string> {
  const [row] = await tx
    .insert(caseAccess)
    .values({
      caseId,
      userId,
      role,
      scopes: [...DEFAULT_SCOPES[role]],
      basis: "case_role",
      validFrom,
      grantedBy,
    })
    .returning({ id: caseAccess.id });
  return row!.id;
}

async function assess(
  tx: Tx,
  caseId: string,
  assessedBy: string,
  daysBack: number,
  ratings: Record<string, [number, string]>,
  views: { childView: string; guardiansView: string; summary: string },
) {
  const [row] = await tx
    .insert(compassAssessments)
    .values({ caseId, assessedOn: dateDaysAgo(daysBack), assessedBy, ...views })
    .returning({ id: compassAssessments.id });
  await tx.insert(compassRatings).values(
    DEFAULT_COMPASS_NEEDS.map((n) => {
      const [rating, reason] = ratings[n.key] ?? [3, "Inget särskilt att notera."];
      return { assessmentId: row!.id, caseId, need: n.key, rating, reason };
    }),
  );
  await tx.insert(chronologyEntries).values({
    caseId,
    occurredOn: dateDaysAgo(daysBack),
    kind: "assessment",
    category: "support",
    scope: "wellbeing",
    text: "Bedömning i behovskompassen.",
    sourceId: row!.id,
    recordedBy: assessedBy,
  });
}

export async function seedDemoSupport(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const p = await demoPeople(tx);
  const amal = org(ctx, "amal");
  const school = org(ctx, "amal-skola-0");
  const eht = org(ctx, "amal-eht");
  const bvc = org(ctx, "amal-bvc");
  const nurse = { userId: p.contact, organisationId: eht, title: "Skolsköterska" };

  // 1. Just discovered: a teacher's concern, no child contact yet.
  const elsa = await addChild(
    tx,
    amal,
    {
      personalNumber: "201603142389",
      givenName: "Elsa",
      familyName: "Lund",
      birthDate: "2016-03-14",
    },
    [nurse],
  );
  const elsaCase = await openCase(tx, {
    childId: elsa,
    municipalityId: amal,
    organisationId: school,
    observation:
      "Elsa har kommit sent flera morgnar i rad och verkar trött. Hon säger att hon inte äter frukost.",
    immediateSupport: "Pratat med Elsa, erbjudit frukost i skolan och ringt vårdnadshavare.",
    openedBy: p.discoverer,
    openedAt: daysAgo(2),
  });

  // 2. A child contact with two needs assessments and a plan.
  const alva = await addChild(
    tx,
    amal,
    {
      personalNumber: "201811032240",
      givenName: "Alva",
      familyName: "Nilsson",
      birthDate: "2018-11-03",
    },
    [nurse],
  );
  const alvaCase = await openCase(tx, {
    childId: alva,
    municipalityId: amal,
    organisationId: school,
    observation: "Alva leker mest ensam på rasterna och har ont i magen ofta.",
    immediateSupport: "Rastvärd har bjudit in till lek; samtal med vårdnadshavare.",
    openedBy: p.discoverer,
    openedAt: daysAgo(75),
  });
  await grant(tx, alvaCase, p.contact, "child_contact", p.discoverer, daysAgo(70));
  await assess(
    tx,
    alvaCase,
    p.contact,
    60,
    {
      trygghet: [2, "Känner sig otrygg på rasterna."],
      tillhorighet: [2, "Har svårt att hitta kompisar."],
      halsa: [3, "Ont i magen flera gånger i veckan."],
    },
    {
      childView: "Jag vill ha någon att leka med.",
      guardiansView: "Vi märker att hon inte vill gå till skolan.",
      summary: "Alva behöver känna sig trygg på rasterna och få hjälp att hitta kompisar.",
    },
  );
  await assess(
    tx,
    alvaCase,
    p.contact,
    5,
    {
      trygghet: [4, "Rastaktiviteterna har hjälpt."],
      tillhorighet: [3, "Leker med två klasskompisar."],
      halsa: [4, "Mindre ont i magen."],
    },
    {
      childView: "Det är roligare på rasterna nu.",
      guardiansView: "Hon går gärnare till skolan.",
      summary: "Det går bättre. Fortsätt med rastaktiviteterna och följ upp magen.",
    },
  );
  await tx.insert(planMeasures).values([
    {
      caseId: alvaCase,
      what: "Rastaktiviteter två gånger i veckan",
      ownerName: "Johanna Sjöberg, lärare",
      ownerUserId: p.discoverer,
      dueOn: dateDaysAgo(30),
      evaluateOn: dateDaysAgo(5),
      status: "done",
      evaluation: "Alva deltar varje gång.",
      createdBy: p.contact,
    },
    {
      caseId: alvaCase,
      what: "Hälsosamtal om magont",
      ownerName: "Nils Åberg, skolsköterska",
      ownerUserId: p.contact,
      dueOn: dateDaysAgo(-14),
      evaluateOn: dateDaysAgo(-30),
      status: "planned",
      createdBy: p.contact,
    },
  ]);

  // 3. Several organisations: coordinator, team, consent and an agreed SIP. Protected identity.
  const leo = await addChild(
    tx,
    amal,
    {
      personalNumber: "201304179623",
      givenName: "Leo",
      familyName: "Karlsson",
      birthDate: "2013-04-17",
      protectedIdentity: true,
      address: "Skyddad adress",
    },
    [nurse],
  );
  const leoCase = await openCase(tx, {
    childId: leo,
    municipalityId: amal,
    organisationId: school,
    observation: "Leo har hög frånvaro och berättar om bråk hemma.",
    immediateSupport: "Samtal med kurator samma dag.",
    openedBy: p.discoverer,
    openedAt: daysAgo(120),
  });
  await grant(tx, leoCase, p.contact, "child_contact", p.discoverer, daysAgo(118));
  await grant(tx, leoCase, p.coordinator, "support_coordinator", p.contact, daysAgo(90));
  await tx.insert(consents).values({
    caseId: leoCase,
    kind: "sharing",
    givenBy: "guardian",
    giverName: "Anna Karlsson",
    purpose: "Samordnat stöd från skola, BVC och socialtjänst kring Leo.",
    sharingOrganisationIds: [school, eht, bvc],
    recipientOrganisationIds: [school, eht, bvc, org(ctx, "dalsland-barnsamverkan")],
    scopes: ["summary", "plan", "wellbeing"],
    validFrom: daysAgo(92),
    validUntil: daysAgo(-273),
    recordedBy: p.contact,
  });
  const [sipConsent] = await tx
    .insert(consents)
    .values({
      caseId: leoCase,
      kind: "sip",
      givenBy: "guardian",
      giverName: "Anna Karlsson",
      purpose: "SIP med kommunen och regionen.",
      sharingOrganisationIds: [eht, bvc],
      recipientOrganisationIds: [eht, bvc],
      scopes: ["plan"],
      validFrom: daysAgo(92),
      validUntil: null,
      recordedBy: p.contact,
    })
    .returning({ id: consents.id });
  const [team] = await tx
    .insert(supportTeams)
    .values({ caseId: leoCase, kind: "age_12_18", formedBy: p.coordinator, formedAt: daysAgo(85) })
    .returning({ id: supportTeams.id });
  const memberAccess = await grant(
    tx,
    leoCase,
    p.member,
    "team_member",
    p.coordinator,
    daysAgo(85),
  );
  await tx.insert(supportTeamMembers).values({
    teamId: team!.id,
    caseId: leoCase,
    userId: p.member,
    organisationName: "BVC Åmål",
    accessId: memberAccess,
    addedBy: p.coordinator,
    addedAt: daysAgo(85),
  });
  await assess(
    tx,
    leoCase,
    p.contact,
    88,
    {
      trygghet: [1, "Oro för situationen hemma."],
      utveckling: [2, "Hög frånvaro, halkar efter i matematik."],
      fritid: [2, "Har slutat på fotbollen."],
    },
    {
      childView: "Jag vill kunna sova ordentligt.",
      guardiansView: "Vi behöver hjälp att få vardagen att fungera.",
      summary: "Leo behöver stöd hemma och i skolan samtidigt. Samordnad plan (SIP) behövs.",
    },
  );
  await tx.insert(sips).values({
    caseId: leoCase,
    status: "agreed",
    interventions: [
      {
        what: "Föräldrastöd i hemmet",
        responsibleKind: "municipality",
        responsibleName: "Socialtjänsten Åmål",
      },
      {
        what: "Samtalskontakt om sömn och oro",
        responsibleKind: "region",
        responsibleName: "Vårdcentralen Åmål",
      },
      {
        what: "Anpassad studiegång i matematik",
        responsibleKind: "other",
        responsibleName: "Kristinebergskolan",
      },
    ],
    overallResponsible: "municipality",
    overallResponsibleName: "Socialtjänsten Åmål, IFO barn och unga",
    meetingOn: dateDaysAgo(80),
    participants: [
      { name: "Leo Karlsson", role: "Barnet" },
      { name: "Anna Karlsson", role: "Vårdnadshavare" },
      { name: "Fatima Rahimi", role: "Stödsamordnare" },
      { name: "Nils Åberg", role: "Skolsköterska" },
      { name: "Eva Holm", role: "BVC-sjuksköterska" },
    ],
    minutes: "Alla är överens om insatserna. Leo vill börja på fotbollen igen.",
    followUpOn: dateDaysAgo(-10),
    childGoals: "Sova bättre och börja på fotbollen igen.",
    childVoice: "Jag vill att det blir lugnare hemma.",
    consentId: sipConsent!.id,
    createdBy: p.coordinator,
  });

  // 4. A report of concern about Elsa, waiting in Åmål's intake unit (IFO barn och unga).
  const intake = org(ctx, "amal-ifo");
  await tx.insert(intakeUnits).values({ municipalityId: amal, unitId: intake });
  const sentAt = daysAgo(1);
  await tx.insert(concernReports).values({
    municipalityId: amal,
    intakeUnitId: intake,
    caseId: elsaCase,
    childPersonalNumber: "201603142389",
    childName: "Elsa Lund",
    reporterId: p.discoverer,
    reporterRole: "school",
    reporterOrganisation: "Rösparksskolan F–6",
    reporterPhone: "0532-170 00",
    observation: "Elsa har blåmärken på armarna och säger att hon inte vill gå hem.",
    childTold: true,
    guardiansTold: false,
    notToldReason: "Risk att Elsa utsätts för mer om vårdnadshavarna får veta nu.",
    otherServices: "Elevhälsan",
    status: "sent",
    sentAt,
    feedbackDueAt: new Date(sentAt.getTime() + DEFAULT_FEEDBACK_DAYS * DAY),
  });

  // 5. No case yet: a child the browser journey discovers, with the nurse as an existing contact.
  await addChild(
    tx,
    amal,
    {
      personalNumber: "201709058463",
      givenName: "Noah",
      familyName: "Berg",
      birthDate: "2017-09-05",
    },
    [nurse],
  );

  await recordAudit(tx, systemAuditContext("paraply seed"), {
    action: "seed.demo.support",
    details: { cases: 3, children: 4, reports: 1 },
  });
}
