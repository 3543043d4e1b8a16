import { type FactorSpec, REVERSED, spec } from "./default-instrument-spec.ts";

/** ctc-sv: the community and family factors (items q01–q45). */
export const COMMUNITY_FAMILY_FACTORS: FactorSpec[] = [
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
];
