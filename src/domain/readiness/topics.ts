import type { Localized } from "./dimensions.ts";

export const TOPIC_KEYS = [
  "andt",
  "violence_close_relationships",
  "honour_violence",
  "minority_issues",
  "integration",
] as const;
export type TopicKey = (typeof TOPIC_KEYS)[number];

/** Names as they read inside a guide question ("…arbetet med {topic}…"), hence lower case. */
export const TOPICS: Readonly<Record<TopicKey, Localized>> = {
  andt: {
    sv: "alkohol, narkotika, dopning och tobak (ANDT)",
    en: "alcohol, drugs, doping and tobacco (ANDT)",
  },
  violence_close_relationships: {
    sv: "våld i nära relationer",
    en: "violence in close relationships",
  },
  honour_violence: {
    sv: "hedersrelaterat våld och förtryck",
    en: "honour-related violence and oppression",
  },
  minority_issues: { sv: "minoritetsfrågor", en: "minority issues" },
  integration: { sv: "integration", en: "integration" },
};

/** An assessment's topic: one of the presets, or the organisation's own wording. */
export type Topic = { kind: "preset"; key: TopicKey } | { kind: "custom"; name: string };

/** A custom topic is entered in one language only, so it is shown as typed in both. */
export function topicName(topic: Topic): Localized {
  return topic.kind === "preset" ? TOPICS[topic.key] : { sv: topic.name, en: topic.name };
}
