import { type SipIntervention, sipByResponsible } from "../../domain/support/sip.ts";
import {
  type Block,
  type RenderedReport,
  renderReport,
  reportFileName,
  svDate,
} from "../reports/index.ts";

/**
 * The SIP as a tagged PDF for the family, in plain Swedish: what will be done, who does it, who
 * holds it together, when we meet again, and the child's own goals and words. No case number,
 * no access data: only what the plan says.
 */

export interface SipReportInput {
  childName: string;
  municipalityName: string;
  interventions: readonly SipIntervention[];
  overallResponsible: "municipality" | "region" | "other" | null;
  overallResponsibleName: string;
  meetingOn: string | null;
  participants: readonly { name: string; role: string }[];
  minutes: string;
  followUpOn: string | null;
  childGoals: string;
  childVoice: string;
  agreed: boolean;
  generatedAt: Date;
}

const NOT_DECIDED = "Inte bestämt ännu";
const PRINCIPAL = { municipality: "Kommunen", region: "Regionen", other: "Någon annan" } as const;

const date = (d: string | null) => (d === null ? NOT_DECIDED : svDate(new Date(`${d}T12:00:00Z`)));

function interventionTable(items: readonly SipIntervention[]): Block {
  return {
    kind: "table",
    columns: [
      { title: "Vad", width: 300 },
      { title: "Vem gör det", width: 183 },
    ],
    rows: items.map((i) => [i.what, i.responsibleName]),
  };
}

function section(title: string, items: readonly SipIntervention[], none: string): Block[] {
  return [
    { kind: "heading", level: 3, text: title },
    items.length > 0 ? interventionTable(items) : { kind: "paragraph", text: none },
  ];
}

export function sipReportTitle(input: Pick<SipReportInput, "childName">): string {
  return `Samordnad individuell plan (SIP) för ${input.childName}`;
}

export async function renderSipReport(input: SipReportInput): Promise<RenderedReport> {
  const title = sipReportTitle(input);
  const groups = sipByResponsible(input);
  const overall =
    input.overallResponsible === null
      ? NOT_DECIDED
      : `${PRINCIPAL[input.overallResponsible]}${input.overallResponsibleName ? ` (${input.overallResponsibleName})` : ""}`;
  const blocks: Block[] = [
    { kind: "paragraph", style: "kicker", text: "Till dig och din familj" },
    { kind: "heading", level: 1, text: title },
    {
      kind: "box",
      tone: input.agreed ? "info" : "warning",
      paragraphs: [
        input.agreed
          ? "Det här är planen vi har kommit överens om tillsammans."
          : "Det här är ett utkast. Planen är inte klar förrän vi har kommit överens om den.",
        "En SIP är en plan för hur skolan, socialtjänsten, vården och andra ska hjälpa till på samma gång. Ni bestämmer själva om ni vill ha en SIP, och ni kan ändra er.",
      ],
    },
    { kind: "heading", level: 2, text: "Barnets egna mål" },
    { kind: "paragraph", text: input.childGoals || "Inga mål skrivna ännu." },
    { kind: "heading", level: 2, text: "Det här säger barnet" },
    { kind: "paragraph", text: input.childVoice || "Inget skrivet ännu." },
    { kind: "heading", level: 2, text: "Det här ska göras" },
    ...section("Kommunen ansvarar för", groups.municipality, "Ingenting just nu."),
    ...section("Regionen ansvarar för", groups.region, "Ingenting just nu."),
    ...section("Andra gör", groups.other, "Ingenting just nu."),
    { kind: "heading", level: 2, text: "Vem håller ihop planen" },
    { kind: "paragraph", text: overall },
    { kind: "heading", level: 2, text: "Mötet" },
    {
      kind: "table",
      headerRow: false,
      rowHeaders: true,
      columns: [
        { title: "Uppgift", width: 150 },
        { title: "Värde", width: 333 },
      ],
      rows: [
        ["Datum", date(input.meetingOn)],
        ["Nästa uppföljning", date(input.followUpOn)],
      ],
    },
    { kind: "heading", level: 3, text: "Vi som var med" },
    input.participants.length > 0
      ? { kind: "list", items: input.participants.map((p) => `${p.name}, ${p.role}`) }
      : { kind: "paragraph", text: "Ingen antecknad ännu." },
    { kind: "heading", level: 3, text: "Anteckningar från mötet" },
    { kind: "paragraph", text: input.minutes || "Inga anteckningar." },
  ];
  return renderReport({
    title,
    subject: "Samordnad individuell plan",
    keywords: ["SIP", "samordnad individuell plan"],
    organisation: input.municipalityName,
    date: input.generatedAt,
    footerTitle: "SIP",
    blocks,
  });
}

export function sipReportFileName(generatedAt: Date): string {
  return reportFileName(["sip"], generatedAt);
}
