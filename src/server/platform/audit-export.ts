import type { z } from "zod";
import type { AuditEntrySchema } from "../../domain/platform/schemas.ts";
import type { ExportLocale, ExportTable } from "../plugins/export-table.ts";

type AuditEntry = z.infer<typeof AuditEntrySchema>;

const OUTCOMES: Record<ExportLocale, Record<AuditEntry["outcome"], string>> = {
  sv: { success: "Lyckades", failure: "Misslyckades", denied: "Nekad" },
  en: { success: "Succeeded", failure: "Failed", denied: "Denied" },
};
const YES_NO: Record<ExportLocale, [string, string]> = { sv: ["ja", "nej"], en: ["yes", "no"] };

/**
 * The audit log export, one definition for CSV and XLSX. The event stays as its code: the
 * catalogue of event names lives in the web app, and an operator searches the log by code.
 */
export function auditExportTable(locale: ExportLocale): ExportTable<AuditEntry> {
  return [
    { key: "seq", sv: "Nr", en: "No.", type: "number", value: (r) => r.seq },
    {
      key: "occurred_at",
      sv: "Tidpunkt",
      en: "Time",
      type: "datetime",
      value: (r) => r.occurredAt,
    },
    { key: "actor_name", sv: "Utförare", en: "Actor", type: "text", value: (r) => r.actorName },
    {
      key: "actor",
      sv: "Utförarens e-post",
      en: "Actor's e-mail",
      type: "text",
      value: (r) => r.actorLabel,
    },
    {
      key: "action",
      sv: "Händelse (kod)",
      en: "Event (code)",
      type: "text",
      value: (r) => r.action,
    },
    {
      key: "outcome",
      sv: "Utfall",
      en: "Outcome",
      type: "text",
      value: (r) => OUTCOMES[locale][r.outcome],
    },
    { key: "subject_name", sv: "Post", en: "Record", type: "text", value: (r) => r.subjectName },
    {
      key: "subject_type",
      sv: "Posttyp",
      en: "Record type",
      type: "text",
      value: (r) => r.subjectType,
    },
    { key: "subject_id", sv: "Post-id", en: "Record id", type: "text", value: (r) => r.subjectId },
    {
      key: "organisation_id",
      sv: "Organisations-id",
      en: "Organisation id",
      type: "text",
      value: (r) => r.organisationId,
    },
    {
      key: "personal_data",
      sv: "Personuppgifter",
      en: "Personal data",
      type: "text",
      value: (r) => YES_NO[locale][r.personalData ? 0 : 1],
    },
    { key: "reason", sv: "Orsak", en: "Reason", type: "text", value: (r) => r.reason },
    { key: "ip", sv: "IP-adress", en: "IP address", type: "text", value: (r) => r.ip },
    {
      key: "details",
      sv: "Detaljer (JSON)",
      en: "Details (JSON)",
      type: "text",
      value: (r) => JSON.stringify(r.details),
    },
    { key: "actor_id", sv: "Utförar-id", en: "Actor id", type: "text", value: (r) => r.actorId },
  ];
}
