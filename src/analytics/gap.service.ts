import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { AdminLevel } from '../geography/admin-unit.entity';
import { periodOf, today } from './analytics-checks';
import type { GapFilter } from './analytics.inputs';
import { Gap } from './analytics.types';
import { scopeCtes } from './coverage-sql';

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
  const themeCondition = scope.themes ? 'and ap.themes && array[?]::text[]' : '';
  const run = (page: PageWindow) => ctx.em.getConnection().execute<{ code: string; inherited: number; last_end: string | null; total: string }[]>(
    `with ${scope.sql},
     covered as (
       select l.cell, bool_or(l.direct) as direct, count(distinct l.project_id) filter (where not l.direct) as inherited
       from links l group by l.cell),
     -- Projects on the themes that worked directly in a cell and ended before the period.
     earlier as (
       select l.unit_code as cell, max(upper(ap.period) - 1) as last_end
       from analytics_link l join analytics_project ap on ap.id = l.project_id
       where l.direct and l.unit_code in (select code from cells) and upper(ap.period) <= coalesce(?::date, '-infinity'::date) ${themeCondition}
       group by l.unit_code)
     select cl.code, coalesce(cv.inherited, 0)::int as inherited, e.last_end::text as last_end, count(*) over () as total
     from cells cl left join covered cv on cv.cell = cl.code left join earlier e on e.cell = cl.code
     where not coalesce(cv.direct, false) and (not ? or coalesce(cv.inherited, 0) = 0)
     order by cl.path limit ? offset ?`,
    [...scope.params, from, ...(scope.themes ? [scope.themes] : []), filter?.includeInherited ?? false, page.limit, page.offset],
  );
  const rows = await run(window);
  const gaps = rows.map((row) =>
    Object.assign(new Gap(), { unitCode: row.code, inheritedProjectCount: Number(row.inherited), lastProjectEnd: row.last_end }),
  );
  return toConnection(gaps, await windowTotal(rows, window, run), window);
}
