/** What the area profile context writes to the audit log. */
export const PROFILE_AUDIT_ACTIONS = [
  "profile.instrument.create",
  "profile.wave.create",
  "profile.wave.update",
  "profile.import.upload",
  "profile.import.map",
  "profile.import.confirm",
  "profile.import.cancel",
  "profile.kolada.import",
  "profile.prioritisation.create",
  "profile.table.export",
  "profile.report.export",
  "seed.demo.profile",
] as const;
