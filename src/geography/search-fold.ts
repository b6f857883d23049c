/**
 * Place names folded so that the ways people type them meet: Cyrillic (Kyrgyz and Russian) and
 * Latin, with or without the generic word ("Ноокатский район", "Ноокат", "Nookat rayon"), with
 * hyphens or spaces or neither ("Ak-Tatyr", "Ak Tatyr", "Aktatyr"), and the common variants of
 * transliteration (Джалал / Жалал / Jalal, Лейлек / Leylek / Leilek, Өзгөн / Uzgen).
 * The result is a string of Latin letters and digits; unit search compares these, exactly, by
 * substring and, where PostgreSQL has pg_trgm, by trigram similarity for small misspellings.
 */

/** Generic words of unit names in the three languages: they say what a unit is, not which. */
const GENERIC_WORDS = new Set([
  // Kyrgyz
  'облусу',
  'облус',
  'району',
  'район',
  'шаары',
  'шаар',
  'ш',
  'айыл',
  'аймагы',
  'аймак',
  'өкмөтү',
  'шаарчасы',
  'кыштагы',
  // Russian
  'область',
  'обл',
  'районы',
  'город',
  'города',
  'г',
  'айылный',
  'аильный',
  'округ',
  'айыл',
  'аймак',
  'пгт',
  'поселок',
  'посёлок',
  'село',
  'с',
  'им',
  'имени',
  'значения',
  'республиканского',
  'областного',
  'районного',
  // English and other Latin
  'oblast',
  'region',
  'rayon',
  'raion',
  'district',
  'city',
  'town',
  'of',
  'ayil',
  'aiyl',
  'ail',
  'aimak',
  'aimagy',
  'okmotu',
  'village',
  'rajon',
  'ajyl',
  'aimag',
]);

/** Generic words that say which kind of unit is meant: "Batken rayon" is the rayon, not the oblast. */
const KIND_WORDS: [RegExp, string[]][] = [
  [/^(район|району|rayon|raion|district|rajon)$/, ['RAYON', 'CITY_DISTRICT']],
  [/^(область|обл|облусу|облус|oblast|region)$/, ['OBLAST']],
  [/^(город|г|шаары|шаар|ш|city|town)$/, ['CITY', 'CITY_OF_REPUBLICAN_SIGNIFICANCE', 'TOWN']],
  [/^(айылный|аильный|аймак|аймагы|aimak|aimagy|okmotu|өкмөтү)$/, ['AYIL_AIMAK']],
];

/** The kinds of unit the generic words of a search name, if any (AdminUnitKind values). */
export function kindsNamed(text: string): string[] {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\-–—.,;:()«»"'/]+/);
  return [...new Set(KIND_WORDS.flatMap(([pattern, kinds]) => (words.some((word) => pattern.test(word)) ? kinds : [])))];
}

/** Kyrgyz and Russian letters in the spelling both languages' Latin transliterations share most. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian adjective endings that turn a place into "of the place": Ноокатский → Ноокат. */
const ADJECTIVE_ENDING = /(ский|ская|ское|ского|ской|скому|цкий|цкая)$/;

/** Latin spellings of the same sounds, brought to one form (after Cyrillic was transliterated). */
const LATIN_RULES: [RegExp, string][] = [
  [/dzh|dsch|dj|zh|j/g, 'j'],
  [/tsch|tch|ch/g, 'c'],
  [/sch|sh/g, 's'],
  [/kh/g, 'h'],
  [/ts|tz/g, 'c'],
  [/ou/g, 'u'],
  [/w/g, 'v'],
  [/[yi]+/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** One word of a name, without the generic words, transliterated and folded. */
function foldWord(word: string): string {
  if (GENERIC_WORDS.has(word)) return '';
  const stem = word.replace(ADJECTIVE_ENDING, '');
  let latin = [...stem].map((char) => CYRILLIC[char] ?? char).join('');
  latin = latin.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, replacement] of LATIN_RULES) latin = latin.replace(pattern, replacement);
  return latin.replace(/[^a-z0-9]/g, '');
}

/** The folded form of a name or of what someone typed to find it (empty when nothing is left). */
export function foldPlaceName(text: string): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\-–—.,;:()«»"'/]+/)
    .filter(Boolean);
  const folded = words.map(foldWord).join('');
  // A name that is only a generic word ("город") keeps its letters rather than vanishing.
  return (
    folded ||
    words
      .map((word) => [...word].map((char) => CYRILLIC[char] ?? char).join(''))
      .join('')
      .replace(/[^a-z0-9]/g, '')
  );
}
