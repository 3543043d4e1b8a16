import type { Localized } from "./dimensions.ts";

export const STAGE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type StageNumber = (typeof STAGE_NUMBERS)[number];

/**
 * Where a text comes from. `checked` was compared with a source in substance; `handbook_summary`
 * is the product's own wording of what the handbook says and has not been checked against it yet,
 * so the report can say so and an editor knows which texts to verify.
 */
export type TextProvenance = "checked" | "handbook_summary";

export interface StageGuidance {
  provenance: TextProvenance;
  goal: Localized;
}

export interface StageStrategies {
  provenance: TextProvenance;
  items: readonly Localized[];
}

export interface Stage {
  stage: StageNumber;
  name: Localized;
  description: Localized;
  goal: StageGuidance;
  strategies: StageStrategies;
}

const summary = (sv: string, en: string): StageGuidance => ({
  provenance: "handbook_summary",
  goal: { sv, en },
});

const strategies = (provenance: TextProvenance, items: [string, string][]): StageStrategies => ({
  provenance,
  items: items.map(([sv, en]) => ({ sv, en })),
});

export const STAGES: Readonly<Record<StageNumber, Stage>> = {
  1: {
    stage: 1,
    name: { sv: "Ingen medvetenhet", en: "No awareness" },
    description: {
      sv: "Frågan uppfattas i allmänhet inte som ett problem.",
      en: "The issue is not generally recognised as a problem.",
    },
    goal: summary("Väcka medvetenhet om frågan.", "Raise awareness of the issue."),
    strategies: strategies("checked", [
      [
        "Enskilda samtal med ledare och möjliga allierade i lokalsamhället.",
        "One-to-one talks with community leaders and potential allies.",
      ],
      ["Möten i små grupper.", "Small-group meetings."],
      [
        "Ta upp frågan vid evenemang och möten som redan finns.",
        "Use existing events and meetings to raise the issue.",
      ],
    ]),
  },
  2: {
    stage: 2,
    name: { sv: "Förnekelse / motstånd", en: "Denial / resistance" },
    description: {
      sv: "Åtminstone några ser frågan som ett problem, men få ser den som ett lokalt problem.",
      en: "At least some think it is a problem, but there is little recognition that it is a local one.",
    },
    goal: summary(
      "Väcka medvetenhet om att problemet finns här.",
      "Raise awareness that the problem exists here.",
    ),
    strategies: strategies("checked", [
      [
        "Fortsätt med enskilda samtal och kontakter i små grupper.",
        "Continue one-to-one and small-group contacts.",
      ],
      ["Använd lokala berättelser och lokala medier.", "Use local stories and local media."],
      ["Presentera lokala fakta.", "Present local facts."],
    ]),
  },
  3: {
    stage: 3,
    name: { sv: "Vag medvetenhet", en: "Vague awareness" },
    description: {
      sv: "De flesta ser frågan som en lokal angelägenhet, men ingen känner att något måste göras nu.",
      en: "Most feel it is a local concern, but there is no immediate motivation to act.",
    },
    goal: summary(
      "Väcka medvetenhet om att lokalsamhället kan göra något.",
      "Raise awareness that the community can do something.",
    ),
    strategies: strategies("checked", [
      [
        "Presentera information vid lokala evenemang och i föreningar.",
        "Present information at local events and to local groups.",
      ],
      ["Affischer och broschyrer.", "Posters and leaflets."],
      ["Börja samla in lokala data.", "Begin gathering local data."],
    ]),
  },
  4: {
    stage: 4,
    name: { sv: "Förplanering", en: "Preplanning" },
    description: {
      sv: "Tydlig insikt om att något måste göras; kanske finns en grupp, men ingen fokuserad plan.",
      en: "Clear recognition that something must be done; perhaps a group, but no focused plan.",
    },
    goal: summary(
      "Väcka medvetenhet med konkreta idéer om vad som kan göras.",
      "Raise awareness with concrete ideas of what can be done.",
    ),
    strategies: strategies("checked", [
      [
        "Sprid information genom presentationer och medier.",
        "Introduce information through presentations and media.",
      ],
      ["Besök ledare i lokalsamhället.", "Visit community leaders."],
      ["Gå igenom de insatser som redan finns.", "Review the efforts that already exist."],
      ["Lokala fokusgrupper.", "Local focus groups."],
    ]),
  },
  5: {
    stage: 5,
    name: { sv: "Förberedelse", en: "Preparation" },
    description: {
      sv: "Aktiva ledare börjar planera på allvar; stödet är måttligt.",
      en: "Active leaders begin planning in earnest; support is modest.",
    },
    goal: summary(
      "Samla befintlig kunskap som underlag för att planera insatser.",
      "Gather existing information to help plan strategies.",
    ),
    strategies: strategies("handbook_summary", [
      ["Enkäter i skolan och lokalsamhället.", "School and community surveys."],
      ["Öppna möten.", "Public forums."],
      ["Presentera lokala data.", "Present local data."],
      ["Hitta resurser och finansiering.", "Find resources and funding."],
    ]),
  },
  6: {
    stage: 6,
    name: { sv: "Initiering", en: "Initiation" },
    description: {
      sv: "Det finns tillräckligt med information för att motivera insatser; aktiviteter har startat.",
      en: "There is enough information to justify efforts; activities are under way.",
    },
    goal: {
      provenance: "checked",
      goal: {
        sv: "Ge information som är specifik för lokalsamhället.",
        en: "Provide community-specific information.",
      },
    },
    strategies: strategies("checked", [
      ["Utbildning för yrkesverksamma.", "Training for professionals."],
      ["Starta aktiviteterna.", "Start the activities."],
      ["Gör aktiviteterna kända.", "Publicise the activities."],
      ["Enkel utvärdering.", "Basic evaluation."],
    ]),
  },
  7: {
    stage: 7,
    name: { sv: "Stabilisering", en: "Stabilization" },
    description: {
      sv: "Aktiviteterna har stöd av chefer och beslutsfattare; personalen är utbildad och erfaren.",
      en: "Activities are supported by administrators and decision makers; staff are trained and experienced.",
    },
    goal: summary("Stabilisera insatser och program.", "Stabilise efforts and programmes."),
    strategies: strategies("handbook_summary", [
      [
        "Utbildning och fortbildning för personalen.",
        "Training and in-service education for staff.",
      ],
      [
        "Evenemang i lokalsamhället som håller stödet uppe.",
        "Community events that keep support alive.",
      ],
      ["Planera för långsiktig finansiering.", "Plan for sustainable funding."],
    ]),
  },
  8: {
    stage: 8,
    name: { sv: "Bekräftelse / utvidgning", en: "Confirmation / expansion" },
    description: {
      sv: "Insatserna är etablerade; det finns stöd för att bygga ut dem; lokala data används.",
      en: "Standard efforts are in place; there is support for expanding them; local data are used.",
    },
    goal: summary("Bygga ut och förbättra insatserna.", "Expand and enhance services."),
    strategies: strategies("handbook_summary", [
      ["Formell utvärdering.", "Formal evaluation."],
      ["Skaffa nya resurser.", "Secure new resources."],
      ["Nå hela befolkningen.", "Reach the whole population."],
      ["Använd lokala data för att justera insatserna.", "Use local data to adjust the efforts."],
    ]),
  },
  9: {
    stage: 9,
    name: { sv: "Hög grad av ägarskap", en: "High level of community ownership" },
    description: {
      sv: "Detaljerad och nyanserad kunskap; utvärdering som fungerar visar vägen framåt.",
      en: "Detailed, sophisticated knowledge; effective evaluation guides new directions.",
    },
    goal: summary("Behålla farten och fortsätta utvecklas.", "Maintain momentum and keep growing."),
    strategies: strategies("handbook_summary", [
      ["Bredda finansieringen.", "Diversify funding."],
      ["Vidga arbetet till närliggande frågor.", "Broaden the work to related issues."],
      ["Dela modellen med andra.", "Share the model with others."],
      ["Löpande utvärdering.", "Continuous evaluation."],
    ]),
  },
};
