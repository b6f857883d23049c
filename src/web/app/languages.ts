/** The hub's three languages: Kyrgyz (the state language), Russian (official) and English. */
export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/** BCP 47 locales for dates and numbers in each language. */
export const LOCALES: Record<UiLanguage, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-GB' };

/**
 * The language i18next will choose (app/i18n.ts: `?lang=`, then the remembered choice, then the
 * browser's languages, else Kyrgyz), worked out without i18next for requests sent before it loads.
 */
export function expectedLanguage(): UiLanguage {
  const remembered = (() => {
    try {
      return localStorage.getItem('i18nextLng');
    } catch {
      return null; // storage refused (private mode, policy)
    }
  })();
  const candidates = [new URLSearchParams(window.location.search).get('lang'), remembered, ...navigator.languages];
  for (const candidate of candidates) {
    const language = candidate?.split('-')[0].toLowerCase();
    if ((LANGUAGES as readonly (string | undefined)[]).includes(language)) return language as UiLanguage;
  }
  return 'ky';
}
