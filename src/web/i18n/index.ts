import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nOptions, type Language } from "./catalogues.ts";

export { LANGUAGES, type Language } from "./catalogues.ts";

const STORAGE_KEY = "paraply.lang";

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "sv";
}

export function setDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
}

void i18next.use(initReactI18next).init({
  ...i18nOptions(),
  lng: initialLanguage(),
  fallbackLng: "sv",
  interpolation: { escapeValue: false },
  returnNull: false,
});
setDocumentLanguage(i18next.language);
i18next.on("languageChanged", (lang) => {
  setDocumentLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage can be unavailable (private mode); the language still changes
  }
});

export default i18next;
