import { Tag } from "@digdir/designsystemet-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ProcessDetail } from "../../../domain/process/schemas.ts";
import { type ApiError, get } from "../../api.ts";
import "./process.css";

export const API = "/api/process";

export type Lang = "sv" | "en";

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "sv";
}

export function formatDate(value: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "sv-SE", { dateStyle: "medium" }).format(
    new Date(`${value}T12:00:00`),
  );
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The process (with the given cycle shown, or the open one) and a setter for mutations. */
export function useProcess(id: string, cycleId?: string) {
  const client = useQueryClient();
  const key = ["process", id, cycleId ?? "current"];
  const query = useQuery<ProcessDetail, ApiError>({
    queryKey: key,
    queryFn: () =>
      get<ProcessDetail>(`${API}/processes/${id}${cycleId ? `/cycles/${cycleId}` : ""}`),
  });
  const set = (detail: ProcessDetail) => {
    client.setQueryData(key, detail);
    void client.invalidateQueries({ queryKey: ["process", "list"] });
  };
  return { query, set };
}

/** A progress bar with its figures as text, so it reads the same without the bar. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <span className="process-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span>{percent} %</span>
    </span>
  );
}

export function PhaseStatusTag({ status }: { status: "done" | "current" | "upcoming" }) {
  const { t } = useTranslation();
  const color = status === "done" ? "success" : status === "current" ? "info" : "neutral";
  const key =
    status === "done" ? "statusDone" : status === "current" ? "statusCurrent" : "statusUpcoming";
  return (
    <Tag data-color={color} data-size="sm">
      {t(`process.detail.${key}`)}
    </Tag>
  );
}
