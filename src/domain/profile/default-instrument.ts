import { type Instrument, type InstrumentInput, InstrumentSchema } from "./instrument.ts";

/**
 * The default instrument `ctc-sv`: a CTC-type youth survey in Swedish with 24 risk and protective
 * factors over the four domains and 92 items. The wording is Paraply's own (fictional, modelled
 * on the CTC Youth Survey's structure, see docs/profile-cli.md); the cut-points are illustrative
 * and a municipality using a validated survey imports that survey's instrument instead.
 *
 * Answer scales (the code an answer is stored as):
 * - agree: 1 Stämmer inte alls, 2 Stämmer ganska dåligt, 3 Stämmer ganska bra, 4 Stämmer helt
 * - wrong: 1 Inte alls fel, 2 Lite fel, 3 Ganska fel, 4 Mycket fel
 * - easy: 1 Mycket svårt, 2 Ganska svårt, 3 Ganska lätt, 4 Mycket lätt
 * - harm: 1 Ingen risk, 2 Liten risk, 3 Måttlig risk, 4 Stor risk
 * - yesno: 0 Nej, 1 Ja
 * - often: 0 Aldrig, 1 1–2 gånger, 2 3–9 gånger, 3 10 gånger eller fler
 * - friends: 0 Ingen, 1 En, 2 Två, 3 Tre, 4 Fyra eller fler
 * 9 is "vill inte svara" on every scale and counts as not answered.
 */

const SCALES = {
  agree: { min: 1, max: 4 },
  wrong: { min: 1, max: 4 },
  easy: { min: 1, max: 4 },
  harm: { min: 1, max: 4 },
  yesno: { min: 0, max: 1 },
  often: { min: 0, max: 3 },
  friends: { min: 0, max: 4 },
} as const;
const NOT_ANSWERED = 9;
const REVERSED = true;

type ItemRow = [id: string, sv: string, en: string, reversed?: boolean];
type Name = { sv: string; en: string };
type FactorInput = InstrumentInput["factors"][number];
type ItemInput = InstrumentInput["items"][number];

const items: ItemInput[] = [];

function factor(
  id: string,
  kind: FactorInput["kind"],
  domain: FactorInput["domain"],
  name: Name,
  rule: {
    scale: keyof typeof SCALES;
    cutPoint: number;
    compare: ">" | ">=";
    minAnswered: number;
  },
  rows: ItemRow[],
): FactorInput {
  for (const [itemId, sv, en] of rows) {
    items.push({ id: itemId, ...SCALES[rule.scale], missing: [NOT_ANSWERED], text: { sv, en } });
  }
  return {
    id,
    kind,
    domain,
    name,
    items: rows.map(([itemId]) => itemId),
    reverse: rows.filter(([, , , reversed]) => reversed).map(([itemId]) => itemId),
    minAnswered: rule.minAnswered,
    cutPoint: rule.cutPoint,
    compare: rule.compare,
  };
}

