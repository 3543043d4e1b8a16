/**
 * What the support context writes to the audit log. A refused attempt on a case is recorded
 * under the policy action it asked for, with the outcome "denied".
 */
export const SUPPORT_AUDIT_ACTIONS = ["case.read"] as const;
