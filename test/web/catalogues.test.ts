/**
 * The catalogues of the web UI and the server (src/locales, one set for both): every key in all
 * three languages, with the plural forms each language needs (Russian one/few/many/other, Kyrgyz
 * and English one/other) and the same values to fill in, and every key the code asks for present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NAMESPACES } from '../../src/locales/i18n';

const SRC = join(__dirname, '..', '..', 'src');
const LOCALES = join(SRC, 'locales');
const LANGUAGES = ['ky', 'ru', 'en'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) keys.set(inner, text);
  }
  return keys;
}

const namespaces = readdirSync(join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));
const load = (language: string, namespace: string) => flatten(JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Catalogue);

describe('the catalogues of the web UI and the server', () => {
  it('have the same namespaces in every language', () => {
    for (const language of LANGUAGES) {
      expect(
        readdirSync(join(LOCALES, language))
          .map((file) => file.replace(/\.json$/, ''))
          .sort(),
      ).toEqual([...namespaces].sort());
    }
    expect(namespaces).toEqual(expect.arrayContaining([...SERVER_NAMESPACES, 'errors', 'common']));
  });

  it.each(LANGUAGES.flatMap((language) => namespaces.map((namespace) => [language, namespace] as const)))(
    '%s/%s has every key, with its plural forms, and no empty text',
    (language, namespace) => {
      const english = load('en', namespace);
      const catalogue = load(language, namespace);
      const bases = (keys: Iterable<string>) => [...new Set([...keys].map((key) => key.replace(PLURAL, '')))].sort();
      expect(bases(catalogue.keys())).toEqual(bases(english.keys()));
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...english.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      for (const base of plurals) {
        for (const category of categories) expect(catalogue.has(`${base}_${category}`) ? `${base}_${category}` : `missing ${base}_${category}`).toBe(`${base}_${category}`);
      }
      for (const [key, text] of catalogue) expect(text.trim() ? key : `empty ${key}`).toBe(key);
      // The values a text fills in ({{n}}, {{owner}}) are the same in every language (over all plural forms of a key).
      const values = (keys: Map<string, string>) => {
        const byBase = new Map<string, Set<string>>();
        for (const [key, text] of keys) {
          const base = key.replace(PLURAL, '');
          for (const match of text.matchAll(/\{\{\s*([\w.]+)/g)) byBase.set(base, (byBase.get(base) ?? new Set()).add(match[1]));
        }
        return Object.fromEntries([...byBase].map(([base, names]) => [base, [...names].sort()]).sort());
      };
      expect(values(catalogue)).toEqual(values(english));
    },
  );

  it('have every key the code of the web UI and of the server asks for with t("namespace:key")', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'gql') walk(join(dir, entry.name));
        else if (/\.tsx?$/.test(entry.name)) sources.push(readFileSync(join(dir, entry.name), 'utf8'));
      }
    };
    walk(SRC);
    const asked = new Set<string>();
    // t('ns:key'), and the server's textsIn(language)('ns:key').
    for (const source of sources) for (const match of source.matchAll(/(?:\bt|\))\(\s*'([a-z]+):([A-Za-z0-9_.]+)'/g)) asked.add(`${match[1]}:${match[2]}`);
    expect(asked.size).toBeGreaterThan(20);
    // The server's pages ask for their texts here too.
    expect([...asked].filter((entry) => entry.startsWith('briefing:')).length).toBeGreaterThan(30);
    const english = new Map(namespaces.map((namespace) => [namespace, new Set([...load('en', namespace).keys()].map((key) => key.replace(PLURAL, '')))]));
    const missing = [...asked].filter((entry) => {
      const [namespace, key] = entry.split(':');
      return !english.get(namespace)?.has(key);
    });
    expect(missing).toEqual([]);
  });
});
