import type { EntityManager } from '@mikro-orm/postgresql';
import { leanJsonSql } from '../common/lean-rows';
import type { PageWindow } from '../common/pagination';
import { escapeLike } from '../common/search';
import { type Sql, sql, sqlText, sqlWhere } from '../common/sql';
import { AdminUnit, PATH_SEPARATOR } from './admin-unit.entity';
import type { AdminUnitFilter } from './admin-unit.inputs';
import type { AdminUnitRecord } from './geography.loaders';
import type { UnitSearchSql } from './unit-search.sql';

/** "The unit whose path is in `pathColumn` is `unit` or lies inside it", by materialised path (the path index serves the `like`). */
export function atOrInsideSql(pathColumn: Sql, unit: Pick<AdminUnitRecord, 'path'>): Sql {
  return sql`(${pathColumn} = ${unit.path} or ${pathColumn} like ${`${escapeLike(unit.path + PATH_SEPARATOR)}%`})`;
}

/** A unit list's filter with its parent and container units found, and its search built. */
export interface UnitListQuery {
  filter: AdminUnitFilter | null | undefined;
  parent: AdminUnitRecord | null;
  container: AdminUnitRecord | null;
  search: UnitSearchSql | null;
}

function unitListFrom(query: UnitListQuery): Sql {
  const { filter } = query;
  const conditions: Sql[] = [];
  if (filter?.level) conditions.push(sql`u.level = ${filter.level}`);
  if (filter?.kind) conditions.push(sql`u.kind = ${filter.kind}`);
  if (query.parent) conditions.push(sql`u.parent_code = ${query.parent.code}`);
  if (query.container) conditions.push(sql`u.path like ${`${escapeLike(query.container.path + PATH_SEPARATOR)}%`}`);
  if (filter?.borderArea != null) conditions.push(sql`u.border_area = ${filter.borderArea}`);
  if (filter?.multiEthnic != null) conditions.push(sql`u.multi_ethnic = ${filter.multiEthnic}`);
  const from = query.search ? sqlText('search_hits h join admin_unit u on u.code = h.code') : sqlText('admin_unit u');
  return sql`${from} ${sqlWhere(conditions)}`;
}

/**
 * A page of units as lean JSON with the total: in tree order (a unit before its children), or,
 * with a search, best match first (unit-search.sql.ts).
 */
export function unitPageSql(em: EntityManager, query: UnitListQuery, window: PageWindow): Sql {
  const withClause = query.search ? sql`with ${query.search}` : sqlText('');
  const orderBy = sqlText(query.search ? 'h.score desc, u.depth, u.path' : 'u.path');
  const unitJson = sqlText(leanJsonSql(em, AdminUnit.name, 'u'));
  return sql`${withClause} select ${unitJson} as unit, count(*) over () as total from ${unitListFrom(query)} order by ${orderBy} limit ${window.limit} offset ${window.offset}`;
}

/** The number of units of a list (for a page past its end). */
export function unitCountSql(query: UnitListQuery): Sql {
  const withClause = query.search ? sql`with ${query.search}` : sqlText('');
  return sql`${withClause} select count(*) as total from ${unitListFrom(query)}`;
}
