import { sql } from "drizzle-orm";
import type { AuditSubjectSource } from "../module.ts";

interface Named {
  name: string;
  year?: number;
}

/** Waves, imports and instruments, named as the profile pages name them. */
export const PROFILE_AUDIT_SUBJECTS: readonly AuditSubjectSource[] = [
  {
    type: "profile_wave",
    rows: (ids) => sql`
      SELECT w.id::text AS id, w.organisation_id,
             jsonb_build_object('name', w.name) AS label, '/profile/waves/' || w.id AS path
        FROM community.profile_waves w WHERE w.id::text = ANY(${ids})`,
    name: (label) => (label as Named).name,
  },
  {
    type: "profile_import",
    rows: (ids) => sql`
      SELECT i.id::text AS id, w.organisation_id,
             jsonb_build_object('name', w.name || ': ' || i.file_name) AS label,
             '/profile/waves/' || w.id AS path
        FROM community.profile_imports i JOIN community.profile_waves w ON w.id = i.wave_id
       WHERE i.id::text = ANY(${ids})`,
    name: (label) => (label as Named).name,
  },
  {
    type: "profile_instrument",
    rows: (ids) => sql`
      SELECT i.id::text AS id, i.organisation_id,
             jsonb_build_object('name', i.name->>'sv', 'en', i.name->>'en', 'version', i.version) AS label,
             '/profile/instruments/' || i.id AS path
        FROM community.profile_instruments i WHERE i.id::text = ANY(${ids})`,
    name: (label, locale) => {
      const l = label as { name: string; en: string; version: number };
      return `${locale === "en" ? l.en : l.name} v${l.version}`;
    },
  },
  {
    type: "profile_prioritisation",
    rows: (ids) => sql`
      SELECT p.id::text AS id, p.organisation_id,
             jsonb_build_object('name', w.name) AS label, '/profile/waves/' || w.id AS path
        FROM community.profile_prioritisations p JOIN community.profile_waves w ON w.id = p.wave_id
       WHERE p.id::text = ANY(${ids})`,
    name: (label, locale) =>
      `${locale === "en" ? "Prioritisation" : "Prioritering"}, ${(label as Named).name}`,
  },
];
