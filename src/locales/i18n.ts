import i18next, { type TFunction } from 'i18next';
import { Language } from '../common/localized-text';
import enBriefing from './en/briefing.json';
import enProjects from './en/projects.json';
import kyBriefing from './ky/briefing.json';
import kyProjects from './ky/projects.json';
import ruBriefing from './ru/briefing.json';
import ruProjects from './ru/projects.json';

/*
 * The server's words for people, from the same catalogues as the web UI
 * (`src/locales/<language>/<namespace>.json`, i18next's format with its plural keys: Russian
 * `_one/_few/_many/_other`, Kyrgyz and English `_one/_other`). The server loads only what it
 * prints: its own namespace and the UI's `projects` (the stages' names in the 3W export); tsc copies the imported JSON into dist/ next to this file, so the built server reads
 * them from there. test/web/catalogues.test.ts checks every language has every key and plural form.
 */

declare module 'i18next' {
  // The server's namespaces, so that `t('briefing:page.title')` with a key no catalogue has fails to compile.
  interface ResourceNamespaceMap {
    briefing: typeof enBriefing;
    projects: typeof enProjects;
  }
}

/** The namespaces the server reads. */
export const SERVER_NAMESPACES = ['briefing', 'projects'] as const;

/** BCP 47 locales for dates and numbers in each language (the web UI's LOCALES say the same). */
export const LOCALES: Record<Language, string> = { [Language.KY]: 'ky-KG', [Language.RU]: 'ru-RU', [Language.EN]: 'en-GB' };

const texts = i18next.createInstance();
void texts.init({
  resources: {
    [Language.EN]: { briefing: enBriefing, projects: enProjects },
    [Language.RU]: { briefing: ruBriefing, projects: ruProjects },
    [Language.KY]: { briefing: kyBriefing, projects: kyProjects },
  },
  ns: [...SERVER_NAMESPACES],
  defaultNS: 'briefing',
  supportedLngs: Object.values(Language),
  lng: Language.EN,
  // Every catalogue is complete (the catalogue test), so no language falls back to another.
  fallbackLng: false,
  // The resources are in memory: ready when init returns, so t() can be called at import time.
  initAsync: false,
  // The pages escape what they print (HTML) or print plain text (Markdown, iCalendar).
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The texts of one language: `t('briefing:page.transactions', { count, n })`. */
export function textsIn(language: Language): TFunction<typeof SERVER_NAMESPACES> {
  return texts.getFixedT(language, SERVER_NAMESPACES);
}

/** A whole number as `language` writes it (1 250 in Russian and Kyrgyz, 1,250 in English). */
export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(LOCALES[language]);
}
