import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { remember, remembered } from '../common/remembered-references';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { found } from '../common/loaded';
import { leanFromJson } from '../common/lean-rows';
import { AdminUnit, PATH_SEPARATOR } from './admin-unit.entity';
import type { AdminUnitFilter, AdminUnitFlagsInput } from './admin-unit.inputs';
import { type AdminUnitRecord, pageParentOf } from './geography.loaders';
import { type UnitListQuery, unitCountSql, unitPageSql } from './admin-unit.sql';
import { unitSearchSql } from './unit-search.sql';
import { badInput, notFound } from '../common/validation';
import { GeographyErrorCode } from './geography.errors';
import type { Awaitable } from '../common/record-loader';

export function unitByCode(ctx: RequestContext, code: string): Awaitable<AdminUnitRecord | null> {
  return ctx.loaders.geography.unitByCode.get(code);
}

/**
 * Units matching the filter: in tree order (a unit before its children), or, with `search`, best
 * match first (see unit-search.sql.ts).
 */
export async function listUnits(ctx: RequestContext, filter: AdminUnitFilter | null | undefined, window: PageWindow): Promise<Connection<AdminUnitRecord>> {
  const parent = filter?.parentCode ? await requireUnit(ctx, filter.parentCode, 'filter.parentCode') : null;
  const container = filter?.withinCode ? await requireUnit(ctx, filter.withinCode, 'filter.withinCode') : null;
  const search = filter?.search?.trim() ? await unitSearchSql(ctx.em, filter.search) : null;
  const query: UnitListQuery = { filter, parent, container, search };
  const connection = ctx.em.getConnection();
  // The page and the total in one statement (a search is computed once); only a page past the
  // end, which has no row to carry the total, asks again for the count.
  const page = unitPageSql(ctx.em, query, window);
  const rows = await connection.execute<{ unit: Record<string, unknown>; total: string }[]>(page.sql, page.params);
  const count = unitCountSql(query);
  const total = rows.length > 0 ? Number(rows[0].total) : window.offset === 0 ? 0 : Number((await connection.execute<{ total: string }[]>(count.sql, count.params))[0].total);
  const units = rows.map((row) => leanFromJson<AdminUnitRecord>(ctx.em, AdminUnit.name, row.unit));
  for (const unit of units) ctx.loaders.geography.unitByCode.prime(unit.code, unit);
  return toConnection(units, total, window);
}

/** The unit with this code (or SOATE or former code), or BAD_USER_INPUT naming the field. */
export async function requireUnit(ctx: RequestContext, code: string, field: string): Promise<AdminUnitRecord> {
  const unit = await unitByCode(ctx, code);
  if (!unit) throw badInput(GeographyErrorCode.UNKNOWN_UNIT, `There is no administrative unit with the code "${code}". Look codes up with the adminUnits query.`, field);
  return unit;
}

/** Where a unit is in the tree: what a filter "at or inside this unit" needs of it. */
export type UnitPlace = Pick<AdminUnitRecord, 'code' | 'path'>;

/**
 * As requireUnit, for a filter: only the unit's code and path, which do not change while the hub
 * runs, so a code (own or alias) found lately is not looked up again (common/remembered-references.ts).
 */
export async function requireUnitPlace(ctx: RequestContext, code: string, field: string): Promise<UnitPlace> {
  const known = remembered<UnitPlace>(ctx.em, `unit:${code}`);
  if (known) return known;
  const unit = await requireUnit(ctx, code, field);
  const place = { code: unit.code, path: unit.path };
  remember(ctx.em, `unit:${code}`, place);
  return place;
}

/** The units above `unit`, from the country down to its parent. */
export async function ancestorsOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<AdminUnitRecord[]> {
  const codes = unit.path.split(PATH_SEPARATOR).slice(0, -1);
  return found(await ctx.loaders.geography.unitByCode.loadMany(codes));
}

export function childrenOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<AdminUnitRecord[]> {
  return ctx.loaders.geography.childrenOf.load(unit.code);
}

export function parentOf(ctx: RequestContext, unit: AdminUnitRecord): Awaitable<AdminUnitRecord | null> {
  return pageParentOf(unit) ?? (unit.parent ? unitByCode(ctx, unit.parent.code) : null);
}

export function geometryOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<Record<string, unknown> | null> {
  return ctx.loaders.geography.geometryOf.load(unit.code);
}

/** Sets the flags the secretariat keeps on a unit (border area, multi-ethnic) and their source. */
export async function setAdminUnitFlags(ctx: RequestContext, code: string, input: AdminUnitFlagsInput): Promise<AdminUnit> {
  if (input.borderArea == null && input.multiEthnic == null && input.source === undefined) {
    throw badInput(GeographyErrorCode.NO_FLAGS_GIVEN, 'Give at least one of `borderArea`, `multiEthnic` or `source`.', 'input');
  }
  return ctx.em.transactional(async (em) => {
    const unit = (await findUnitsByCodes(em, [code])).get(code);
    if (!unit) throw notFound(GeographyErrorCode.UNIT_NOT_FOUND, `There is no administrative unit with the code "${code}".`, 'code');
    if (input.borderArea != null) unit.borderArea = input.borderArea;
    if (input.multiEthnic != null) unit.multiEthnic = input.multiEthnic;
    if (input.source !== undefined) unit.flagsSource = input.source?.trim() || null;
    unit.flagsUpdatedAt = new Date();
    return unit;
  });
}

/**
 * The units that codes name, each code a unit's own or one of its aliases (a SOATE or former
 * code): given code → the unit's current code and path. Unknown codes are left out.
 */
export async function resolveUnitCodes(em: EntityManager, codes: string[]): Promise<Map<string, { code: string; path: string }>> {
  if (codes.length === 0) return new Map();
  // em.execute: inside a mutation's transaction, on its connection.
  const rows = await em.execute<{ given: string; code: string; path: string }[]>(
    `select u.code as given, u.code, u.path from admin_unit u where u.code in (?)
     union all
     select a.key, u.code, u.path from admin_unit_alias a join admin_unit u on u.code = a.unit_code
     where a.kind in ('SOATE_CODE', 'FORMER_CODE') and a.key in (?)`,
    [codes, codes],
  );
  return new Map(rows.map((row) => [row.given, { code: row.code, path: row.path }]));
}

/** The managed units that codes (own or alias) name: given code → unit. Unknown codes are left out. */
export async function findUnitsByCodes(em: EntityManager, codes: string[]): Promise<Map<string, AdminUnit>> {
  const resolved = await resolveUnitCodes(em, [...new Set(codes)]);
  const units = await em.find(AdminUnit, { code: { $in: [...new Set([...resolved.values()].map((unit) => unit.code))] } });
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  return new Map([...resolved].map(([given, unit]) => [given, byCode.get(unit.code)!]));
}
