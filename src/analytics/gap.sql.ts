import type { PageWindow } from '../common/pagination';
import { type Sql, sql, sqlText } from '../common/sql';
import { type Scope, scopeCtes } from './scope.sql';

export interface GapQuery {
  scope: Scope & { period: [string | null, string | null] };
  includeInherited: boolean;
}

/**
 * Cells where no project on the themes works directly in the period (with `includeInherited`
 * false, none through a containing unit either), in tree order with `count(*) over ()` as the
 * total; for each, the last end of a direct project on the themes before the period.
 */
export function gapsSql(query: GapQuery, page: PageWindow): Sql {
  const { scope } = query;
  const themeCondition = scope.themes ? sql`and ap.themes && array[${scope.themes}]::text[]` : sqlText('');
  return sql`with ${scopeCtes(scope)},
     covered as (
       select l.cell, bool_or(l.direct) as direct, count(distinct l.project_id) filter (where not l.direct) as inherited
       from links l group by l.cell),
     -- Projects on the themes that worked directly in a cell and ended before the period.
     earlier as (
       select l.unit_code as cell, max(upper(ap.period) - 1) as last_end
       from analytics_link l join analytics_project ap on ap.id = l.project_id
       where l.direct and l.unit_code in (select code from cells) and upper(ap.period) <= coalesce(${scope.period[0]}::date, '-infinity'::date) ${themeCondition}
       group by l.unit_code)
     select cl.code, coalesce(cv.inherited, 0)::int as inherited, e.last_end::text as last_end, count(*) over () as total
     from cells cl left join covered cv on cv.cell = cl.code left join earlier e on e.cell = cl.code
     where not coalesce(cv.direct, false) and (not ${query.includeInherited} or coalesce(cv.inherited, 0) = 0)
     order by cl.path limit ${page.limit} offset ${page.offset}`;
}
