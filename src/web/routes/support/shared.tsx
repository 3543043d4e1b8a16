import { Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CaseRole, CaseScope } from "../../../domain/support/access.ts";
import { ApiError, get } from "../../api.ts";
import "./support.css";

export const API = "/api/support";

/** The interface language, for dates and localized texts. */
export function useLang(): "sv" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "sv";
}

/** Whether the server said "no such case": also what it says when the person has no live access. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function formatDate(value: string | null | undefined, lang: "sv" | "en"): string {
  if (!value) return "";
  return new Date(value).toLocaleDateString(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
  });
}

export function formatDateTime(value: string | null | undefined, lang: "sv" | "en"): string {
  if (!value) return "";
  return new Date(value).toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "short",
  });
}

/** The marking of protected personal data, shown wherever the child appears. */
export function ProtectedMark({ marked }: { marked: boolean }) {
  const { t } = useTranslation();
  if (!marked) return null;
  return (
    <Tag data-color="danger" data-size="sm" className="support-protected">
      {t("support.protectedIdentity")}
    </Tag>
  );
}

export function RoleTag({ role }: { role: CaseRole }) {
  const { t } = useTranslation();
  return (
    <Tag data-color="neutral" data-size="sm">
      {t(`support.roles.${role}`)}
    </Tag>
  );
}

/** Whether the reader's access covers a part of the case; the server has already filtered. */
export const hasScope = (scopes: readonly string[], scope: CaseScope) => scopes.includes(scope);

/** A case query that treats 404 as the answer it is, not as something to retry. */
export function useSupportQuery<T>(key: readonly unknown[], url: string, enabled = true) {
  return useQuery<T, ApiError>({
    queryKey: ["support", ...key],
    queryFn: () => get<T>(url),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The child as a case names it: null for a consultation without identity. */
export interface CaseChild {
  name: string;
  personalNumber: string | null;
  protectedIdentity: boolean;
}

export interface CaseAccessInfo {
  id: string;
  role: CaseRole;
  basis: string;
  scopes: CaseScope[];
  validUntil: string | null;
}

export interface CaseSummary {
  id: string;
  child: CaseChild | null;
  status: "open" | "closed";
  openedAt: string;
  access: CaseAccessInfo;
}

/** The child's name, or "consultation without identity". */
export function CaseTitle({ child }: { child: CaseChild | null }) {
  const { t } = useTranslation();
  return <>{child ? child.name : t("support.consultation")}</>;
}
