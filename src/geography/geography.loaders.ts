import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AdminUnit } from './admin-unit.entity';

/** Per-request batch loaders: a page of units with parents, children or shapes costs one query each. */
export function createGeographyLoaders(em: EntityManager) {
  return {
    unitByCode: new DataLoader<string, AdminUnit | null>(async (codes) => {
      const units = await em.find(AdminUnit, { code: { $in: [...codes] } });
      const byCode = new Map(units.map((unit) => [unit.code, unit]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),

    childrenOf: new DataLoader<string, AdminUnit[]>(async (parentCodes) => {
      const children = await em.find(AdminUnit, { parent: { code: { $in: [...parentCodes] } } }, { orderBy: { path: 'asc' } });
      const byParent = new Map<string, AdminUnit[]>(parentCodes.map((code) => [code, []]));
      for (const child of children) byParent.get(child.parent!.code)?.push(child);
      return parentCodes.map((code) => byParent.get(code) ?? []);
    }),

    geometryOf: new DataLoader<string, Record<string, unknown> | null>(async (codes) => {
      const rows = await em
        .createQueryBuilder(AdminUnit)
        .select(['code', 'geometry'])
        .where({ code: { $in: [...codes] } })
        .execute<{ code: string; geometry: Record<string, unknown> | null }[]>('all', false);
      const byCode = new Map(rows.map((row) => [row.code, row.geometry]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}

export type GeographyLoaders = ReturnType<typeof createGeographyLoaders>;
