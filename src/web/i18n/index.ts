import i18next, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language, shellNamespaces, textNamespaces } from "./namespaces.ts";

export { LANGUAGES, type Language } from "./namespaces.ts";

const STORAGE_KEY = "paraply.lang";

/** Each `<language>/<namespace>.json` is its own chunk: a page downloads only what it shows. */
const FILES = import.meta.glob<ResourceKey>("./*/*.json", { import: "default" });

function isLanguage(language: string): language is Language {
  return (LANGUAGES as readonly string[]).includes(language);
}

const backend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    const load = isLanguage(language) ? FILES[`./${language}/${namespace}.json`] : undefined;
    if (!load) return callback(new Error(`No catalogue ${language}/${namespace}`), false);
    load().then(
      (texts) => callback(null, texts),
      (error: Error) => callback(error, false),
    );
  },
};

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "sv";
}

export function setDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
}

i18next.on("languageChanged", (lang) => {
  setDocumentLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage can be unavailable (private mode); the language still changes
  }
});

/**
 * Resolves once the shell's texts (common and platform) are loaded; render after it so no key
 * flashes. Other modules' namespaces load with their first page (`page()` in lazy-page.ts), and
 * i18next loads every namespace asked for so far when the language changes. There is no
 * fallback language: the catalogue test keeps both with the same keys, and a fallback would make
 * every English page load Swedish too.
 */
export const i18nReady = i18next
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    supportedLngs: LANGUAGES,
    fallbackLng: false,
    load: "languageOnly",
    ...textNamespaces(),
    ns: shellNamespaces(),
    interpolation: { escapeValue: false },
    returnNull: false,
    // Pages show a namespace's texts as soon as it is added.
    react: { bindI18nStore: "added" },
  });

export default i18next;
