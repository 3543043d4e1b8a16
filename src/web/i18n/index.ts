import i18next, { type BackendModule, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "paraply.lang";

type Catalogue = () => Promise<{ default: ResourceKey }>;

/** Texts every page needs, one chunk per language: a page downloads only the one it shows. */
const CORE: Record<Language, Catalogue> = {
  sv: () => import("./sv.json", { with: { type: "json" } }),
  en: () => import("./en.json", { with: { type: "json" } }),
};

/**
 * A context's own texts, loaded with its first page (`page` in app.tsx), so that the sign-in page
 * does not carry them. Each is the top-level key of the same name in the catalogue.
 */
const SECTIONS = {
  readiness: {
    sv: () => import("./readiness/sv.json", { with: { type: "json" } }),
    en: () => import("./readiness/en.json", { with: { type: "json" } }),
  },
} satisfies Record<string, Record<Language, Catalogue>>;
export type TextSection = keyof typeof SECTIONS;

const wanted = new Set<TextSection>();

function isLanguage(language: string): language is Language {
  return (LANGUAGES as readonly string[]).includes(language);
}

/** The core texts of a language with every section a page has asked for so far. */
async function catalogue(language: Language): Promise<ResourceKey> {
  const sections = [...wanted];
  const [core, ...parts] = await Promise.all([
    CORE[language](),
    ...sections.map((section) => SECTIONS[section][language]()),
  ]);
  return {
    ...(core?.default as object),
    ...Object.fromEntries(sections.map((section, i) => [section, parts[i]?.default])),
  };
}

const backend: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    if (!isLanguage(language)) return callback(new Error(`No catalogue for ${language}`), false);
    catalogue(language).then(
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

async function addSection(section: TextSection, language: Language): Promise<void> {
  if (i18next.getResource(language, "translation", section)) return;
  const texts = await SECTIONS[section][language]();
  i18next.addResourceBundle(language, "translation", { [section]: texts.default }, true, true);
}

i18next.on("languageChanged", (lang) => {
  setDocumentLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage can be unavailable (private mode); the language still changes
  }
  // A section asked for while this language was loading may have missed it.
  if (isLanguage(lang)) for (const section of wanted) void addSection(section, lang);
});

/**
 * Resolves once the first catalogue is loaded; render after it so no key flashes. Changing the
 * language later loads that catalogue first. There is no fallback language: a catalogue test
 * keeps both with the same keys, and a fallback would make every English page load Swedish too.
 */
export const i18nReady = i18next
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    supportedLngs: LANGUAGES,
    fallbackLng: false,
    load: "languageOnly",
    interpolation: { escapeValue: false },
    returnNull: false,
    // Pages show a section's texts as soon as it is added.
    react: { bindI18nStore: "added" },
  });

const loading = new Map<TextSection, Promise<void>>();

/** Loads a context's texts for the current language (later languages get them when loaded). */
export function loadTexts(section: TextSection): Promise<void> {
  let done = loading.get(section);
  if (!done) {
    wanted.add(section);
    done = i18nReady.then(() => {
      const lang = i18next.language;
      return isLanguage(lang) ? addSection(section, lang) : undefined;
    });
    loading.set(section, done);
  }
  return done;
}

export default i18next;
