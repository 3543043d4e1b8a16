/** What the readiness context writes to the audit log. */
export const READINESS_AUDIT_ACTIONS = [
  "readiness.guide.create",
  "readiness.assessment.create",
  "readiness.assessment.update",
  "readiness.team.set",
  "readiness.respondent.create",
  "readiness.respondent.update",
  "readiness.respondent.read",
  "readiness.interview.create",
  "readiness.interview.save",
  "readiness.interview.read",
  "readiness.scores.save",
  "readiness.scores.submit",
  "readiness.consensus.set",
  "readiness.scores.export",
  "readiness.report.export",
  "seed.demo.readiness",
] as const;
