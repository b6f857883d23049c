import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Theme } from './theme.entity';

export function createThemeLoaders(em: EntityManager) {
  return {
    themeByCode: new DataLoader<string, Theme | null>(async (codes) => {
      const themes = await em.find(Theme, { code: { $in: [...codes] } });
      const byCode = new Map(themes.map((theme) => [theme.code, theme]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
