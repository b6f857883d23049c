import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';

export enum Language {
  KY = 'ky',
  RU = 'ru',
  EN = 'en',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language the hub keeps text in.',
  valuesConfig: {
    KY: { description: 'Kyrgyz (кыргыз тили).' },
    RU: { description: 'Russian (русский язык).' },
    EN: { description: 'English.' },
  },
});

export const DEFAULT_LANGUAGE = Language.EN;

/**
 * The order in which every page and API answer looks for a text that is missing in the asked-for
 * language: after that language, Kyrgyz, then Russian, then English. Kyrgyz comes first because
 * the hub's source documents are Kyrgyz: a text kept in one language only is usually theirs.
 */
export const FALLBACK_ORDER: readonly Language[] = [Language.KY, Language.RU, Language.EN];

const ORDERS = new Map<Language, readonly Language[]>(
  Object.values(Language).map((language) => [language, [language, ...FALLBACK_ORDER.filter((candidate) => candidate !== language)]]),
);

/** The languages to try for a text asked for in `language`, in order (the asked-for one first). */
export function languagesFor(language: Language): readonly Language[] {
  return ORDERS.get(language) ?? FALLBACK_ORDER;
}

export interface Translations {
  ky?: string | null;
  ru?: string | null;
  en?: string | null;
}

/** A text and the language it is in. */
export interface PickedText {
  text: string;
  language: Language;
}

/** The text in `language`, else in the first language of {@link languagesFor} that has one, with that language. */
export function pickLocalized(values: Translations, language: Language): PickedText | null {
  for (const candidate of languagesFor(language)) {
    const text = values[candidate];
    if (text) return { text, language: candidate };
  }
  return null;
}

/** The text in `language`, else in the nearest language that has one ({@link languagesFor}). */
export function pickTranslation(values: Translations, language: Language): string | null {
  return pickLocalized(values, language)?.text ?? null;
}

/** Picks the request language from an Accept-Language header (`ky`, `ru` or `en`, by q-value). */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0], q: q ? Number.parseFloat(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const known = Object.values(Language) as string[];
  const match = ranked.find((entry) => known.includes(entry.primary));
  return (match?.primary as Language | undefined) ?? DEFAULT_LANGUAGE;
}

@ObjectType({
  description:
    'A text kept in Kyrgyz, Russian and English, with the one for this request resolved: in the request language where there is one, else in Kyrgyz, then Russian, then English (`language` says which).',
})
export class LocalizedText {
  @Field(() => String, { nullable: true, description: 'Kyrgyz text, or null when not known.' })
  ky: string | null;

  @Field(() => String, { nullable: true, description: 'Russian text, or null when not known.' })
  ru: string | null;

  @Field(() => String, { nullable: true, description: 'English text, or null when not known.' })
  en: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The text in the request language (`Accept-Language` or a `lang` argument); where that language has none, the first of Kyrgyz, Russian, English that has one. Null only when none has.',
  })
  text: string | null;

  @Field(() => Language, {
    nullable: true,
    description: 'The language `text` is in: the request language, or the one it fell back to (so a page can mark it, e.g. `lang="ky"`). Null only when `text` is.',
  })
  language: Language | null;

  static of(values: Translations, language: Language): LocalizedText {
    const localized = new LocalizedText();
    localized.ky = values.ky ?? null;
    localized.ru = values.ru ?? null;
    localized.en = values.en ?? null;
    const picked = pickLocalized(values, language);
    localized.text = picked?.text ?? null;
    localized.language = picked?.language ?? null;
    return localized;
  }
}

@InputType({ description: 'A text in Kyrgyz, Russian and/or English; give at least one where the text is required.' })
export class TranslationsInput implements Translations {
  @Field(() => String, { nullable: true, description: 'Kyrgyz text.' })
  @IsOptional()
  @MaxLength(20000)
  ky?: string | null;

  @Field(() => String, { nullable: true, description: 'Russian text.' })
  @IsOptional()
  @MaxLength(20000)
  ru?: string | null;

  @Field(() => String, { nullable: true, description: 'English text.' })
  @IsOptional()
  @MaxLength(20000)
  en?: string | null;
}

/**
 * The resolver of a `name(lang)` or `title(lang)` field: the translation in `lang`, else in the
 * request's language (`Accept-Language`), with the fallbacks of `pickTranslation`.
 */
export function translatedField<Root>(textsOf: (root: Root) => Translations) {
  return (root: Root, args: { lang?: Language | null }, context: { language: Language }): string | null => pickTranslation(textsOf(root), args.lang ?? context.language);
}
