import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { periodOf } from './analytics-checks';
import type { HotspotsArgs } from './analytics.inputs';
import { today } from './analytics-store';
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
  const rows = await ctx.em.getConnection().execute<
    { code: string; theme_code: string; project_ids: string[]; organisation_ids: string[]; total: string }[]
  >(
    `with ${scope.sql},
     cpt as (
       select distinct l.cell, pt.theme_code, l.project_id from links l
       join project_theme pt on pt.project_id = l.project_id ${themeCondition}
       where l.direct or ?),
     spots as (
       select c.cell, c.theme_code, array_agg(distinct c.project_id order by c.project_id) as project_ids,
         array_remove(array_agg(distinct pp.organisation_id order by pp.organisation_id), null) as organisation_ids
       from cpt c left join project_participant pp on pp.project_id = c.project_id
       group by c.cell, c.theme_code
       having count(distinct pp.organisation_id) >= ? and count(distinct c.project_id) >= 2)
     select s.cell as code, s.theme_code, s.project_ids, s.organisation_ids, count(*) over () as total
     from spots s join cells cl on cl.code = s.cell
     order by cardinality(s.organisation_ids) desc, cl.path, s.theme_code
     limit ? offset ?`,
    [...scope.params, ...(scope.themes ? [scope.themes] : []), filter?.includeInherited ?? false, minOrganisations, window.limit, window.offset],
  );
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
  return toConnection(hotspots, rows.length ? Number(rows[0].total) : 0, window);
}
