import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import type { AdminLevel } from '../geography/admin-unit.entity';
import { atOrInside, checkThemes, requireUnit } from './analytics-checks';

/** Effective period of a project `p`: actual dates where known, else planned; open ends stay open. */
export const PERIOD_SQL = `daterange(coalesce(p.actual_start, p.planned_start), coalesce(p.actual_end, p.planned_end), '[]')`;

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
 * inside a unit and flagged), `proj` (projects not cancelled, on the themes, running in the period,
 * with the organisations) and `cov` (their coverage rows with the units' paths).
 */
export async function scopeCtes(
  ctx: RequestContext,
  options: ScopeOptions,
): Promise<{ sql: string; params: unknown[]; themes: string[] | null; cellCountSql: string; cellParams: unknown[] }> {
  const params: unknown[] = [options.level];
  let cellWhere = 'u.level = ?';
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
  const themes = await checkThemes(ctx, options.themeCodes, options.themesField);
  let projectWhere = `p.status <> 'CANCELLED'`;
  if (themes) {
    projectWhere += ' and exists (select 1 from project_theme pt where pt.project_id = p.id and pt.theme_code in (?))';
    params.push(themes);
  }
  if (options.period) {
    projectWhere += ` and ${PERIOD_SQL} && daterange(?::date, ?::date, '[]')`;
    params.push(...options.period);
  }
  if (options.organisationIds?.length) {
    projectWhere += ' and exists (select 1 from project_participant pp where pp.project_id = p.id and pp.organisation_id in (?))';
    params.push(options.organisationIds.filter(isUuid).length ? options.organisationIds.filter(isUuid) : ['00000000-0000-0000-0000-000000000000']);
  }
  const sql = `
    cells as materialized (select u.code, u.path from admin_unit u where ${cellWhere}),
    proj as materialized (select p.id, ${PERIOD_SQL} as period from project p where ${projectWhere}),
    cov as materialized (
      select c.project_id, c.unit_code, c.share, u.path from project_coverage c
      join proj on proj.id = c.project_id join admin_unit u on u.code = c.unit_code),
    -- (cell, project, direct): direct when the project names the cell or a unit inside it,
    -- inherited when it names a unit containing the cell.
    links as (
      select cl.code as cell, cov.project_id, true as direct, cov.unit_code
      from cov cross join lateral unnest(string_to_array(cov.path, '.')) as a(code) join cells cl on cl.code = a.code
      union all
      select cl.code, cov.project_id, false, cov.unit_code
      from cells cl cross join lateral unnest(string_to_array(cl.path, '.')) as a(code)
      join cov on cov.unit_code = a.code and a.code <> cl.code)`;
  return { sql, params, themes, cellCountSql: `select count(*) from admin_unit u where ${cellWhere}`, cellParams };
}
