import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { leanRowsByKey } from '../common/lean-rows';
import { AdminUnit } from './admin-unit.entity';

/**
 * A unit as the read-only GraphQL fields use it: a managed AdminUnit or its lean row
 * (src/common/lean-rows.ts), which holds the parent as a `{ code }` reference.
 */
export type AdminUnitRecord = Omit<AdminUnit, 'parent' | 'geometry'> & { parent: { code: string } | null };

/** Per-request batch loaders: a page of units with parents, children or shapes costs one query each. */
export function createGeographyLoaders(em: EntityManager) {
  return {
    unitByCode: new DataLoader<string, AdminUnitRecord | null>(async (codes) => {
      const units = await leanRowsByKey<AdminUnitRecord>(em, AdminUnit.name, 'code', codes);
      const byCode = new Map(units.map((unit) => [unit.code, unit]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),

    childrenOf: new DataLoader<string, AdminUnitRecord[]>(async (parentCodes) => {
      const children = await leanRowsByKey<AdminUnitRecord>(em, AdminUnit.name, 'parent_code', parentCodes);
      children.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const byParent = new Map<string, AdminUnitRecord[]>(parentCodes.map((code) => [code, []]));
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
