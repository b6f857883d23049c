import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { TranslationsInput } from '../common/localized-text';

@InputType({ description: 'A new theme of the taxonomy.' })
export class CreateThemeInput {
  @Field({ description: 'Stable code of 2 to 50 capital Latin letters, digits and underscores, starting with a letter (e.g. WATER_DISPUTES); it cannot be changed later.' })
  code: string;

  @Field(() => TranslationsInput, { description: 'Name in at least one of ky, ru, en.' })
  name: TranslationsInput;

  @Field(() => TranslationsInput, { nullable: true, description: 'What the theme covers, in any of ky, ru, en.' })
  description?: TranslationsInput | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "OECD-DAC 5-digit purpose codes (IATI Sector vocabulary 1) the theme maps to, e.g. 15220; each an active code of the IATI Sector codelist (UNKNOWN_DAC_CODE otherwise). The IATI export lists them as the sectors of the theme's projects.",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  dacCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Position in the taxonomy, 0 to 32767; default after the last theme.' })
  position?: number | null;
}

@InputType({ description: 'Changes to a theme; fields left out stay as they are. The code cannot change.' })
export class UpdateThemeInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New name (replaces all three languages; at least one needed).' })
  name?: TranslationsInput | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New description (replaces all three languages); null clears it.' })
  description?: TranslationsInput | null;

  @Field(() => [String], {
    nullable: true,
    description: 'All OECD-DAC 5-digit purpose codes from now on, each an active code of the IATI Sector codelist (UNKNOWN_DAC_CODE otherwise); null or an empty list clears them.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  dacCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'New position in the taxonomy, 0 to 32767.' })
  position?: number | null;
}
