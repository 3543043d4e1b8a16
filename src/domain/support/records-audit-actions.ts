/**
 * What a case's records write to the audit log. Reads state the access they rest on (access id,
 * role, basis) in their details. "support.records.write" and "support.concern.intake" are also
 * policy actions, whose refusals are recorded as denied; reads are refused under "case.read".
 */
export const SUPPORT_RECORDS_AUDIT_ACTIONS = [
  "support.records.write",
  "support.concern.intake",
  "support.assessment.list",
  "support.assessment.create",
  "support.measure.list",
  "support.measure.create",
  "support.measure.update",
  "support.teams.read",
  "support.team.create",
  "support.team.member_add",
  "support.sip.list",
  "support.sip.create",
  "support.sip.update",
  "support.sip.report",
  "support.concern.create",
  "support.concern.list_mine",
  "support.concern.inbox",
  "support.concern.read",
  "support.concern.list_case",
  "support.concern.receive",
  "support.concern.feedback",
  "support.intake_unit.set",
  "support.compass_needs.set",
  "support.disclosure.list",
  "support.disclosure.create",
  "support.chronology.read",
  "support.chronology.create",
] as const;
