import { MaxLength } from 'class-validator';
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

/** Where to look when the asked-for language has no text. */
const FALLBACKS: Record<Language, Language[]> = {
  [Language.KY]: [Language.KY, Language.RU, Language.EN],
  [Language.RU]: [Language.RU, Language.KY, Language.EN],
  [Language.EN]: [Language.EN, Language.RU, Language.KY],
};

export interface Translations {
  ky?: string | null;
  ru?: string | null;
  en?: string | null;
}

/** The text in `language`, else in the nearest language that has one. */
export function pickTranslation(values: Translations, language: Language): string | null {
  for (const candidate of FALLBACKS[language]) {
    const text = values[candidate];
    if (text) return text;
  }
  return null;
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

@ObjectType({ description: 'A text kept in Kyrgyz, Russian and English, with the one for this request resolved.' })
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
      'The text in the request language (`Accept-Language` or a `lang` argument), falling back to another language that has one; null only when none has.',
  })
  text: string | null;

  static of(values: Translations, language: Language): LocalizedText {
    const localized = new LocalizedText();
    localized.ky = values.ky ?? null;
    localized.ru = values.ru ?? null;
    localized.en = values.en ?? null;
    localized.text = pickTranslation(values, language);
    return localized;
  }
}

@InputType({ description: 'A text in Kyrgyz, Russian and/or English; give at least one where the text is required.' })
export class TranslationsInput implements Translations {
  @Field(() => String, { nullable: true, description: 'Kyrgyz text.' })
  @MaxLength(20000)
  ky?: string | null;

  @Field(() => String, { nullable: true, description: 'Russian text.' })
  @MaxLength(20000)
  ru?: string | null;

  @Field(() => String, { nullable: true, description: 'English text.' })
  @MaxLength(20000)
  en?: string | null;
}
