/**
 * The ayil aimak gazetteer copies names as each Wikipedia edition spelled them. German and
 * French transliterations of Kyrgyz/Russian names are brought to the English-style spelling
 * the rest of the list uses (ö and ü are kept, as the current English articles do).
 */

export type SourceSpelling = 'english' | 'german' | 'french';

/** Which transliteration a gazetteer row uses, from the page it was read from. */
export function spellingOfSource(source: string): SourceSpelling {
  if (/\/Rajon_/.test(source)) return 'german';
  if (/District_de_Kotchkor/.test(source)) return 'french';
  return 'english';
}

/** Spellings no rule can decide: a German "s" that is a Kyrgyz "з", or a renamed unit. */
const GERMAN_EXCEPTIONS: Record<string, string> = {
  'Ak-Tüs': 'Ak-Tüz',
  'Kyrgys-Ata': 'Kyrgyz-Ata',
  'Kümüsch-Asis': 'Kümüsh-Aziz',
  Sulpujew: 'Zulpuyev',
};

type Rule = [pattern: RegExp, replacement: string];

/** Applies rules in order; each replacement keeps the case of the first letter it replaces. */
function applyRules(name: string, rules: Rule[]): string {
  // Letters produced by one rule must not be rewritten by a later one, so they are parked
  // in private-use characters until all rules have run.
  const parked: string[] = [];
  let text = name;
  for (const [pattern, replacement] of rules) {
    text = text.replace(pattern, (found) => {
      const upper = found[0] !== found[0].toLowerCase();
      parked.push(upper ? replacement[0].toUpperCase() + replacement.slice(1) : replacement);
      return String.fromCharCode(0xe000 + parked.length - 1);
    });
  }
  return text.replace(/[\ue000-\uf8ff]/g, (mark) => parked[mark.charCodeAt(0) - 0xe000]);
}

const VOWELS = 'aeiouyöüAEIOUYÖÜ';

/** German Duden-style transliteration (Dsch, Tsch, sch, ch, z, w, j, s) to English style. */
const GERMAN_RULES: Rule[] = [
  [/dsch/gi, 'j'],
  [/tsch/gi, 'ch'],
  [/sch/gi, 'sh'],
  [/ch/gi, 'kh'],
  [/z/gi, 'ts'],
  [/j/gi, 'y'],
  [/w/gi, 'v'],
  [/ss/gi, 's'],
  // A single s between vowels is a voiced "z" (з).
  [new RegExp(`(?<=[${VOWELS}])s(?=[${VOWELS}])`, 'g'), 'z'],
];

/** French transliteration (tch, ch, dj, ou, é) to English style. */
const FRENCH_RULES: Rule[] = [
  [/tch/gi, 'ch'],
  [/ch/gi, 'sh'],
  [/dj/gi, 'j'],
  [/ou/gi, 'u'],
  [/[éè]/g, 'e'],
];

/** The English-style spelling of a gazetteer name. */
export function normaliseName(name: string, spelling: SourceSpelling): string {
  if (spelling === 'german') return GERMAN_EXCEPTIONS[name] ?? applyRules(name, GERMAN_RULES);
  if (spelling === 'french') return applyRules(name, FRENCH_RULES);
  return name;
}

/** Upper-case ASCII slug for codes: "Tört-Kül" → "TORT-KUL". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
