import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

import { LANGUAGES, type UiLanguage } from './languages';

export { LANGUAGES, LOCALES, type UiLanguage } from './languages';

/**
 * Catalogues live in `src/locales/<language>/<namespace>.json`, one namespace per feature, shared
 * with the server, whose own namespace (`briefing`, the meeting pages) the UI leaves out.
 */
const catalogues = import.meta.glob<{ default: ResourceKey }>(['../../locales/*/*.json', '!../../locales/*/briefing.json']);

/** Loads each language's namespace only when a page needs it (one small request per file). */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogues[`../../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No catalogue ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

declare global {
  interface Window {
    /** Keys a page asked for that no catalogue has; the browser tests require it to stay empty. */
    __i18nMissing?: string[];
  }
}

export function currentLanguage(): UiLanguage {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as UiLanguage) : 'ky';
}

void i18n
  .use(catalogueBackend)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    // Kyrgyz for a browser in another language. A supported language falls back to none: every
    // catalogue is complete (test/web/catalogues.test.ts), and a fallback would load a second
    // language's catalogues on every page.
    fallbackLng: (code: string) => ((LANGUAGES as readonly string[]).includes(code?.split('-')[0]) ? [] : ['ky']),
    ns: ['common'],
    // Choose the language at once: a page that asks for its namespaces before a deferred start
    // would get them in the fallback language too.
    initAsync: false,
    defaultNS: 'common',
    // `?lang=ru` in a link chooses the language; the choice is remembered in the browser.
    detection: { order: ['querystring', 'localStorage', 'navigator'], lookupQuerystring: 'lang', caches: ['localStorage'] },
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => {
      const entry = `${languages.join(',')}:${namespace}:${key}`;
      (window.__i18nMissing ??= []).push(entry);
      console.warn(`Missing translation ${entry}`);
    },
    react: { useSuspense: true },
  });

i18n.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

export default i18n;
