import { sql } from "drizzle-orm";
import type { AuditSubjectSource } from "../module.ts";

type Label = { org: string; n?: number; sv?: string; en?: string };

/** How the audit log names the process context's subjects, with a link to the process. */
export const PROCESS_AUDIT_SUBJECTS: readonly AuditSubjectSource[] = [
  {
    type: "process",
    rows: (
      ids,
    ) => sql`SELECT p.id::text AS id, p.organisation_id, jsonb_build_object('org', p.name) AS label,
        '/process/' || p.id AS path
      FROM community.process_processes p WHERE p.id::text = ANY(${ids})`,
    name: (label, locale) =>
      `${locale === "en" ? "Prevention process" : "Förebyggande process"}, ${(label as Label).org}`,
  },
  {
    type: "process_cycle",
    rows: (ids) => sql`SELECT c.id::text AS id, p.organisation_id,
        jsonb_build_object('org', p.name, 'n', c.number) AS label, '/process/' || p.id AS path
      FROM community.process_cycles c JOIN community.process_processes p ON p.id = c.process_id
      WHERE c.id::text = ANY(${ids})`,
    name: (label, locale) => {
      const l = label as Label;
      return `${locale === "en" ? "Cycle" : "Cykel"} ${l.n}, ${l.org}`;
    },
  },
  {
    type: "process_item",
    rows: (ids) => sql`SELECT i.id::text AS id, p.organisation_id,
        jsonb_build_object('org', p.name, 'sv', i.text->>'sv', 'en', i.text->>'en') AS label,
        '/process/' || p.id AS path
      FROM community.process_items i JOIN community.process_cycles c ON c.id = i.cycle_id
      JOIN community.process_processes p ON p.id = c.process_id
      WHERE i.id::text = ANY(${ids})`,
    name: (label, locale) => {
      const l = label as Label;
      return `${(locale === "en" ? l.en : l.sv) ?? ""}, ${l.org}`;
    },
  },
  {
    type: "process_checklist",
    rows: (ids) => sql`SELECT k.id::text AS id, k.organisation_id,
        jsonb_build_object('org', o.name, 'n', k.version) AS label, NULL::text AS path
      FROM community.process_checklists k JOIN platform.organisations o ON o.id = k.organisation_id
      WHERE k.id::text = ANY(${ids})`,
    name: (label, locale) => {
      const l = label as Label;
      return `${locale === "en" ? "Checklist version" : "Checklista version"} ${l.n}, ${l.org}`;
    },
  },
];
