import { LANGUAGES, type Language, NAMESPACES, textNamespaces } from "./namespaces.ts";

export { LANGUAGES, type Language, NAMESPACES } from "./namespaces.ts";

export type Catalogue = { [key: string]: string | Catalogue };

/**
 * Every file `<language>/<namespace>.json` beside this one, read at once. For tests only: the
 * app loads each file as its own chunk (i18n/index.ts).
 */
export const CATALOGUE_FILES = import.meta.glob<Catalogue>("./*/*.json", {
  eager: true,
  import: "default",
});

export function catalogue(language: Language, namespace: string): Catalogue {
  const found = CATALOGUE_FILES[`./${language}/${namespace}.json`];
  if (!found) throw new Error(`No catalogue src/web/i18n/${language}/${namespace}.json`);
  return found;
}

/** Every namespace of both languages as i18next resources, for tests that render texts. */
export function i18nOptions() {
  return {
    resources: Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogue(language, ns)])),
      ]),
    ),
    ns: [...NAMESPACES],
    ...textNamespaces(),
  };
}
