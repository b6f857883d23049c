import type { PageWindow } from '../common/pagination';
import { type Sql, sql, sqlText } from '../common/sql';
import { type Scope, scopeCtes } from './scope.sql';

export interface HotspotQuery {
  /** With a period: the days looked at (either end open). */
  scope: Scope & { period: [string | null, string | null] };
  minOrganisations: number;
  includeInherited: boolean;
}

/**
 * Cells (unit × theme) where at least `minOrganisations` organisations work at the same time
 * through at least two projects, most crowded first, with `count(*) over ()` as the total.
 * Within each candidate cell the period is cut where a project starts or ends, the organisations
 * active in each piece are counted, and the peak's first and last day and who was there are
 * returned. Open ends are the infinite dates, so every count is taken at a real day boundary.
 */
export function hotspotsSql(query: HotspotQuery, page: PageWindow): Sql {
  const { scope, minOrganisations } = query;
  const [from, to] = scope.period;
  const themeCondition = scope.themes ? sql`and pt.theme_code in (${scope.themes})` : sqlText('');
  return sql`with ${scopeCtes(scope, { withPeriod: true })},
     win as (select daterange(coalesce(${from}::date, '-infinity'), coalesce(${to}::date, 'infinity'), '[]') as period),
     cpt as materialized (
       select l.cell, pt.theme_code, l.project_id, p.organisations, p.period * win.period as active
       from links l join proj p on p.id = l.project_id cross join win
       cross join lateral unnest(p.themes) as pt(theme_code)
       where (l.direct or ${query.includeInherited}) ${themeCondition}),
     -- Cells where enough organisations work at all in the period: the cheap test first.
     candidates as (
       select c.cell, c.theme_code from cpt c cross join lateral unnest(c.organisations) as o(id)
       group by c.cell, c.theme_code having count(distinct o.id) >= ${minOrganisations} and count(distinct c.project_id) >= 2),
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
       group by cell, theme_code having max(cardinality(organisation_ids)) >= ${minOrganisations}),
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
     limit ${page.limit} offset ${page.offset}`;
}
