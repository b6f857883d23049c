import { Embedded, Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { TranslatedText } from '../common/translations.embeddable';

/** A theme of the hub's taxonomy, mapped to OECD-DAC purpose codes for IATI. */
@Entity({ tableName: 'theme' })
export class Theme {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'text' })
  code: string;

  @Embedded(() => TranslatedText, { prefix: 'name_' })
  name: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  /** OECD-DAC 5-digit purpose codes (IATI Sector vocabulary 1). */
  @Property({ type: 'text[]' })
  dacCodes: string[] = [];

  @Property({ type: 'smallint' })
  position: number;
}
