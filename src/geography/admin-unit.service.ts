import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { found } from '../common/loaded';
import { escapeLike, searchKey } from '../common/search';
import { AdminUnit, PATH_SEPARATOR } from './admin-unit.entity';
import type { AdminUnitFilter, AdminUnitFlagsInput } from './admin-unit.inputs';
import type { AdminUnitRecord } from './geography.loaders';
import { badInput, notFound } from '../common/validation';
import { GeographyErrorCode } from './geography.errors';

/** SQL condition "the unit with path column `column` is `unit` or lies inside it", with its parameters. */
export function atOrInside(column: string, unit: AdminUnitRecord): [string, unknown[]] {
  return [`(${column} = ? or ${column} like ?)`, [unit.path, `${escapeLike(unit.path + PATH_SEPARATOR)}%`]];
}

export function unitByCode(ctx: RequestContext, code: string): Promise<AdminUnitRecord | null> {
  return ctx.loaders.geography.unitByCode.load(code);
}

/** Units matching the filter in tree order (a unit before its children). */
export async function listUnits(
  ctx: RequestContext,
  filter: AdminUnitFilter | null | undefined,
  window: PageWindow,
): Promise<Connection<AdminUnit>> {
  const where: FilterQuery<AdminUnit>[] = [];
  if (filter?.level) where.push({ level: filter.level });
  if (filter?.kind) where.push({ kind: filter.kind });
  if (filter?.parentCode) where.push({ parent: { code: filter.parentCode } });
  if (filter?.withinCode) {
    const container = await unitByCode(ctx, filter.withinCode);
    if (!container) return toConnection([], 0, window);
    where.push({ path: { $like: `${escapeLike(container.path + PATH_SEPARATOR)}%` } });
  }
  const search = filter?.search ? searchKey(filter.search) : '';
  if (search) where.push({ searchText: { $like: `%${escapeLike(search)}%` } });
  if (filter?.borderArea != null) where.push({ borderArea: filter.borderArea });
  if (filter?.multiEthnic != null) where.push({ multiEthnic: filter.multiEthnic });

  const [units, totalCount] = await ctx.em.findAndCount(
    AdminUnit,
    { $and: where },
    { orderBy: { path: 'asc' }, limit: window.limit, offset: window.offset },
  );
  return toConnection(units, totalCount, window);
}

/** The units above `unit`, from the country down to its parent. */
export async function ancestorsOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<AdminUnitRecord[]> {
  const codes = unit.path.split(PATH_SEPARATOR).slice(0, -1);
  return found(await ctx.loaders.geography.unitByCode.loadMany(codes));
}

export function childrenOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<AdminUnitRecord[]> {
  return ctx.loaders.geography.childrenOf.load(unit.code);
}

export async function parentOf(ctx: RequestContext, unit: AdminUnitRecord): Promise<AdminUnitRecord | null> {
  return unit.parent ? unitByCode(ctx, unit.parent.code) : null;
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
    const unit = await em.findOne(AdminUnit, { code });
    if (!unit) throw notFound(GeographyErrorCode.UNIT_NOT_FOUND, `There is no administrative unit with the code "${code}".`, 'code');
    if (input.borderArea != null) unit.borderArea = input.borderArea;
    if (input.multiEthnic != null) unit.multiEthnic = input.multiEthnic;
    if (input.source !== undefined) unit.flagsSource = input.source?.trim() || null;
    unit.flagsUpdatedAt = new Date();
    return unit;
  });
}
