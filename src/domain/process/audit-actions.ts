/** What the process context writes to the audit log. */
export const PROCESS_AUDIT_ACTIONS = [
  "process.process.create",
  "process.process.update",
  "process.item.update",
  "process.evidence.create",
  "process.evidence.delete",
  "process.document.upload",
  "process.document.download",
  "process.document.delete",
  "process.phase.complete",
  "process.cycle.create",
  "process.checklist.create",
  "process.responsible.candidates",
  "process.overview.export",
  "seed.demo.process",
] as const;
