import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { dacCodeStatus } from '../common/iati-codelists';
import { inputRule, shown, SomeTranslation, WholeNumberIn } from '../common/input-rules';
import { TranslationsInput } from '../common/localized-text';
import { ThemeErrorCode } from './theme.errors';

const THEME_CODE = /^[A-Z][A-Z0-9_]{1,49}$/;
const DAC_CODE = /^\d{5}$/;
export const MAX_POSITION = 32767;

/** 2 to 50 capital Latin letters, digits and underscores, starting with a letter (spaces around are trimmed). */
const ThemeCode = () =>
  inputRule({
    name: 'themeCode',
    reason: ThemeErrorCode.INVALID_THEME_CODE,
    test: (code) => typeof code === 'string' && THEME_CODE.test(code.trim()),
    message: (code) => `$path takes 2 to 50 capital Latin letters, digits and underscores, starting with a letter (e.g. WATER_DISPUTES); got "${shown(code)}".`,
  });

const listed = (codes: unknown): string[] => (Array.isArray(codes) ? codes.map((code) => String(code).trim()) : []);

/** Each DAC purpose code has 5 digits. */
const DacCodesFormat = () =>
  inputRule({
    name: 'dacCodesFormat',
    reason: ThemeErrorCode.INVALID_DAC_CODE,
    test: (codes) => listed(codes).every((code) => DAC_CODE.test(code)),
    message: (codes) =>
      `$path takes OECD-DAC purpose codes of 5 digits, such as 15220; got ${listed(codes)
        .filter((code) => !DAC_CODE.test(code))
        .map((code) => `"${shown(code)}"`)
        .join(', ')}.`,
  });

/** Each 5-digit code is an active code of the IATI Sector codelist (vocabulary 1), which the IATI export writes them as. */
const ActiveDacCodes = () =>
  inputRule({
    name: 'activeDacCodes',
    reason: ThemeErrorCode.UNKNOWN_DAC_CODE,
    test: (codes) => listed(codes).every((code) => !DAC_CODE.test(code) || dacCodeStatus(code) === 'active'),
    message: (codes) => {
      const unknown = listed(codes).filter((code) => DAC_CODE.test(code) && dacCodeStatus(code) !== 'active');
      const said = unknown.map((code) => (dacCodeStatus(code) === 'withdrawn' ? `${code} (withdrawn)` : code)).join(', ');
      return `$path takes active OECD-DAC purpose codes of the IATI Sector codelist, such as 15220 or 15112; not ${said}.`;
    },
  });

@InputType({ description: 'A new theme of the taxonomy.' })
export class CreateThemeInput {
  @Field({ description: 'Stable code of 2 to 50 capital Latin letters, digits and underscores, starting with a letter (e.g. WATER_DISPUTES); it cannot be changed later.' })
  @ThemeCode()
  code: string;

  @Field(() => TranslationsInput, { description: 'Name in at least one of ky, ru, en.' })
  @SomeTranslation()
  name: TranslationsInput;

  @Field(() => TranslationsInput, { nullable: true, description: 'What the theme covers, in any of ky, ru, en.' })
  description?: TranslationsInput | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "OECD-DAC 5-digit purpose codes (IATI Sector vocabulary 1) the theme maps to, e.g. 15220; each an active code of the IATI Sector codelist (UNKNOWN_DAC_CODE otherwise). The IATI export lists them as the sectors of the theme's projects.",
  })
  @IsOptional()
  @DacCodesFormat()
  @ActiveDacCodes()
  @ArrayMaxSize(50)
  dacCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Position in the taxonomy, 0 to 32767; default after the last theme.' })
  @IsOptional()
  @WholeNumberIn(0, MAX_POSITION)
  position?: number | null;
}

@InputType({ description: 'Changes to a theme; fields left out stay as they are. The code cannot change.' })
export class UpdateThemeInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New name (replaces all three languages; at least one needed).' })
  @SomeTranslation()
  name?: TranslationsInput | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New description (replaces all three languages); null clears it.' })
  description?: TranslationsInput | null;

  @Field(() => [String], {
    nullable: true,
    description: 'All OECD-DAC 5-digit purpose codes from now on, each an active code of the IATI Sector codelist (UNKNOWN_DAC_CODE otherwise); null or an empty list clears them.',
  })
  @IsOptional()
  @DacCodesFormat()
  @ActiveDacCodes()
  @ArrayMaxSize(50)
  dacCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'New position in the taxonomy, 0 to 32767.' })
  @WholeNumberIn(0, MAX_POSITION)
  position?: number | null;
}
