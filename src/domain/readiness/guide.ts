import { DIMENSION_LETTERS, type DimensionLetter, type Localized } from "./dimensions.ts";

/** Replaced by the topic's name when a guide is rendered for an assessment. */
export const TOPIC_PLACEHOLDER = "{topic}";

export interface GuideQuestion {
  /** Stable within a guide version; interview answers are keyed by it. */
  id: string;
  dimension: DimensionLetter;
  text: Localized;
  followUps: readonly Localized[];
}

/**
 * A guide is never edited in place: past assessments keep the version they used, and an
 * organisation's edited copy is a new guide.
 */
export interface InterviewGuide {
  key: string;
  version: number;
  title: Localized;
  questions: readonly GuideQuestion[];
}

type Row = [id: string, sv: string, en: string, followUps?: [string, string][]];

const rows = (dimension: DimensionLetter, list: Row[]): GuideQuestion[] =>
  list.map(([id, sv, en, followUps = []]) => ({
    id,
    dimension,
    text: { sv, en },
    followUps: followUps.map(([fsv, fen]) => ({ sv: fsv, en: fen })),
  }));

export const DEFAULT_GUIDE: InterviewGuide = {
  key: "paraply-crm-default",
  version: 1,
  title: { sv: "Intervjuguide för beredskapsmätning", en: "Community readiness interview guide" },
  questions: [
    ...rows("A", [
      [
        "A1",
        "Vilka insatser, aktiviteter eller riktlinjer om {topic} finns i lokalsamhället i dag?",
        "Which efforts, activities or policies on {topic} exist in the community today?",
        [
          ["Vem driver dem?", "Who runs them?"],
          ["Vilka riktar de sig till?", "Who are they for?"],
        ],
      ],
      [
        "A2",
        "Hur länge har insatserna funnits?",
        "How long have these efforts been running?",
        [["Är de permanenta eller projekt?", "Are they permanent or projects?"]],
      ],
      [
        "A3",
        "Finns det grupper som insatserna inte når?",
        "Are there groups the efforts do not reach?",
        [["Vilka, och varför?", "Which, and why?"]],
      ],
      [
        "A4",
        "Planeras nya insatser om {topic}?",
        "Are new efforts on {topic} being planned?",
        [
          [
            "Vem planerar dem, och hur långt har de kommit?",
            "Who is planning them, and how far have they come?",
          ],
        ],
      ],
      [
        "A5",
        "Följs insatserna upp eller utvärderas de?",
        "Are the efforts followed up or evaluated?",
        [["Används resultaten?", "Are the results used?"]],
      ],
    ]),
    ...rows("B", [
      [
        "B1",
        "Hur kända är insatserna om {topic} i lokalsamhället?",
        "How well known are the efforts on {topic} in the community?",
        [
          [
            "Känner ett fåtal, vissa yrkesgrupper eller de flesta till dem?",
            "Do a few people, certain professions or most people know of them?",
          ],
        ],
      ],
      [
        "B2",
        "Vad vet man om insatserna – syfte, målgrupp, hur de fungerar?",
        "What do people know about the efforts – purpose, target group, how they work?",
      ],
      [
        "B3",
        "Hur får människor veta att insatserna finns?",
        "How do people find out that the efforts exist?",
        [["Vilka kanaler, evenemang eller medier?", "Which channels, events or media?"]],
      ],
      [
        "B4",
        "Vad vet man om insatsernas resultat?",
        "What do people know about the results of the efforts?",
      ],
    ]),
    ...rows("C", [
      [
        "C1",
        "Vilka är ledarna i lokalsamhället när det gäller {topic}?",
        "Who are the community's leaders on {topic}?",
        [
          [
            "Politiker, chefer, företrädare för föreningar?",
            "Politicians, managers, heads of organisations?",
          ],
        ],
      ],
      [
        "C2",
        "Hur viktig är frågan om {topic} för ledarna?",
        "How much does {topic} matter to these leaders?",
        [["Hur märks det?", "How can you tell?"]],
      ],
      [
        "C3",
        "Hur deltar ledarna i arbetet?",
        "How are the leaders involved in the work?",
        [
          [
            "Sitter de i arbetsgrupper, beslutar om pengar, talar offentligt om frågan?",
            "Do they sit on working groups, decide on money, speak publicly about it?",
          ],
        ],
      ],
      [
        "C4",
        "Skulle ledarna stödja fler eller större insatser?",
        "Would the leaders support more or larger efforts?",
        [["Vad skulle krävas?", "What would it take?"]],
      ],
    ]),
    ...rows("D", [
      [
        "D1",
        "Hur ser människor i lokalsamhället på {topic}?",
        "How do people in the community see {topic}?",
        [["Ses det som ett problem här?", "Is it seen as a problem here?"]],
      ],
      [
        "D2",
        "Vilket stöd eller motstånd möter de som arbetar med {topic}?",
        "What support or resistance do those working on {topic} meet?",
      ],
      [
        "D3",
        "Finns det förhållanden som gör arbetet med {topic} svårare?",
        "Are there circumstances that make work on {topic} harder?",
        [
          [
            "Till exempel attityder, rädsla eller konflikter mellan grupper?",
            "For example attitudes, fear or conflicts between groups?",
          ],
        ],
      ],
      [
        "D4",
        "Hur skulle lokalsamhället reagera om arbetet med {topic} ökade?",
        "How would the community react if work on {topic} increased?",
      ],
    ]),
    ...rows("E", [
      [
        "E1",
        "Hur mycket vet människor i lokalsamhället om {topic}?",
        "How much do people in the community know about {topic}?",
        [["Om tecken, orsaker och följder?", "About signs, causes and consequences?"]],
      ],
      [
        "E2",
        "Vad vet man om läget här när det gäller {topic} – hur vanligt och var?",
        "What do people know about the local situation on {topic} – how common, and where?",
        [["Finns lokala data, och är de kända?", "Are there local data, and are they known?"]],
      ],
      [
        "E3",
        "Var får människor information om {topic}?",
        "Where do people get information about {topic}?",
      ],
      [
        "E4",
        "Vilka missuppfattningar om {topic} är vanliga?",
        "Which misconceptions about {topic} are common?",
      ],
    ]),
    ...rows("F", [
      [
        "F1",
        "Vem arbetar med {topic} i lokalsamhället, och hur stor del av sin tid?",
        "Who works on {topic} in the community, and how much of their time?",
      ],
      [
        "F2",
        "Vilka pengar finns för arbetet med {topic}?",
        "What money is there for the work on {topic}?",
        [["Fast budget eller projektmedel?", "A permanent budget or project funds?"]],
      ],
      [
        "F3",
        "Vilka andra resurser finns – lokaler, ideella krafter, kompetens, nätverk?",
        "What other resources are there – premises, volunteers, expertise, networks?",
      ],
      [
        "F4",
        "Söker någon mer resurser, och är finansieringen säkrad de kommande åren?",
        "Is anyone seeking more resources, and is funding secured for the coming years?",
      ],
    ]),
  ],
};

export interface RenderedQuestion {
  id: string;
  text: string;
  followUps: string[];
}

export interface RenderedSection {
  dimension: DimensionLetter;
  questions: RenderedQuestion[];
}

/** The guide in one language with the topic's name inserted, grouped by dimension A–F. */
export function renderGuide(
  guide: InterviewGuide,
  topic: Localized,
  language: keyof Localized,
): RenderedSection[] {
  const fill = (text: Localized) => text[language].replaceAll(TOPIC_PLACEHOLDER, topic[language]);
  return DIMENSION_LETTERS.map((dimension) => ({
    dimension,
    questions: guide.questions
      .filter((question) => question.dimension === dimension)
      .map((question) => ({
        id: question.id,
        text: fill(question.text),
        followUps: question.followUps.map(fill),
      })),
  }));
}
