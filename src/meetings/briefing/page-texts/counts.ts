import i18next from 'i18next';
import en from './counts/en.json';
import ky from './counts/ky.json';
import ru from './counts/ru.json';

/**
 * Words that change with a number on the meeting pages, from i18next catalogues (counts/*.json)
 * with the plural forms each language needs: Russian one/few/many/other (1 транзакция,
 * 2 транзакции, 5 транзакций), English one/other, Kyrgyz one/other (the noun stays singular
 * after a number). The same key format as the web UI's catalogues (`key_one`, `key_few`, …).
 */
const counts = i18next.createInstance();
void counts.init({
  resources: { en: { counts: en }, ru: { counts: ru }, ky: { counts: ky } },
  ns: ['counts'],
  defaultNS: 'counts',
  lng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type CountKey = 'transactions' | 'present';

/** The text of `key` for `count` in `language`, the number written as that language writes it. */
export function countText(language: 'ky' | 'ru' | 'en', key: CountKey, count: number, locale: string): string {
  return counts.t(key, { lng: language, count, n: count.toLocaleString(locale) });
}
