import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { AdminLevel } from '../geography/admin-unit.entity';
import { atOrInside, checkThemes, requireUnit } from './analytics-checks';
import type { Statement } from './statement';

/**
 * The links of the projects in `proj` to the cells in `link_cells`. When a condition narrows the
 * projects (a period, themes, organisations), they are read per project through the (project,
 * unit) key; otherwise per cell through the unit index.
 */
const LINKS_OF_PROJECTS = `
  select l.unit_code as cell, l.project_id, l.direct, l.weight, proj.themes, proj.organisation_bits
  from proj cross join lateral (
    select l.* from analytics_link l where l.project_id = proj.id and l.unit_code in (select code from link_cells)) l`;
const LINKS_OF_CELLS = `
  select l.unit_code as cell, l.project_id, l.direct, l.weight, proj.themes, proj.organisation_bits
  from analytics_link l join proj on proj.id = l.project_id
  where l.unit_code = any(array(select code from link_cells))`;

const LEVEL_DEPTH: Record<AdminLevel, number> = { [AdminLevel.COUNTRY]: 0, [AdminLevel.REGION]: 1, [AdminLevel.DISTRICT]: 2, [AdminLevel.MUNICIPALITY]: 3 };

export interface ScopeOptions {
  level: AdminLevel;
  withinCode?: string | null;
  withinField: string;
  themeCodes?: string[] | null;
  themesField: string;
  period: [string | null, string | null] | null;
  organisationIds?: string[] | null;
  flags?: { borderArea?: boolean | null; multiEthnic?: boolean | null };
}

/**
 * The shared first CTEs of coverage, hotspots and gaps: `cells` (units of the level, optionally
 * inside a unit and flagged), then `extra` when given (CTEs that may use `cells`), `proj` (projects
 * not cancelled, on the themes, running in the period, with the organisations; from
 * analytics_project, with their themes and organisations) and `links` (cell, project, direct, the
 * project's share of money there, its themes and organisation bits; from analytics_link), for the
 * cells of `linkCells`.
 */
export async function scopeCtes(
  ctx: RequestContext,
  options: ScopeOptions & { extra?: Statement; linkCells?: 'cells' | 'page' },
): Promise<{ sql: string; params: unknown[]; themes: string[] | null; cellCountSql: string; cellParams: unknown[] }> {
  // A unit above the level with nothing below it (Osh city at DISTRICT level; a city of oblast
  // significance at MUNICIPALITY level) is a cell of its own, so a national map has no holes.
  const depth = LEVEL_DEPTH[options.level];
  const params: unknown[] = [depth, depth - 1];
  let cellWhere = '(u.depth = ? or (u.depth between 1 and ? and not exists (select 1 from admin_unit c where c.parent_code = u.code)))';
  if (options.withinCode) {
    const unit = await requireUnit(ctx, options.withinCode, options.withinField);
    const [inside, insideParams] = atOrInside('u.path', unit);
    cellWhere += ` and ${inside}`;
    params.push(...insideParams);
  }
  if (options.flags?.borderArea != null) {
    cellWhere += ' and u.border_area = ?';
    params.push(options.flags.borderArea);
  }
  if (options.flags?.multiEthnic != null) {
    cellWhere += ' and u.multi_ethnic = ?';
    params.push(options.flags.multiEthnic);
  }
  const cellParams = [...params];
  if (options.extra) params.push(...options.extra.params);
  const themes = await checkThemes(ctx, options.themeCodes, options.themesField);
  const projectConditions = ['true'];
  if (themes) {
    projectConditions.push('ap.themes && array[?]::text[]');
    params.push(themes);
  }
  if (options.period) {
    projectConditions.push(`ap.period && daterange(?::date, ?::date, '[]')`);
    params.push(...options.period);
  }
  if (options.organisationIds?.length) {
    const ids = options.organisationIds.filter(isUuid);
    projectConditions.push('ap.organisations && array[?]::uuid[]');
    params.push(ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  }
  const sql = `
    cells as materialized (select u.code, u.path from admin_unit u where ${cellWhere}),
    ${options.extra ? `${options.extra.sql},` : ''}
    proj as materialized (select ap.id, ap.themes, ap.organisations, ap.organisation_bits from analytics_project ap where ${projectConditions.join(' and ')}),
    link_cells as materialized (select distinct code from ${options.linkCells ?? 'cells'}),
    links as materialized (${projectConditions.length > 1 ? LINKS_OF_PROJECTS : LINKS_OF_CELLS})`;
  return { sql, params, themes, cellCountSql: `select count(*) from admin_unit u where ${cellWhere}`, cellParams };
}
