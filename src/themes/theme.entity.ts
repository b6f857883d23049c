import { Embedded, Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TranslatedText } from '../common/translations.embeddable';

/** A theme of the hub's taxonomy, mapped to OECD-DAC purpose codes for IATI. */
@ObjectType({ description: "A theme of the hub's taxonomy (e.g. conflict prevention), mapped to OECD-DAC purpose codes." })
@Entity({ tableName: 'theme' })
export class Theme {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'version';

  @Field({ description: 'Stable code, e.g. CONFLICT_PREVENTION.' })
  @PrimaryKey({ type: 'text' })
  code: string;

  @Embedded(() => TranslatedText, { prefix: 'name_' })
  name: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  /** OECD-DAC 5-digit purpose codes (IATI Sector vocabulary 1). */
  @Field(() => [String], {
    description:
      'OECD-DAC 5-digit purpose codes (IATI Sector vocabulary 1) this theme maps to: the sectors the IATI export (`GET /iati/activities.xml`) gives its projects, split evenly. The secretariat edits them with `updateTheme`.',
  })
  @Property({ type: 'text[]' })
  dacCodes: string[] = [];

  @Field(() => Int, { description: 'Position in the taxonomy, for display.' })
  @Property({ type: 'smallint' })
  position: number;

  @Field(() => Int, { description: 'Edit version; send it back with an update so that a concurrent change is detected (CONFLICT).' })
  @Property({ version: true, type: 'integer' })
  version: number = 1;
}
