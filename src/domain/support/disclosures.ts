/**
 * Disclosures: every sharing of information across a secrecy boundary is a recorded act with its
 * legal basis, visible to the family (Christian Institute v Lord Advocate [2016] UKSC 51: sharing
 * must be foreseeable). The basis is a consent (which one) or a named legal duty or exception.
 * References are data: the 2025 Socialtjänstlag renumbered its sections.
 */

export const DISCLOSURE_BASES = ["consent", "legal_duty"] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

export interface LegalDuty {
  key: string;
  sv: string;
  en: string;
  /** Where it is written, as shown; verify against current law before relying on it. */
  reference: string;
}

export const LEGAL_DUTIES: readonly LegalDuty[] = [
  {
    key: "report_of_concern",
    sv: "Anmälningsskyldighet till socialtjänsten",
    en: "Duty to report concern to social services",
    reference: "SoL (2001:453) 14 kap. 1 §",
  },
  {
    key: "social_services_request",
    sv: "Uppgiftsskyldighet på socialtjänstens begäran",
    en: "Duty to inform social services on request",
    reference: "SoL (2001:453) 14 kap. 1 § tredje stycket",
  },
  {
    key: "law_enforcement_information",
    sv: "Uppgiftsskyldighet till brottsbekämpande myndigheter",
    en: "Duty to inform law-enforcement agencies",
    reference: "Prop. 2024/25:65 (SFS-nummer ej verifierat)",
  },
  {
    key: "urgent_danger",
    sv: "Sekretessbrytande bestämmelse vid fara för liv eller hälsa",
    en: "Secrecy exception for danger to life or health",
    reference: "OSL (2009:400) 10 kap.",
  },
];

export interface DisclosureBasisInput {
  basis: DisclosureBasis;
  consentId: string | null;
  legalDuty: string | null;
}

/** A consent basis names a consent and no duty; a legal basis names a known duty and no consent. */
export function disclosureBasisValid(
  d: DisclosureBasisInput,
  duties: readonly LegalDuty[] = LEGAL_DUTIES,
): boolean {
  if (d.basis === "consent") return d.consentId !== null && d.legalDuty === null;
  return d.consentId === null && duties.some((x) => x.key === d.legalDuty);
}
