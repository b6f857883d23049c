import { type Sql, sql, sqlJoin, sqlText } from '../common/sql';
import { AdminLevel } from '../geography/admin-unit.entity';
import { atOrInsideSql } from '../geography/admin-unit.sql';
import type { AdminUnitRecord } from '../geography/geography.loaders';

/**
 * The links of the projects in `proj` to the cells in `link_cells`. When a condition narrows the
 * projects (a period, themes, organisations), they are read per project through the (project,
 * unit) key; otherwise per cell through the unit index.
 */
const LINKS_OF_PROJECTS = sqlText(`
  select l.unit_code as cell, l.project_id, l.direct, l.weight, proj.themes, proj.organisation_bits
  from proj cross join lateral (
    select l.* from analytics_link l where l.project_id = proj.id and l.unit_code in (select code from link_cells)) l`);
const LINKS_OF_CELLS = sqlText(`
  select l.unit_code as cell, l.project_id, l.direct, l.weight, proj.themes, proj.organisation_bits
  from analytics_link l join proj on proj.id = l.project_id
  where l.unit_code = any(array(select code from link_cells))`);

const LEVEL_DEPTH: Record<AdminLevel, number> = { [AdminLevel.COUNTRY]: 0, [AdminLevel.REGION]: 1, [AdminLevel.DISTRICT]: 2, [AdminLevel.MUNICIPALITY]: 3 };

/** The cells and projects of coverage, hotspots and gaps, their references already checked (analytics-checks.ts). */
export interface Scope {
  level: AdminLevel;
  within: AdminUnitRecord | null;
  /** Distinct, known theme codes, or null for every theme. */
  themes: string[] | null;
  period: [string | null, string | null] | null;
  /** Known organisation ids, or null for every organisation. */
  organisationIds: string[] | null;
  flags?: { borderArea?: boolean | null; multiEthnic?: boolean | null };
}

export interface ScopeSqlOptions {
  /** CTEs between `cells` and `proj` (they may use `cells`). */
  extra?: Sql;
  /** The cells whose links are read: all cells, or a page of them defined in `extra`. */
  linkCells?: 'cells' | 'page';
  /** `proj` also carries each project's period. */
  withPeriod?: boolean;
}

/**
 * Units of the level, optionally inside a unit and flagged. A unit above the level with nothing
 * below it (Osh city at DISTRICT level; a city of oblast significance at MUNICIPALITY level) is
 * a cell of its own, so a national map has no holes.
 */
function cellCondition(scope: Scope): Sql {
  const depth = LEVEL_DEPTH[scope.level];
  return sqlJoin(
    [
      sql`(u.depth = ${depth} or (u.depth between 1 and ${depth - 1} and not exists (select 1 from admin_unit c where c.parent_code = u.code)))`,
      scope.within ? atOrInsideSql(sqlText('u.path'), scope.within) : sqlText(''),
      scope.flags?.borderArea != null ? sql`u.border_area = ${scope.flags.borderArea}` : sqlText(''),
      scope.flags?.multiEthnic != null ? sql`u.multi_ethnic = ${scope.flags.multiEthnic}` : sqlText(''),
    ],
    ' and ',
  );
}

function projectConditions(scope: Scope): Sql[] {
  const conditions: Sql[] = [];
  if (scope.themes) conditions.push(sql`ap.themes && array[${scope.themes}]::text[]`);
  if (scope.period) conditions.push(sql`ap.period && daterange(${scope.period[0]}::date, ${scope.period[1]}::date, '[]')`);
  if (scope.organisationIds?.length) conditions.push(sql`ap.organisations && array[${scope.organisationIds}]::uuid[]`);
  return conditions;
}

/**
 * The shared first CTEs of coverage, hotspots and gaps: `cells`, then `extra` when given, `proj`
 * (projects not cancelled, on the themes, running in the period, with the organisations; from
 * analytics_project, with their themes and organisations) and `links` (cell, project, direct, the
 * project's share of money there, its themes and organisation bits; from analytics_link), for the
 * cells of `linkCells`. To follow `with`.
 */
export function scopeCtes(scope: Scope, options: ScopeSqlOptions = {}): Sql {
  const narrowed = projectConditions(scope);
  const where = narrowed.length ? sqlJoin([sqlText('true'), ...narrowed], ' and ') : sqlText('true');
  const periodColumn = sqlText(options.withPeriod ? ', ap.period' : '');
  return sql`
    cells as materialized (select u.code, u.path from admin_unit u where ${cellCondition(scope)}),
    ${options.extra ? sql`${options.extra},` : sqlText('')}
    proj as materialized (select ap.id, ap.themes, ap.organisations, ap.organisation_bits${periodColumn} from analytics_project ap where ${where}),
    link_cells as materialized (select distinct code from ${sqlText(options.linkCells ?? 'cells')}),
    links as materialized (${narrowed.length ? LINKS_OF_PROJECTS : LINKS_OF_CELLS})`;
}

/** How many cells the scope has (for a page's total without reading any project). */
export function scopeCellCount(scope: Scope): Sql {
  return sql`select count(*) from admin_unit u where ${cellCondition(scope)}`;
}
