import { COMMON_NAMESPACE, WEB_MODULES } from "../modules.ts";

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The shared namespace first, then each web module's own, in module order. */
export const NAMESPACES: readonly string[] = [
  COMMON_NAMESPACE,
  ...WEB_MODULES.flatMap((m) => [m.namespace, ...(m.lazyNamespaces ?? [])]),
];

/** Namespaces loaded before the first render: the shared one and the shell's modules'. */
export function shellNamespaces(): string[] {
  return [COMMON_NAMESPACE, ...WEB_MODULES.filter((m) => m.textsAtStart).map((m) => m.namespace)];
}

/**
 * i18next's namespace options. `t("readiness.title")` looks in the shared namespace and then in
 * each module's (`fallbackNS`), so pages need neither a namespace prefix nor
 * `useTranslation("readiness")`. A key defined in two namespaces would be ambiguous, so the
 * catalogue test forbids it.
 */
export function textNamespaces() {
  return {
    defaultNS: COMMON_NAMESPACE,
    fallbackNS: NAMESPACES.filter((ns) => ns !== COMMON_NAMESPACE),
  };
}
