import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { AdminLevel } from '../geography/admin-unit.entity';
import { periodOf } from './analytics-checks';
import type { GapFilter } from './analytics.inputs';
import { today } from './analytics-store';
import { Gap } from './analytics.types';
import { PERIOD_SQL, scopeCtes } from './coverage-sql';

/**
 * Units of a level (optionally flagged, inside a unit) where no project on the themes runs in the
 * period (default today): one statement for the page and its total.
 */
export async function listGaps(ctx: RequestContext, filter: GapFilter | null | undefined, window: PageWindow): Promise<Connection<Gap>> {
  const now = today();
  const [from, to] = periodOf(filter?.activeDuring, 'filter.activeDuring', [now, now]);
  const scope = await scopeCtes(ctx, {
    level: filter?.level ?? AdminLevel.MUNICIPALITY,
    withinCode: filter?.withinCode,
    withinField: 'filter.withinCode',
    themeCodes: filter?.themeCodes,
    themesField: 'filter.themeCodes',
    period: [from, to],
    flags: { borderArea: filter?.borderArea, multiEthnic: filter?.multiEthnic },
  });
  const themeCondition = scope.themes ? 'and exists (select 1 from project_theme pt where pt.project_id = p.id and pt.theme_code in (?))' : '';
  const rows = await ctx.em.getConnection().execute<{ code: string; inherited: number; last_end: string | null; total: string }[]>(
    `with ${scope.sql},
     covered as (
       select l.cell, bool_or(l.direct) as direct, count(distinct l.project_id) filter (where not l.direct) as inherited
       from links l group by l.cell),
     -- Projects on the themes that worked directly in a cell and ended before the period.
     earlier as (
       select cl.code as cell, max(upper(${PERIOD_SQL}) - 1) as last_end
       from project p join project_coverage c on c.project_id = p.id join admin_unit u on u.code = c.unit_code
       cross join lateral unnest(string_to_array(u.path, '.')) as a(code) join cells cl on cl.code = a.code
       where p.status <> 'CANCELLED' and upper(${PERIOD_SQL}) <= coalesce(?::date, '-infinity'::date) ${themeCondition}
       group by cl.code)
     select cl.code, coalesce(cv.inherited, 0)::int as inherited, e.last_end::text as last_end, count(*) over () as total
     from cells cl left join covered cv on cv.cell = cl.code left join earlier e on e.cell = cl.code
     where not coalesce(cv.direct, false) and (not ? or coalesce(cv.inherited, 0) = 0)
     order by cl.path limit ? offset ?`,
    [...scope.params, from, ...(scope.themes ? [scope.themes] : []), filter?.includeInherited ?? false, window.limit, window.offset],
  );
  const gaps = rows.map((row) =>
    Object.assign(new Gap(), { unitCode: row.code, inheritedProjectCount: Number(row.inherited), lastProjectEnd: row.last_end }),
  );
  return toConnection(gaps, rows.length ? Number(rows[0].total) : 0, window);
}