const factors: FactorInput[] = [
  factor(
    "low_neighbourhood_attachment",
    "risk",
    "community",
    { sv: "Låg anknytning till närområdet", en: "Low neighbourhood attachment" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q01",
        "Jag skulle sakna mitt område om jag flyttade",
        "I would miss my neighbourhood if I moved",
        REVERSED,
      ],
      [
        "q02",
        "Jag trivs i det område där jag bor",
        "I like the neighbourhood where I live",
        REVERSED,
      ],
      [
        "q03",
        "Jag vill flytta från mitt område så snart jag kan",
        "I want to move out of my neighbourhood as soon as I can",
      ],
    ],
  ),
  factor(
    "community_disorganisation",
    "risk",
    "community",
    { sv: "Oordning i närområdet", en: "Community disorganisation" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 3 },
    [
      [
        "q04",
        "Det finns mycket klotter och skadegörelse där jag bor",
        "There is a lot of graffiti and vandalism where I live",
      ],
      [
        "q05",
        "Det förekommer bråk och slagsmål i mitt område",
        "There are fights in my neighbourhood",
      ],
      [
        "q06",
        "Det är vanligt med tomma och förfallna hus i mitt område",
        "Empty and run-down buildings are common in my neighbourhood",
      ],
      [
        "q07",
        "Jag känner mig trygg ute på kvällen i mitt område",
        "I feel safe outside in the evening in my neighbourhood",
        REVERSED,
      ],
    ],
  ),
  factor(
    "norms_favourable_to_use",
    "risk",
    "community",
    {
      sv: "Normer i närområdet som accepterar droger",
      en: "Community norms favourable to drug use",
    },
    { scale: "wrong", cutPoint: 2.5, compare: ">", minAnswered: 3 },
    [
      [
        "q08",
        "Vuxna i mitt område tycker att det är fel om unga dricker alkohol",
        "Adults in my neighbourhood think it is wrong for young people to drink alcohol",
        REVERSED,
      ],
      [
        "q09",
        "Vuxna i mitt område tycker att det är fel om unga röker",
        "Adults in my neighbourhood think it is wrong for young people to smoke",
        REVERSED,
      ],
      [
        "q10",
        "Vuxna i mitt område tycker att det är fel om unga använder cannabis",
        "Adults in my neighbourhood think it is wrong for young people to use cannabis",
        REVERSED,
      ],
      [
        "q11",
        "Polisen skulle ingripa om en ung person drack alkohol ute",
        "The police would step in if a young person drank alcohol outdoors",
        REVERSED,
      ],
    ],
  ),
  factor(
    "perceived_availability_of_drugs",
    "risk",
    "community",
    { sv: "Tillgång till droger", en: "Perceived availability of drugs" },
    { scale: "easy", cutPoint: 2.5, compare: ">", minAnswered: 3 },
    [
      [
        "q12",
        "Hur lätt skulle det vara för dig att få tag i alkohol?",
        "How easy would it be for you to get alcohol?",
      ],
      [
        "q13",
        "Hur lätt skulle det vara för dig att få tag i cigaretter eller snus?",
        "How easy would it be for you to get cigarettes or snus?",
      ],
      [
        "q14",
        "Hur lätt skulle det vara för dig att få tag i cannabis?",
        "How easy would it be for you to get cannabis?",
      ],
      [
        "q15",
        "Hur lätt skulle det vara för dig att få tag i andra droger?",
        "How easy would it be for you to get other drugs?",
      ],
    ],
  ),
  factor(
    "community_opportunities",
    "protective",
    "community",
    {
      sv: "Möjligheter till delaktighet i närområdet",
      en: "Community opportunities for prosocial involvement",
    },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q16",
        "Det finns fritidsaktiviteter för unga i mitt område",
        "There are leisure activities for young people in my neighbourhood",
      ],
      [
        "q17",
        "Det finns föreningar i mitt område som jag kan vara med i",
        "There are clubs in my neighbourhood I can join",
      ],
      [
        "q18",
        "Det finns ställen där unga kan träffas under trygga former",
        "There are places where young people can meet safely",
      ],
    ],
  ),
  factor(
    "community_rewards",
    "protective",
    "community",
    {
      sv: "Uppskattning från vuxna i närområdet",
      en: "Community rewards for prosocial involvement",
    },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q19",
        "Vuxna i mitt område märker när jag gör något bra",
        "Adults in my neighbourhood notice when I do something good",
      ],
      [
        "q20",
        "Det finns vuxna i mitt område som jag kan prata med",
        "There are adults in my neighbourhood I can talk to",
      ],
      [
        "q21",
        "Vuxna i mitt område uppmuntrar mig att göra mitt bästa",
        "Adults in my neighbourhood encourage me to do my best",
      ],
    ],
  ),
  factor(
    "poor_family_management",
    "risk",
    "family",
    { sv: "Bristande tillsyn i familjen", en: "Poor family management" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 4 },
    [
      [
        "q22",
        "Mina föräldrar vet var jag är när jag är ute",
        "My parents know where I am when I am out",
        REVERSED,
      ],
      [
        "q23",
        "Mina föräldrar vet vilka jag umgås med",
        "My parents know who I spend time with",
        REVERSED,
      ],
      ["q24", "Vi har tydliga regler hemma", "We have clear rules at home", REVERSED],
      [
        "q25",
        "Mina föräldrar skulle märka om jag kom hem för sent",
        "My parents would notice if I came home late",
        REVERSED,
      ],
      [
        "q26",
        "Mina föräldrar skulle märka om jag skolkade",
        "My parents would notice if I skipped school",
        REVERSED,
      ],
      [
        "q27",
        "Om jag drack alkohol skulle mina föräldrar få reda på det",
        "If I drank alcohol my parents would find out",
        REVERSED,
      ],
    ],
  ),
  factor(
    "family_conflict",
    "risk",
    "family",
    { sv: "Konflikter i familjen", en: "Family conflict" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q28",
        "Vi bråkar ofta om samma saker i min familj",
        "We often argue about the same things in my family",
      ],
      [
        "q29",
        "Folk i min familj skriker ofta åt varandra",
        "People in my family often shout at each other",
      ],
      ["q30", "Vi kommer bra överens hemma", "We get on well at home", REVERSED],
    ],
  ),
  factor(
    "parental_attitudes_favourable",
    "risk",
    "family",
    {
      sv: "Föräldrars tillåtande attityder till droger",
      en: "Parental attitudes favourable to drug use",
    },
    { scale: "wrong", cutPoint: 2, compare: ">", minAnswered: 2 },
    [
      [
        "q31",
        "Hur fel tycker dina föräldrar att det är om du dricker alkohol?",
        "How wrong do your parents think it is for you to drink alcohol?",
        REVERSED,
      ],
      [
        "q32",
        "Hur fel tycker dina föräldrar att det är om du röker eller snusar?",
        "How wrong do your parents think it is for you to smoke or use snus?",
        REVERSED,
      ],
      [
        "q33",
        "Hur fel tycker dina föräldrar att det är om du använder cannabis?",
        "How wrong do your parents think it is for you to use cannabis?",
        REVERSED,
      ],
    ],
  ),
  factor(
    "family_history_antisocial",
    "risk",
    "family",
    { sv: "Normbrytande beteende i familjen", en: "Family history of antisocial behaviour" },
    { scale: "yesno", cutPoint: 0.25, compare: ">", minAnswered: 3 },
    [
      [
        "q34",
        "Har någon i din familj haft allvarliga problem med alkohol eller droger?",
        "Has anyone in your family had serious problems with alcohol or drugs?",
      ],
      [
        "q35",
        "Har någon i din familj blivit gripen av polisen?",
        "Has anyone in your family been arrested by the police?",
      ],
      ["q36", "Har någon i din familj sålt droger?", "Has anyone in your family sold drugs?"],
      [
        "q37",
        "Har någon i din familj druckit så mycket att hen inte kunnat ta hand om sig?",
        "Has anyone in your family been too drunk to look after themselves?",
      ],
    ],
  ),
  factor(
    "family_attachment",
    "protective",
    "family",
    { sv: "Anknytning i familjen", en: "Family attachment" },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 3 },
    [
      [
        "q38",
        "Jag känner mig nära min mamma eller en annan vuxen hemma",
        "I feel close to my mother or another adult at home",
      ],
      [
        "q39",
        "Jag känner mig nära min pappa eller en annan vuxen hemma",
        "I feel close to my father or another adult at home",
      ],
      [
        "q40",
        "Jag delar mina tankar och känslor med någon vuxen hemma",
        "I share my thoughts and feelings with an adult at home",
      ],
      [
        "q41",
        "Jag kan be om hjälp hemma när jag har problem",
        "I can ask for help at home when I have a problem",
      ],
    ],
  ),
  factor(
    "family_rewards",
    "protective",
    "family",
    { sv: "Uppskattning i familjen", en: "Family rewards for prosocial involvement" },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 3 },
    [
      [
        "q42",
        "Mina föräldrar säger att de är stolta över mig",
        "My parents tell me they are proud of me",
      ],
      [
        "q43",
        "Mina föräldrar märker när jag gör något bra",
        "My parents notice when I do something well",
      ],
      [
        "q44",
        "Jag får vara med och bestämma om saker i familjen",
        "I take part in decisions in my family",
      ],
      [
        "q45",
        "Vi gör roliga saker tillsammans i familjen",
        "We do fun things together as a family",
      ],
    ],
  ),
  factor(
    "academic_failure",
    "risk",
    "school",
    { sv: "Svaga skolresultat", en: "Academic failure" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q46",
        "Mina betyg är sämre än de flesta i min klass",
        "My grades are worse than most in my class",
      ],
      [
        "q47",
        "Jag har svårt att hänga med i skolarbetet",
        "I find it hard to keep up with schoolwork",
      ],
      [
        "q48",
        "Jag klarar kunskapskraven i de flesta ämnen",
        "I meet the requirements in most subjects",
        REVERSED,
      ],
    ],
  ),
  factor(
    "low_school_commitment",
    "risk",
    "school",
    { sv: "Lågt engagemang i skolan", en: "Low commitment to school" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 4 },
    [
      [
        "q49",
        "Jag tycker att det jag lär mig i skolan är viktigt",
        "I think what I learn at school is important",
        REVERSED,
      ],
      ["q50", "Jag försöker göra mitt bästa i skolan", "I try to do my best at school", REVERSED],
      [
        "q51",
        "Jag ser fram emot att gå till skolan",
        "I look forward to going to school",
        REVERSED,
      ],
      ["q52", "Jag har skolkat den senaste månaden", "I have skipped school in the last month"],
      ["q53", "Skolarbetet känns meningslöst", "Schoolwork feels pointless"],
    ],
  ),
  factor(
    "school_opportunities",
    "protective",
    "school",
    {
      sv: "Möjligheter till delaktighet i skolan",
      en: "School opportunities for prosocial involvement",
    },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 3 },
    [
      [
        "q54",
        "Eleverna får vara med och bestämma om saker i skolan",
        "Students take part in decisions at school",
      ],
      [
        "q55",
        "Det finns aktiviteter i skolan utöver lektionerna",
        "There are activities at school besides lessons",
      ],
      [
        "q56",
        "Jag får chansen att berätta vad jag tycker i klassen",
        "I get the chance to say what I think in class",
      ],
      [
        "q57",
        "Lärarna ger mig uppgifter som jag kan klara",
        "Teachers give me tasks that I can manage",
      ],
    ],
  ),
  factor(
    "school_rewards",
    "protective",
    "school",
    { sv: "Uppskattning i skolan", en: "School rewards for prosocial involvement" },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 2 },
    [
      [
        "q58",
        "Lärarna berömmer mig när jag anstränger mig",
        "Teachers praise me when I make an effort",
      ],
      [
        "q59",
        "Skolan låter mina föräldrar veta när jag gjort något bra",
        "School tells my parents when I have done well",
      ],
      [
        "q60",
        "Det finns en vuxen i skolan som bryr sig om mig",
        "There is an adult at school who cares about me",
      ],
    ],
  ),
  factor(
    "rebelliousness",
    "risk",
    "individual",
    { sv: "Trots mot regler", en: "Rebelliousness" },
    { scale: "agree", cutPoint: 2.5, compare: ">", minAnswered: 2 },
    [
      [
        "q61",
        "Jag gör ofta tvärtemot vad vuxna säger",
        "I often do the opposite of what adults say",
      ],
      [
        "q62",
        "Jag tycker om att se hur mycket jag kan komma undan med",
        "I like to see how much I can get away with",
      ],
      [
        "q63",
        "Jag följer regler även när ingen ser",
        "I follow rules even when nobody is watching",
        REVERSED,
      ],
    ],
  ),
  factor(
    "early_initiation",
    "risk",
    "individual",
    { sv: "Tidig debut", en: "Early initiation of substance use and antisocial behaviour" },
    { scale: "often", cutPoint: 0.5, compare: ">", minAnswered: 3 },
    [
      [
        "q64",
        "Hur ofta har du druckit alkohol det senaste året?",
        "How often have you drunk alcohol in the last year?",
      ],
      [
        "q65",
        "Hur ofta har du rökt eller snusat det senaste året?",
        "How often have you smoked or used snus in the last year?",
      ],
      [
        "q66",
        "Hur ofta har du varit berusad det senaste året?",
        "How often have you been drunk in the last year?",
      ],
      [
        "q67",
        "Hur ofta har du stulit något det senaste året?",
        "How often have you stolen something in the last year?",
      ],
    ],
  ),
  factor(
    "attitudes_favourable_to_use",
    "risk",
    "individual",
    { sv: "Egna tillåtande attityder till droger", en: "Attitudes favourable to drug use" },
    { scale: "wrong", cutPoint: 1.5, compare: ">", minAnswered: 3 },
    [
      [
        "q68",
        "Hur fel tycker du att det är att någon i din ålder dricker alkohol?",
        "How wrong do you think it is for someone your age to drink alcohol?",
        REVERSED,
      ],
      [
        "q69",
        "Hur fel tycker du att det är att någon i din ålder röker?",
        "How wrong do you think it is for someone your age to smoke?",
        REVERSED,
      ],
      [
        "q70",
        "Hur fel tycker du att det är att någon i din ålder använder cannabis?",
        "How wrong do you think it is for someone your age to use cannabis?",
        REVERSED,
      ],
      [
        "q71",
        "Hur fel tycker du att det är att någon i din ålder använder andra droger?",
        "How wrong do you think it is for someone your age to use other drugs?",
        REVERSED,
      ],
    ],
  ),
  factor(
    "low_perceived_risk",
    "risk",
    "individual",
    { sv: "Låg upplevd risk med droger", en: "Low perceived risk of drug use" },
    { scale: "harm", cutPoint: 2.5, compare: ">", minAnswered: 3 },
    [
      [
        "q72",
        "Hur stor risk tror du att man tar om man röker dagligen?",
        "How much do people risk harming themselves if they smoke every day?",
        REVERSED,
      ],
      [
        "q73",
        "Hur stor risk tror du att man tar om man dricker sig berusad varje helg?",
        "How much do people risk if they get drunk every weekend?",
        REVERSED,
      ],
      [
        "q74",
        "Hur stor risk tror du att man tar om man provar cannabis en eller två gånger?",
        "How much do people risk if they try cannabis once or twice?",
        REVERSED,
      ],
      [
        "q75",
        "Hur stor risk tror du att man tar om man använder cannabis regelbundet?",
        "How much do people risk if they use cannabis regularly?",
        REVERSED,
      ],
    ],
  ),
  factor(
    "antisocial_peers",
    "risk",
    "individual",
    { sv: "Umgänge med normbrytande kamrater", en: "Interaction with antisocial peers" },
    { scale: "friends", cutPoint: 0.75, compare: ">", minAnswered: 3 },
    [
      [
        "q76",
        "Hur många av dina närmaste vänner har skolkat det senaste året?",
        "How many of your closest friends have skipped school in the last year?",
      ],
      [
        "q77",
        "Hur många av dina närmaste vänner har stulit något?",
        "How many of your closest friends have stolen something?",
      ],
      [
        "q78",
        "Hur många av dina närmaste vänner har varit i slagsmål?",
        "How many of your closest friends have been in a fight?",
      ],
      [
        "q79",
        "Hur många av dina närmaste vänner har blivit stoppade av polisen?",
        "How many of your closest friends have been stopped by the police?",
      ],
    ],
  ),
  factor(
    "friends_use",
    "risk",
    "individual",
    { sv: "Vänner som använder droger", en: "Friends' use of drugs" },
    { scale: "friends", cutPoint: 1.0, compare: ">", minAnswered: 3 },
    [
      [
        "q80",
        "Hur många av dina närmaste vänner dricker alkohol?",
        "How many of your closest friends drink alcohol?",
      ],
      [
        "q81",
        "Hur många av dina närmaste vänner röker eller snusar?",
        "How many of your closest friends smoke or use snus?",
      ],
      [
        "q82",
        "Hur många av dina närmaste vänner har använt cannabis?",
        "How many of your closest friends have used cannabis?",
      ],
    ],
  ),
  factor(
    "belief_in_moral_order",
    "protective",
    "individual",
    { sv: "Tilltro till samhällets normer", en: "Belief in the moral order" },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 3 },
    [
      [
        "q83",
        "Det är viktigt att vara ärlig mot sina föräldrar",
        "It is important to be honest with your parents",
      ],
      [
        "q84",
        "Det är okej att ta något utan att fråga om man kan komma undan med det",
        "It is all right to take something without asking if you can get away with it",
        REVERSED,
      ],
      [
        "q85",
        "Jag tycker att det är fel att fuska i skolan",
        "I think it is wrong to cheat at school",
      ],
      ["q86", "Det är viktigt att hålla det man lovar", "It is important to keep your promises"],
    ],
  ),
  factor(
    "social_skills",
    "protective",
    "individual",
    { sv: "Sociala färdigheter", en: "Social skills" },
    { scale: "agree", cutPoint: 3.0, compare: ">=", minAnswered: 3 },
    [
      [
        "q87",
        "Jag kan säga nej när kompisar vill att jag ska göra något jag inte vill",
        "I can say no when friends want me to do something I don't want to",
      ],
      [
        "q88",
        "Jag kan lösa en konflikt utan att bli arg",
        "I can solve a conflict without getting angry",
      ],
      [
        "q89",
        "Jag lyssnar på andra även när jag inte håller med",
        "I listen to others even when I disagree",
      ],
      ["q90", "Jag har svårt att få nya vänner", "I find it hard to make new friends", REVERSED],
    ],
  ),
];

