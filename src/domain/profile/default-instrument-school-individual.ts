import { type FactorSpec, REVERSED, spec } from "./default-instrument-spec.ts";

/** ctc-sv: the school and individual/peer factors (items q46–q90). */
export const SCHOOL_INDIVIDUAL_FACTORS: FactorSpec[] = [
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
  spec(
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
