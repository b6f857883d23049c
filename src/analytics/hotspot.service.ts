import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { periodOf, today } from './analytics-checks';
import type { HotspotsArgs } from './analytics.inputs';
import { Hotspot } from './analytics.types';
import { scopeCtes } from './coverage-sql';

/**
 * Units of a level where at least `minOrganisations` organisations work on the same theme in the
 * period (default today), through at least two projects: one statement, most crowded first.
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
  });
  const themeCondition = scope.themes ? 'and pt.theme_code in (?)' : '';
  const run = (page: PageWindow) => ctx.em.getConnection().execute<
    { code: string; theme_code: string; project_ids: string[]; organisation_ids: string[]; total: string }[]
  >(
    `with ${scope.sql},
     cpt as (
       select l.cell, pt.theme_code, l.project_id, p.organisations from links l join proj p on p.id = l.project_id
       cross join lateral unnest(p.themes) as pt(theme_code)
       where (l.direct or ?) ${themeCondition}),
     spots as (
       select c.cell, c.theme_code, array_agg(distinct c.project_id order by c.project_id) as project_ids,
         array_remove(array_agg(distinct o.id order by o.id), null) as organisation_ids
       from cpt c left join lateral unnest(c.organisations) as o(id) on true
       group by c.cell, c.theme_code
       having count(distinct o.id) >= ? and count(distinct c.project_id) >= 2)
     select s.cell as code, s.theme_code, s.project_ids, s.organisation_ids, count(*) over () as total
     from spots s join cells cl on cl.code = s.cell
     order by cardinality(s.organisation_ids) desc, cl.path, s.theme_code
     limit ? offset ?`,
    [...scope.params, filter?.includeInherited ?? false, ...(scope.themes ? [scope.themes] : []), minOrganisations, page.limit, page.offset],
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
    }),
  );
  return toConnection(hotspots, await windowTotal(rows, window, run), window);
}
