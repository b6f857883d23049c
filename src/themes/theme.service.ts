import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { allowLongStatements } from '../common/statement-timeout';
import { TranslatedText } from '../common/translations.embeddable';
import { badInput, InputErrorCode, notFound, requireSomeTranslation } from '../common/validation';
import { checkVersion } from '../organisations/organisation.service';
import { dacCodeStatus } from '../common/iati-codelists';
import { Theme } from './theme.entity';
import { ThemeErrorCode } from './theme.errors';
import type { CreateThemeInput, UpdateThemeInput } from './theme.inputs';

export { ThemeErrorCode } from './theme.errors';

const THEME_CODE = /^[A-Z][A-Z0-9_]{1,49}$/;
const DAC_CODE = /^\d{5}$/;
const MAX_POSITION = 32767;

export function listThemes(ctx: RequestContext): Promise<Theme[]> {
  return ctx.em.find(Theme, {}, { orderBy: { position: 'asc', code: 'asc' } });
}

/** The themes with these codes, in the same order; an unknown code is a BAD_USER_INPUT on `field`. */
export async function requireThemes(em: EntityManager, codes: string[], field: string): Promise<Theme[]> {
  const unique = [...new Set(codes)];
  const themes = await em.find(Theme, { code: { $in: unique } });
  const known = new Set(themes.map((theme) => theme.code));
  const unknown = unique.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw badInput(ThemeErrorCode.UNKNOWN_THEME, `Unknown theme code(s) in \`${field}\`: ${unknown.join(', ')}. See the \`themes\` query.`, field);
  }
  return unique.map((code) => themes.find((theme) => theme.code === code)!);
}

/**
 * DAC purpose codes trimmed, each 5 digits, each once, and each an active code of the IATI
 * Sector codelist (vocabulary 1), which the IATI export writes them as.
 */
function checkDacCodes(codes: string[], field: string): string[] {
  const trimmed = [...new Set(codes.map((code) => code.trim()))];
  const bad = trimmed.filter((code) => !DAC_CODE.test(code));
  if (bad.length > 0) {
    throw badInput(
      ThemeErrorCode.INVALID_DAC_CODE,
      `\`${field}\` takes OECD-DAC purpose codes of 5 digits, such as 15220; got ${bad.map((code) => `"${code}"`).join(', ')}.`,
      field,
    );
  }
  const unknown = trimmed.filter((code) => dacCodeStatus(code) !== 'active');
  if (unknown.length > 0) {
    const said = unknown.map((code) => (dacCodeStatus(code) === 'withdrawn' ? `${code} (withdrawn)` : code)).join(', ');
    throw badInput(ThemeErrorCode.UNKNOWN_DAC_CODE, `\`${field}\` takes active OECD-DAC purpose codes of the IATI Sector codelist, such as 15220 or 15112; not ${said}.`, field);
  }
  return trimmed;
}

function checkPosition(position: number, field: string): void {
  if (!Number.isInteger(position) || position < 0 || position > MAX_POSITION) {
    throw badInput(InputErrorCode.OUT_OF_RANGE, `\`${field}\` must be a whole number from 0 to ${MAX_POSITION}; got ${position}.`, field);
  }
}

/**
 * Adds a theme (ADMIN, SECRETARIAT). The insert makes the analytics rebuild everything when the
 * transaction commits (the theme bit strings get one more position; see
 * Migration20261122020000_analytics_incremental), so a new theme is counted at once.
 */
export async function createTheme(ctx: RequestContext, input: CreateThemeInput): Promise<Theme> {
  const code = input.code.trim();
  if (!THEME_CODE.test(code)) {
    throw badInput(
      ThemeErrorCode.INVALID_THEME_CODE,
      `\`input.code\` takes 2 to 50 capital Latin letters, digits and underscores, starting with a letter (e.g. WATER_DISPUTES); got "${input.code}".`,
      'input.code',
    );
  }
  requireSomeTranslation(input.name, 'input.name');
  const dacCodes = checkDacCodes(input.dacCodes ?? [], 'input.dacCodes');
  if (input.position != null) checkPosition(input.position, 'input.position');
  return ctx.em.transactional(async (em) => {
    // A new theme makes the analytics recompute everything at COMMIT.
    await allowLongStatements(em);
    if (await em.findOne(Theme, { code })) {
      throw badInput(ThemeErrorCode.THEME_CODE_TAKEN, `A theme with the code ${code} already exists.`, 'input.code');
    }
    let position = input.position;
    if (position == null) {
      const [last] = await em.find(Theme, {}, { orderBy: { position: 'desc' }, limit: 1 });
      position = Math.min(MAX_POSITION, (last?.position ?? 0) + 1);
    }
    return em.create(Theme, {
      code,
      name: TranslatedText.of(input.name),
      description: TranslatedText.of(input.description),
      dacCodes,
      position,
    });
  });
}

/** Changes a theme's names, description, DAC codes or position (ADMIN, SECRETARIAT); the code stays. */
export async function updateTheme(ctx: RequestContext, code: string, input: UpdateThemeInput): Promise<Theme> {
  if (input.name !== undefined) requireSomeTranslation(input.name, 'input.name');
  const dacCodes = input.dacCodes !== undefined ? checkDacCodes(input.dacCodes ?? [], 'input.dacCodes') : null;
  if (input.position === null) throw badInput(InputErrorCode.OUT_OF_RANGE, '`input.position` cannot be cleared.', 'input.position');
  if (input.position !== undefined) checkPosition(input.position, 'input.position');
  return ctx.em.transactional(async (em) => {
    const theme = await em.findOne(Theme, { code });
    if (!theme) throw notFound(ThemeErrorCode.THEME_NOT_FOUND, `There is no theme with the code "${code}". See the \`themes\` query.`, 'code');
    checkVersion(theme.version, input.version, 'theme');
    if (input.name) theme.name = TranslatedText.of(input.name);
    if (input.description !== undefined) theme.description = TranslatedText.of(input.description);
    if (dacCodes) theme.dacCodes = dacCodes;
    if (input.position != null) theme.position = input.position;
    return theme;
  });
}
