import { COMMON_NAMESPACE, WEB_MODULES } from "../modules.ts";

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export type Catalogue = { [key: string]: string | Catalogue };

/** Every file `<language>/<namespace>.json` beside this one, bundled with the app. */
export const CATALOGUE_FILES = import.meta.glob<Catalogue>("./*/*.json", {
  eager: true,
  import: "default",
});

/** The shared namespace first, then one per web module, in module order. */
export const NAMESPACES: readonly string[] = [
  COMMON_NAMESPACE,
  ...WEB_MODULES.map((m) => m.namespace),
];

export function catalogue(language: Language, namespace: string): Catalogue {
  const found = CATALOGUE_FILES[`./${language}/${namespace}.json`];
  if (!found) throw new Error(`No catalogue src/web/i18n/${language}/${namespace}.json`);
  return found;
}

/**
 * i18next's resources and namespace options. `t("readiness.title")` looks in the shared
 * namespace and then in each module's (`fallbackNS`), so pages need neither a namespace prefix
 * nor `useTranslation("readiness")`; it also lets a module keep a key under another's top-level
 * name (readiness's `nav.readiness`). A key defined in two namespaces would be ambiguous, so the
 * catalogue test forbids it.
 */
export function i18nOptions() {
  return {
    resources: Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogue(language, ns)])),
      ]),
    ),
    ns: [...NAMESPACES],
    defaultNS: COMMON_NAMESPACE,
    fallbackNS: NAMESPACES.filter((ns) => ns !== COMMON_NAMESPACE),
  };
}
