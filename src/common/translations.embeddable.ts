import { Embeddable, Property } from '@mikro-orm/core';
import type { Translations } from './localized-text';

/** A text in Kyrgyz, Russian and English, stored as three columns (`<prefix>ky`, `…ru`, `…en`). */
@Embeddable()
export class TranslatedText implements Translations {
  @Property({ type: 'text', nullable: true })
  ky: string | null = null;

  @Property({ type: 'text', nullable: true })
  ru: string | null = null;

  @Property({ type: 'text', nullable: true })
  en: string | null = null;

  static of(values: Translations | null | undefined): TranslatedText {
    const text = new TranslatedText();
    text.ky = values?.ky?.trim() || null;
    text.ru = values?.ru?.trim() || null;
    text.en = values?.en?.trim() || null;
    return text;
  }

  isEmpty(): boolean {
    return !this.ky && !this.ru && !this.en;
  }
}
