import type { DimensionLetter, Localized } from "./dimensions.ts";
import type { StageNumber } from "./stages.ts";

type Statements = readonly [string, string][];

/**
 * One statement per level 1–9, the product's own short wording of the handbook's anchored rating
 * scales. A scorer moves up while the interview supports the statement, so each level must add
 * something observable to the one below it.
 */
const STATEMENTS: Readonly<Record<DimensionLetter, Statements>> = {
  A: [
    [
      "Inga insatser finns och ingen ser något behov av dem.",
      "No efforts exist and no one sees a need for them.",
    ],
    [
      "Inga insatser finns; enstaka personer tycker att något borde göras.",
      "No efforts exist; a few people think something should be done.",
    ],
    [
      "Några ser att insatser behövs, men inget konkret pågår.",
      "Some see that efforts are needed, but nothing concrete is happening.",
    ],
    [
      "Insatser diskuteras och några börjar planera, men det finns ingen plan.",
      "Efforts are discussed and some begin planning, but there is no plan.",
    ],
    [
      "Insatser planeras på allvar; en plan finns eller tas fram.",
      "Efforts are planned in earnest; a plan exists or is being written.",
    ],
    ["Insatser har startat och prövas.", "Efforts have started and are being tried out."],
    [
      "Insatserna har pågått en tid och har stöd från beslutsfattare.",
      "Efforts have run for some time and are backed by decision makers.",
    ],
    [
      "Flera insatser når breda grupper; de utvärderas och nya planeras.",
      "Several efforts reach wide groups; they are evaluated and new ones planned.",
    ],
    [
      "Insatserna når alla grupper, utvärderas regelbundet och justeras efter resultaten.",
      "Efforts reach all groups, are evaluated regularly and adjusted from the results.",
    ],
  ],
  B: [
    ["Ingen känner till några insatser.", "No one knows of any efforts."],
    [
      "Några har hört talas om insatser, men missuppfattningar är vanliga.",
      "A few have heard of efforts, but misconceptions are common.",
    ],
    [
      "Några känner till att insatser finns men vet lite om dem.",
      "Some know that efforts exist but know little about them.",
    ],
    [
      "Några känner till insatserna och ungefär vad de syftar till.",
      "Some know the efforts and roughly what they aim at.",
    ],
    ["Många har grundläggande kunskap om insatserna.", "Many have basic knowledge of the efforts."],
    [
      "En hel del vet vad insatserna är och vilka de riktar sig till.",
      "A fair number know what the efforts are and who they are for.",
    ],
    [
      "De flesta känner till insatserna, deras syfte och vem som driver dem.",
      "Most know the efforts, their purpose and who runs them.",
    ],
    [
      "De flesta känner insatserna väl, också deras resultat.",
      "Most know the efforts well, including their results.",
    ],
    [
      "Lokalsamhället känner insatserna i detalj, också kostnader och utvärdering.",
      "The community knows the efforts in detail, including costs and evaluation.",
    ],
  ],
  C: [
    ["Ledarna ser inte frågan som ett problem.", "Leaders do not see the issue as a concern."],
    [
      "Ledarna anser att frågan inte är ett problem här eller att inget går att göra.",
      "Leaders think it is not a problem here, or that nothing can be done.",
    ],
    [
      "Ledarna ser frågan som lokal men visar ingen vilja att agera.",
      "Leaders see it as a local concern but show no will to act.",
    ],
    [
      "Ledarna är överens om att något måste göras; några skulle stödja det.",
      "Leaders agree that something must be done; some would support it.",
    ],
    [
      "Ledarna deltar i planeringen och stödjer insatser aktivt.",
      "Leaders take part in planning and actively support efforts.",
    ],
    [
      "Ledarna är med och genomför insatser, till exempel i arbetsgrupper eller med resurser.",
      "Leaders help carry out efforts, for example in working groups or with resources.",
    ],
    [
      "Ledarna stödjer insatserna fortlöpande och säkrar deras finansiering.",
      "Leaders back the efforts continuously and secure their funding.",
    ],
    [
      "Ledarna vill bygga ut och förbättra insatserna och använder utvärdering till det.",
      "Leaders seek to expand and improve the efforts, using evaluation to do so.",
    ],
    [
      "Ledarna driver frågan, förnyar insatserna när behoven ändras och tar ansvar för resultaten.",
      "Leaders champion the issue, renew efforts as needs change and answer for results.",
    ],
  ],
  D: [
    [
      "Frågan ses som normal eller som något som inte angår lokalsamhället.",
      "The issue is seen as normal or as no concern of the community.",
    ],
    [
      "Man tror att frågan inte är ett problem här eller inte går att ändra.",
      "People believe it is not a problem here or cannot be changed.",
    ],
    [
      "Klimatet är likgiltigt; viss oro men liten vilja.",
      "The climate is indifferent; some concern but little will.",
    ],
    [
      "En del ser frågan som ett problem och vill att något görs.",
      "Some see the issue as a problem and want something done.",
    ],
    [
      "Inställningen är ”det här angår oss”; visst stöd för insatser växer fram.",
      "The attitude is “this is our concern”; modest support for efforts emerges.",
    ],
    [
      "Lokalsamhället stödjer i allmänhet insatserna.",
      "The community generally supports the efforts.",
    ],
    [
      "De flesta stödjer insatserna och räknar med att de fortsätter.",
      "Most support the efforts and expect them to continue.",
    ],
    [
      "Många stödjer insatserna aktivt, deltar och vill att de byggs ut.",
      "Many actively support the efforts, take part and want them expanded.",
    ],
    [
      "Lokalsamhället äger insatserna och håller de ansvariga till svars.",
      "The community owns the efforts and holds those responsible to account.",
    ],
  ],
  E: [
    ["Frågan är inte känd som ett problem.", "The issue is not known as a problem."],
    [
      "Få vet något om frågan; missuppfattningar är vanliga.",
      "Few know anything about the issue; misconceptions are common.",
    ],
    [
      "Några vet att frågan finns lokalt men inte dess tecken eller orsaker.",
      "Some know the issue exists locally but not its signs or causes.",
    ],
    [
      "Några känner till grunderna: tecken och vanliga orsaker.",
      "Some know the basics: signs and common causes.",
    ],
    [
      "Många har grundläggande kunskap; vissa lokala fakta är kända.",
      "Many have basic knowledge; some local facts are known.",
    ],
    [
      "En hel del känner till tecken, orsaker, följder och var problemet finns lokalt.",
      "A fair number know the signs, causes, consequences and where it occurs locally.",
    ],
    [
      "De flesta känner till orsaker, följder, risk- och skyddsfaktorer och lokala data.",
      "Most know causes, consequences, risk and protective factors, and local data.",
    ],
    [
      "De flesta har detaljerad kunskap, också om lokala data och trender.",
      "Most have detailed knowledge, including local data and trends.",
    ],
    [
      "Kunskapen är detaljerad och nyanserad i hela lokalsamhället, också om hur prevention verkar.",
      "Knowledge is detailed and nuanced across the community, including how prevention works.",
    ],
  ],
  F: [
    [
      "Inga resurser finns för frågan och ingen söker några.",
      "No resources exist for the issue and none are sought.",
    ],
    [
      "Resurserna är få; man ser inte att de kan användas för frågan.",
      "Resources are few; no one sees that they could be used for the issue.",
    ],
    [
      "Vissa resurser skulle kunna användas, men ingen undersöker hur.",
      "Some resources could be used, but no one is looking into how.",
    ],
    [
      "Några har börjat leta resurser; personal eller lokaler kan erbjudas.",
      "Some have begun looking for resources; staff or premises may be offered.",
    ],
    [
      "Resurser söks aktivt; en del är utlovade eller beviljade.",
      "Resources are actively sought; some are promised or granted.",
    ],
    [
      "Resurserna räcker för att starta insatser; personal är avdelad.",
      "Resources cover starting the efforts; staff are assigned.",
    ],
    [
      "Resurserna är säkrade för etablerade insatser; långsiktig finansiering planeras.",
      "Resources are secured for established efforts; long-term funding is planned.",
    ],
    [
      "Finansieringen är stabil och varierad; mer söks för att bygga ut.",
      "Funding is stable and diverse; more is sought to expand.",
    ],
    [
      "Varaktig, varierad finansiering och utbildad personal; resurserna prövas mot utvärderingen.",
      "Lasting, diverse funding and trained staff; resources are reviewed against evaluation.",
    ],
  ],
};

export interface Anchor {
  level: StageNumber;
  statement: Localized;
}

/** The nine anchored statements for one dimension, lowest level first. */
export function anchorsFor(dimension: DimensionLetter): Anchor[] {
  return STATEMENTS[dimension].map(([sv, en], index) => ({
    level: (index + 1) as StageNumber,
    statement: { sv, en },
  }));
}
