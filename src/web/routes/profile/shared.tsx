import { Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  InstrumentSummary,
  Profile,
  ProfileCell,
  Wave,
  WaveListSchema,
} from "../../../domain/profile/schemas.ts";
import { ApiError, get, query } from "../../api.ts";
import { AppLink } from "../../components/page.tsx";
import "./profile.css";

export const API = "/api/profile";

export type WaveSummary = z.infer<typeof WaveListSchema>[number];
export type Lang = "sv" | "en";
export type Factor = Profile["factors"][number];

/** The interface language as a key of a localized name. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "sv";
}

export function useWaves(organisationId?: string) {
  return useQuery<WaveSummary[], ApiError>({
    queryKey: ["profile", "waves", organisationId ?? ""],
    queryFn: () => get<WaveSummary[]>(`${API}/waves${query({ organisationId })}`),
  });
}

export function useWave(id: string) {
  return useQuery<Wave, ApiError>({
    queryKey: ["profile", "wave", id],
    queryFn: () => get<Wave>(`${API}/waves/${id}`),
  });
}

export function useInstruments(organisationId?: string) {
  return useQuery<InstrumentSummary[], ApiError>({
    queryKey: ["profile", "instruments", organisationId ?? ""],
    queryFn: () => get<InstrumentSummary[]>(`${API}/instruments${query({ organisationId })}`),
  });
}

export function useProfile(waveId: string, groupSetId?: string) {
  return useQuery<Profile, ApiError>({
    queryKey: ["profile", "profile", waveId, groupSetId ?? ""],
    queryFn: () => get<Profile>(`${API}/waves/${waveId}/profile${query({ groupSetId })}`),
  });
}

/** The cells' grouping: each of area, grade and gender a value, or null for "all". */
export interface Selection {
  area: string | null;
  grade: string | null;
  gender: string | null;
}

export const ALL: Selection = { area: null, grade: null, gender: null };

/** The one cell of a factor for the selection; undefined when it has no respondents (n = 0). */
export function cellOf(profile: Profile, factor: string, s: Selection): ProfileCell | undefined {
  return profile.cells.find(
    (c) => c.factor === factor && c.area === s.area && c.grade === s.grade && c.gender === s.gender,
  );
}

/** Cells by factor for one selection, looked up once per render rather than per factor. */
export function cellsFor(profile: Profile, s: Selection): Map<string, ProfileCell> {
  const found = new Map<string, ProfileCell>();
  for (const c of profile.cells)
    if (c.area === s.area && c.grade === s.grade && c.gender === s.gender) found.set(c.factor, c);
  return found;
}

/** "21.1" (the domain's exact, rounded string) as the reader writes it: "21,1 %" or "21.1%". */
export function formatShare(percent: string | null | undefined, lang: Lang): string {
  if (percent == null) return "–";
  return lang === "sv" ? `${percent.replace(".", ",")}\u00a0%` : `${percent}%`;
}

export function formatInterval(ci: readonly [string, string] | null, lang: Lang): string {
  if (!ci) return "–";
  const d = (s: string) => (lang === "sv" ? s.replace(".", ",") : s);
  return `${d(ci[0])}–${d(ci[1])}`;
}

/** A signed difference in percentage points: "+3,2" or "−1.0". */
export function formatPoints(points: string | null, lang: Lang): string {
  if (points == null) return "–";
  const value = Number(points);
  const abs = Math.abs(value).toFixed(1);
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${lang === "sv" ? abs.replace(".", ",") : abs}`;
}

export function formatP(p: number | null, lang: Lang): string {
  if (p === null) return "–";
  if (p < 0.001) return lang === "sv" ? "< 0,001" : "< 0.001";
  const text = p.toFixed(3);
  return lang === "sv" ? text.replace(".", ",") : text;
}

export function groupName(t: TFunction, kind: "grade" | "gender", value: string): string {
  if (value === "unknown") return t("profile.unknown");
  return kind === "grade" ? t("profile.gradeN", { grade: value }) : t(`profile.genders.${value}`);
}

/**
 * The "–" of a suppressed cell with why in words, for sighted and screen reader users alike; a
 * cell whose reason is not told (an earlier wave's share in the trend) says only that it is hidden.
 */
export function Suppressed({ reason }: { reason: ProfileCell["reason"] }) {
  const { t } = useTranslation();
  const why = t(`profile.suppressed.${reason ?? "protected"}`);
  return (
    <span className="profile-suppressed">
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("profile.suppressed.hidden")}</span>{" "}
      <span className="profile-suppressed-why">({why})</span>
    </span>
  );
}

export function KindTag({ kind }: { kind: Factor["kind"] }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={kind === "risk" ? "warning" : "success"} data-size="sm">
      {t(`profile.kinds.${kind}`)}
    </Tag>
  );
}

/** Back links to the list and, inside a wave, to the wave's profile. */
export function ProfileCrumbs({ wave }: { wave?: { id: string; name: string } }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("profile.breadcrumb")} className="breadcrumb-lite">
      <AppLink to="/profile">{t("profile.title")}</AppLink>
      {wave ? (
        <>
          {" / "}
          <AppLink to={`/profile/waves/${wave.id}`}>{wave.name}</AppLink>
        </>
      ) : null}
    </nav>
  );
}

/** The wave's pages, as links under its title. */
export function WaveNav({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const links = [
    ["", "profile.wave.tabProfile"],
    ["/compare", "profile.compare.title"],
    ["/trend", "profile.trend.title"],
    ["/areas", "profile.areas.title"],
    ["/prioritise", "profile.prioritise.title"],
  ] as const;
  return (
    <nav aria-label={t("profile.wave.pages")} className="profile-wave-nav">
      <ul>
        {links.map(([path, key]) => (
          <li key={key}>
            <AppLink to={`/profile/waves/${waveId}${path}`}>{t(key)}</AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Sends a file as the raw request body (no multipart), answering JSON like `api()`. */
export async function uploadRaw<T>(url: string, file: Blob): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const err = (
      data as {
        error?: {
          code?: string;
          message?: string;
          issues?: { path?: unknown; message?: unknown }[];
        };
      } | null
    )?.error;
    // Row-level problems of a file come as issues whose path names the row and column.
    const issues = (err?.issues ?? []).map((i) => ({
      path: Array.isArray(i.path) ? i.path.join(".") : String(i.path ?? ""),
      message: String(i.message ?? ""),
    }));
    throw new ApiError(
      response.status,
      err?.code ?? `http_${response.status}`,
      err?.message ?? "",
      issues,
    );
  }
  return data as T;
}

export function errorText(t: TFunction, error: ApiError | null | undefined): string {
  if (!error) return "";
  if (error.code === "network") return t("common.networkError");
  return error.message || t("common.unknownError");
}
