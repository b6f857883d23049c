import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { badInput } from '../common/validation';
import { Theme } from './theme.entity';

export enum ThemeErrorCode {
  UNKNOWN_THEME = 'UNKNOWN_THEME',
}

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
