import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { periodOf, today } from './analytics-checks';
import type { HotspotsArgs } from './analytics.inputs';
import { Hotspot } from './analytics.types';
import { scopeCtes } from './coverage-sql';

interface HotspotRow {
  code: string;
  theme_code: string;
  project_ids: string[];
  organisation_ids: string[];
  peak_from: string | null;
  peak_to: string | null;
  total: string;
}

/**
 * Units of a level and themes where, at some moment of the period (default today), at least
 * `minOrganisations` organisations work at the same time through at least two projects: one
 * statement, most crowded first. "Work" counts the working organisations (analytics_project:
 * implementers, else accountable and extending organisations), not the funders. Within each
 * candidate cell the period is cut where a project starts or ends, the organisations active in
 * each piece are counted, and the peak's first and last day and who was there are returned.
 */
export async function listHotspots(ctx: RequestContext, args: HotspotsArgs, window: PageWindow): Promise<Connection<Hotspot>> {
  const filter = args.filter;
  const minOrganisations = filter?.minOrganisations ?? 3;
  if (!Number.isInteger(minOrganisations) || minOrganisations < 2 || minOrganisations > 100) {
    throw badInput(AnalyticsErrorCode.MIN_ORGANISATIONS_OUT_OF_RANGE, `\`minOrganisations\` is from 2 to 100; got ${minOrganisations}.`, 'filter.minOrganisations');
  }
  const now = today();
  const scope = await scopeCtes(ctx, {
    level: args.level,
    withinCode: filter?.withinCode,
    withinField: 'filter.withinCode',
    themeCodes: filter?.themeCodes,
    themesField: 'filter.themeCodes',
    period: periodOf(filter?.activeDuring, 'filter.activeDuring', [now, now]),
    withPeriod: true,
  });
  const [from, to] = periodOf(filter?.activeDuring, 'filter.activeDuring', [now, now]);
  const themeCondition = scope.themes ? 'and pt.theme_code in (?)' : '';
  // Open ends are the infinite dates, so that every count is taken at a real day boundary.
  const run = (page: PageWindow) => ctx.em.getConnection().execute<HotspotRow[]>(
    `with ${scope.sql},
     win as (select daterange(coalesce(?::date, '-infinity'), coalesce(?::date, 'infinity'), '[]') as period),
     cpt as materialized (
       select l.cell, pt.theme_code, l.project_id, p.organisations, p.period * win.period as active
       from links l join proj p on p.id = l.project_id cross join win
       cross join lateral unnest(p.themes) as pt(theme_code)
       where (l.direct or ?) ${themeCondition}),
     -- Cells where enough organisations work at all in the period: the cheap test first.
     candidates as (
       select c.cell, c.theme_code from cpt c cross join lateral unnest(c.organisations) as o(id)
       group by c.cell, c.theme_code having count(distinct o.id) >= ? and count(distinct c.project_id) >= 2),
     -- The count changes only where a project starts or ends: the days between are segments.
     bounds as (
       select distinct c.cell, c.theme_code, b.day
       from cpt c join candidates k on k.cell = c.cell and k.theme_code = c.theme_code
       cross join lateral (values (coalesce(lower(c.active), '-infinity')), (coalesce(upper(c.active), 'infinity'))) as b(day)),
     segments as (
       select b.cell, b.theme_code, b.day as start, lead(b.day) over (partition by b.cell, b.theme_code order by b.day) as stop from bounds b),
     counted as (
       select s.cell, s.theme_code, s.start, s.stop,
         array_agg(distinct o.id order by o.id) as organisation_ids, array_agg(distinct c.project_id order by c.project_id) as project_ids
       from segments s join cpt c on c.cell = s.cell and c.theme_code = s.theme_code and c.active @> s.start
       cross join lateral unnest(c.organisations) as o(id)
       where s.stop is not null
       group by s.cell, s.theme_code, s.start, s.stop
       having count(distinct c.project_id) >= 2),
     peaks as (
       select cell, theme_code, max(cardinality(organisation_ids)) as peak from counted
       group by cell, theme_code having max(cardinality(organisation_ids)) >= ?),
     at_peak as (
       select c.*, p.peak from counted c join peaks p on p.cell = c.cell and p.theme_code = c.theme_code
       where cardinality(c.organisation_ids) = p.peak),
     spans as (select cell, theme_code, min(start) as first_day, max(stop) as after_last from at_peak group by cell, theme_code),
     -- Who was there: the organisations and projects of the first day of the peak.
     spots as (
       select distinct on (a.cell, a.theme_code) a.cell, a.theme_code, a.peak, a.organisation_ids, a.project_ids, s.first_day, s.after_last
       from at_peak a join spans s on s.cell = a.cell and s.theme_code = a.theme_code
       order by a.cell, a.theme_code, a.start)
     select s.cell as code, s.theme_code, s.project_ids, s.organisation_ids,
       case when s.first_day = '-infinity' then null else s.first_day::text end as peak_from,
       case when s.after_last = 'infinity' then null else (s.after_last - 1)::text end as peak_to,
       count(*) over () as total
     from spots s join cells cl on cl.code = s.cell
     order by s.peak desc, cl.path, s.theme_code
     limit ? offset ?`,
    [...scope.params, from, to, filter?.includeInherited ?? false, ...(scope.themes ? [scope.themes] : []), minOrganisations, minOrganisations, page.limit, page.offset],
  );
  const rows = await run(window);
  const hotspots = rows.map((row) =>
    Object.assign(new Hotspot(), {
      unitCode: row.code,
      themeCode: row.theme_code,
      organisationIds: row.organisation_ids,
      projectIds: row.project_ids,
      organisationCount: row.organisation_ids.length,
      projectCount: row.project_ids.length,
      peakFrom: row.peak_from,
      peakTo: row.peak_to,
    }),
  );
  return toConnection(hotspots, await windowTotal(rows, window, run), window);
}