// Percentile levels beside the CTC cut-point, the way Swedish norm-based reports grade risk.
// The norm here is fictional and says so: an analyst replaces it with a real norm and its source.
const NORM_SOURCE = "Fiktiv normstudie (Paraplys exempel), åk 7–12, 2020";
for (const id of ["family_conflict", "low_school_commitment", "friends_use"]) {
  const target = factors.find((f) => f.id === id);
  if (!target) continue;
  const high = target.cutPoint + (id === "friends_use" ? 1 : 0.5);
  target.levels = [
    {
      id: "elevated",
      name: { sv: "Något förhöjd risk", en: "Somewhat elevated risk" },
      cutPoint: target.cutPoint,
      compare: ">",
      source: `${NORM_SOURCE}: 75:e percentilen`,
    },
    {
      id: "high",
      name: { sv: "Hög risk", en: "High risk" },
      cutPoint: high,
      compare: ">",
      source: `${NORM_SOURCE}: 90:e percentilen`,
    },
  ];
}

items.push(
  {
    id: "q91",
    min: 1,
    max: 4,
    missing: [NOT_ANSWERED],
    text: {
      sv: "Hur många gånger har du använt drogen Relevin?",
      en: "How many times have you used the drug Relevin?",
    },
  },
  {
    id: "q92",
    min: 1,
    max: 4,
    missing: [NOT_ANSWERED],
    text: {
      sv: "Hur ärligt har du svarat på frågorna?",
      en: "How honestly have you answered the questions?",
    },
  },
);

export const DEFAULT_INSTRUMENT_INPUT: InstrumentInput = {
  id: "ctc-sv",
  version: 1,
  name: {
    sv: "Ungdomsenkät om risk- och skyddsfaktorer (CTC-typ)",
    en: "Youth survey of risk and protective factors (CTC type)",
  },
  items,
  exclude: [
    // q91: 1 Aldrig, 2 1–2 gånger, 3 3–9 gånger, 4 10 gånger eller fler. Relevin does not exist.
    { item: "q91", values: [2, 3, 4], reason: "Uppger att ha använt en påhittad drog" },
    // q92: 1 Helt ärligt, 2 Mest ärligt, 3 Ganska oärligt, 4 Inte alls ärligt.
    { item: "q92", values: [4], reason: "Uppger att inte ha svarat ärligt" },
  ],
  factors,
};

/** The default instrument, parsed (defaults applied, cross-references checked). */
export const DEFAULT_INSTRUMENT: Instrument = InstrumentSchema.parse(DEFAULT_INSTRUMENT_INPUT);
