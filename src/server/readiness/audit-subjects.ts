import { sql } from "drizzle-orm";
import type { Localized } from "../../domain/readiness/dimensions.ts";
import { type Topic, topicName } from "../../domain/readiness/topics.ts";
import type { AuditSubjectSource } from "../module.ts";

interface AssessmentLabel {
  topic: Topic;
  year: number;
  number?: number;
}

/** "Alkohol, narkotika, dopning och tobak (ANDT) 2026": the topic in the reader's language and the year measured. */
function assessmentName(label: AssessmentLabel, locale: "sv" | "en"): string {
  const topic = topicName(label.topic)[locale];
  return `${topic.charAt(0).toUpperCase()}${topic.slice(1)} ${label.year}`;
}

/** Readiness assessments, their interviews and interview guides, named as the UI names them. */
export const READINESS_AUDIT_SUBJECTS: readonly AuditSubjectSource[] = [
  {
    type: "readiness_assessment",
    rows: (ids) => sql`
      SELECT a.id::text AS id, a.organisation_id,
             jsonb_build_object('topic', a.topic, 'year', extract(year FROM a.period_start)::int) AS label,
             '/readiness/' || a.id AS path
        FROM community.readiness_assessments a WHERE a.id::text = ANY(${ids})`,
    name: (label, locale) => assessmentName(label as AssessmentLabel, locale),
  },
  {
    type: "readiness_interview",
    rows: (ids) => sql`
      SELECT i.id::text AS id, a.organisation_id,
             jsonb_build_object('topic', a.topic, 'year', extract(year FROM a.period_start)::int,
                                'number', i.number) AS label,
             '/readiness/' || a.id || '/interviews/' || i.id AS path
        FROM community.readiness_interviews i
        JOIN community.readiness_assessments a ON a.id = i.assessment_id
       WHERE i.id::text = ANY(${ids})`,
    name: (label, locale) => {
      const l = label as AssessmentLabel;
      const interview = locale === "en" ? "Interview" : "Intervju";
      return `${interview} ${l.number}, ${assessmentName(l, locale)}`;
    },
  },
  {
    type: "readiness_guide",
    rows: (ids) => sql`
      SELECT g.id::text AS id, g.organisation_id, g.title AS label,
             '/readiness/guides/' || g.id AS path
        FROM community.readiness_guides g WHERE g.id::text = ANY(${ids})`,
    name: (label, locale) => (label as Localized)[locale] ?? "",
  },
];
