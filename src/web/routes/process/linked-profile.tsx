import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { EvidenceKind } from "../../../domain/process/parts.ts";
import type { ProcessDetail } from "../../../domain/process/schemas.ts";
import { AppLink } from "../../components/page.tsx";
import { formatDate, type Lang, useLang } from "./shared.tsx";

/** A Paraply record an item of a phase may link as evidence. */
export interface LinkableRecord {
  kind: EvidenceKind;
  id: string;
  label: string;
}

/** Phase 1 links readiness assessments, phase 3 profile waves and prioritisations. */
export function linkableRecords(
  process: ProcessDetail,
  phase: number,
  lang: Lang,
  prioritisationLabel: (date: string, wave: string) => string,
): LinkableRecord[] {
  if (phase === 1) {
    return process.linked.readiness.map((a) => ({
      kind: "readiness_assessment",
      id: a.id,
      label: `${a.title[lang]} ${a.periodStart.slice(0, 4)}`,
    }));
  }
  if (phase !== 3) return [];
  return [
    ...process.linked.waves.map((w) => ({
      kind: "profile_wave" as const,
      id: w.id,
      label: `${w.name} (${w.year})`,
    })),
    ...process.linked.prioritisations.map((p) => ({
      kind: "prioritisation" as const,
      id: p.id,
      label: prioritisationLabel(formatDate(p.decidedAt.slice(0, 10), lang), p.waveName),
    })),
  ];
}

/** Phase 3's basis: the community's survey waves and what its work group prioritised. */
export function LinkedProfile({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { waves, prioritisations } = process.linked;
  return (
    <section aria-labelledby="linked-profile-title">
      <Heading level={3} data-size="xs" id="linked-profile-title">
        {t("process.detail.profile")}
      </Heading>
      {waves.length === 0 ? (
        <Paragraph>
          {t("process.detail.noWaves")}{" "}
          <AppLink to="/profile/import">{t("process.detail.importWave")}</AppLink>
        </Paragraph>
      ) : (
        <ul>
          {waves.map((w) => (
            <li key={w.id}>
              <AppLink to={`/profile/waves/${w.id}`}>{`${w.name} (${w.year})`}</AppLink>
              {`, ${w.instrumentName[lang]}, ${t("process.detail.respondents", { count: w.respondents })}`}
            </li>
          ))}
        </ul>
      )}
      <Heading level={4} data-size="2xs">
        {t("process.detail.prioritised")}
      </Heading>
      {prioritisations.length === 0 ? (
        <Paragraph>{t("process.detail.noPrioritisations")}</Paragraph>
      ) : (
        <ul>
          {prioritisations.map((p) => (
            <li key={p.id}>
              <AppLink to={`/profile/waves/${p.waveId}/prioritise`}>
                {t("process.detail.prioritisation", {
                  date: formatDate(p.decidedAt.slice(0, 10), lang),
                  wave: p.waveName,
                })}
              </AppLink>
              {": "}
              {p.factors
                .map(
                  (f) =>
                    `${f.name[lang]} (${t(f.kind === "risk" ? "process.detail.risk" : "process.detail.protective")})`,
                )
                .join(", ")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
