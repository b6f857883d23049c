import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { leanRowsByKey } from '../common/lean-rows';
import { AdminUnit } from './admin-unit.entity';
import { RecordLoader } from '../common/record-loader';

/**
 * A unit as the read-only GraphQL fields use it: a managed AdminUnit or its lean row
 * (src/common/lean-rows.ts), which holds the parent as a `{ code }` reference.
 */
export type AdminUnitRecord = Omit<AdminUnit, 'parent' | 'successor' | 'geometry'> & { parent: { code: string } | null; successor: { code: string } | null };

/**
 * What each field of AdminUnit reads of a unit's own columns (by property), for pages that read
 * only those (common/lean-rows.ts, propsReadBy). A field not listed makes them read every column:
 * list one only with what its resolver reads.
 */
export const ADMIN_UNIT_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  code: [],
  name: ['nameKy', 'nameRu', 'nameEn'],
  names: ['nameKy', 'nameRu', 'nameEn'],
  level: ['level'],
  kind: ['kind'],
  path: ['path'],
  parent: ['parent'],
};

/**
 * On a unit read with some columns only for one page (projects/project.loaders.ts): its parent,
 * where the same statement read it. Such units are kept out of the loaders (common/lean-rows.ts).
 */
const PAGE_PARENT = Symbol('parent read with the page');

type PageUnit = AdminUnitRecord & { [PAGE_PARENT]?: AdminUnitRecord };

/** The units one page read with some columns only, by code, each linked to its parent where the page read that too. */
export function pageUnits(units: AdminUnitRecord[]): Map<string, AdminUnitRecord> {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  for (const unit of units as PageUnit[]) if (unit.parent) unit[PAGE_PARENT] = byCode.get(unit.parent.code);
  return byCode;
}

/** The parent of a unit as its page read it (pageUnits), if it did. */
export function pageParentOf(unit: AdminUnitRecord): AdminUnitRecord | undefined {
  return (unit as PageUnit)[PAGE_PARENT];
}

/** Per-request batch loaders: a page of units with parents, children or shapes costs one query each. */
export function createGeographyLoaders(em: EntityManager) {
  return {
    /**
     * By code, or by SOATE or former code: a code that is not a unit's own is looked up among
     * the aliases in a second statement, which requests with current codes never pay.
     */
    unitByCode: new RecordLoader<string, AdminUnitRecord | null>(async (codes) => {
      const units = await leanRowsByKey<AdminUnitRecord>(em, AdminUnit.name, 'code', codes);
      const byCode = new Map(units.map((unit) => [unit.code, unit]));
      const unknown = codes.filter((code) => !byCode.has(code));
      if (unknown.length) {
        const aliases = await em.execute<{ key: string; unit_code: string }[]>(
          "select key, unit_code from admin_unit_alias where kind in ('SOATE_CODE', 'FORMER_CODE') and key in (?)",
          [unknown],
        );
        const targets = aliases.length ? await leanRowsByKey<AdminUnitRecord>(em, AdminUnit.name, 'code', [...new Set(aliases.map((alias) => alias.unit_code))]) : [];
        const target = new Map(targets.map((unit) => [unit.code, unit]));
        for (const alias of aliases) byCode.set(alias.key, target.get(alias.unit_code)!);
      }
      return codes.map((code) => byCode.get(code) ?? null);
    }),

    childrenOf: new DataLoader<string, AdminUnitRecord[]>(async (parentCodes) => {
      const children = await leanRowsByKey<AdminUnitRecord>(em, AdminUnit.name, 'parent_code', parentCodes);
      children.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const byParent = new Map<string, AdminUnitRecord[]>(parentCodes.map((code) => [code, []]));
      for (const child of children) byParent.get(child.parent!.code)?.push(child);
      return parentCodes.map((code) => byParent.get(code) ?? []);
    }),

    /** The villages and former codes of units, as the aliases list them. */
    aliasesOf: new DataLoader<string, { kind: string; value: string }[]>(async (codes) => {
      const rows = await em.execute<{ unit_code: string; kind: string; value: string }[]>(
        "select unit_code, kind, value from admin_unit_alias where unit_code in (?) and kind in ('VILLAGE', 'FORMER_CODE') order by value",
        [codes],
      );
      const byUnit = new Map<string, { kind: string; value: string }[]>(codes.map((code) => [code, []]));
      for (const row of rows) byUnit.get(row.unit_code)?.push({ kind: row.kind, value: row.value });
      return codes.map((code) => byUnit.get(code) ?? []);
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

declare module '../common/context' {
  interface Loaders {
    geography: GeographyLoaders;
  }
}
