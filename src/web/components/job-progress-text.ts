import type { TFunction } from "i18next";
import {
  type JobMessage,
  type JobState,
  type JobStatus,
  percentDone,
} from "../../domain/platform/jobs.ts";

/** The share done as people write it in the language shown: "42 %" in Swedish, "42%" in English. */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(
    percentDone(share) / 100,
  );
}

/**
 * A job's progress message in the language shown, while it runs or waits to be taken up again;
 * a finished job, or an unknown key, reads as the state instead.
 */
export function jobMessageText(t: TFunction, message: JobMessage | null, state: JobState): string {
  const fallback = t(`jobs.states.${state}`);
  if (!message || (state !== "running" && state !== "queued")) return fallback;
  return t(`jobs.messages.${message.key}`, { ...message.params, defaultValue: fallback });
}

/** What the progress bar says to a screen reader and on screen: "42 % – Steg 8 av 20". */
export function jobValueText(
  t: TFunction,
  language: string,
  status: Pick<JobStatus, "progress" | "message" | "state">,
): string {
  return t("jobs.valueText", {
    percent: formatPercent(status.progress, language),
    message: jobMessageText(t, status.message, status.state),
  });
}

/** The sentence the live region says when a job's state changes. */
export function jobAnnouncement(t: TFunction, label: string, state: JobState): string {
  return t(`jobs.announce.${state}`, { label });
}
