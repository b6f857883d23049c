import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { remember, remembered } from '../common/remembered-references';
import { allowLongStatements } from '../common/statement-timeout';
import { TranslatedText } from '../common/translations.embeddable';
import { badInput, notFound } from '../common/validation';
import { checkVersion } from '../organisations/organisation.service';
import { Theme } from './theme.entity';
import { ThemeErrorCode } from './theme.errors';
import type { CreateThemeInput, UpdateThemeInput } from './theme.inputs';

export { ThemeErrorCode } from './theme.errors';

import { MAX_POSITION } from './theme.inputs';

export function listThemes(ctx: RequestContext): Promise<Theme[]> {
  return ctx.em.find(Theme, {}, { orderBy: { position: 'asc', code: 'asc' } });
}

/**
 * A filter's theme codes, once each, all known (or BAD_USER_INPUT naming `field`); null when none
 * are given. Codes found lately are not looked up again (common/remembered-references.ts).
 */
export async function checkThemeCodes(em: EntityManager, codes: string[] | null | undefined, field: string): Promise<string[] | null> {
  if (!codes?.length) return null;
  const unique = [...new Set(codes)];
  const unchecked = unique.filter((code) => !remembered<true>(em, `theme:${code}`));
  if (unchecked.length) {
    await requireThemes(em, unchecked, field);
    for (const code of unchecked) remember(em, `theme:${code}`, true);
  }
  return unique;
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

/** DAC purpose codes as stored: trimmed, each once (`@DacCodesFormat()` and `@ActiveDacCodes()` checked them). */
function dacCodesOf(codes: string[]): string[] {
  return [...new Set(codes.map((code) => code.trim()))];
}

/**
 * Adds a theme (ADMIN, SECRETARIAT). The insert makes the analytics rebuild everything when the
 * transaction commits (the theme bit strings get one more position; see
 * Migration20261122020000_analytics_incremental), so a new theme is counted at once.
 */
export async function createTheme(ctx: RequestContext, input: CreateThemeInput): Promise<Theme> {
  const code = input.code.trim();
  const dacCodes = dacCodesOf(input.dacCodes ?? []);
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
  const dacCodes = input.dacCodes !== undefined ? dacCodesOf(input.dacCodes ?? []) : null;
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
