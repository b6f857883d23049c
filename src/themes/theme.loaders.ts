import type { EntityManager } from '@mikro-orm/postgresql';
import { leanRowsByKey } from '../common/lean-rows';
import type { Translations } from '../common/localized-text';
import { Theme } from './theme.entity';
import { RecordLoader } from '../common/record-loader';

/** A theme as the read-only GraphQL fields use it: a managed Theme or its lean row (src/common/lean-rows.ts). */
export type ThemeRecord = Omit<Theme, 'name' | 'description'> & { name: Translations; description: Translations };

export function createThemeLoaders(em: EntityManager) {
  return {
    themeByCode: new RecordLoader<string, ThemeRecord | null>(async (codes) => {
      const themes = await leanRowsByKey<ThemeRecord>(em, Theme.name, 'code', codes);
      const byCode = new Map(themes.map((theme) => [theme.code, theme]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    themes: ReturnType<typeof createThemeLoaders>;
  }
}
