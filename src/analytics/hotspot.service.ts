import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { checkScope, periodOf, today } from './analytics-checks';
import type { HotspotsArgs } from './analytics.inputs';
import { Hotspot } from './analytics.types';
import { type HotspotQuery, hotspotsSql } from './hotspot.sql';

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
 * statement (hotspot.sql.ts), most crowded first. "Work" counts the working organisations
 * (analytics_project: implementers, else accountable and extending organisations), not the funders.
 */
export async function listHotspots(ctx: RequestContext, args: HotspotsArgs, window: PageWindow): Promise<Connection<Hotspot>> {
  const filter = args.filter;
  const minOrganisations = filter?.minOrganisations ?? 3;
  const now = today();
  const scope = await checkScope(ctx, {
    level: args.level,
    withinCode: filter?.withinCode,
    themeCodes: filter?.themeCodes,
    period: periodOf(filter?.activeDuring, [now, now]),
  });
  const query: HotspotQuery = { scope: { ...scope, period: scope.period! }, minOrganisations, includeInherited: filter?.includeInherited ?? false };
  const run = (page: PageWindow) => {
    const statement = hotspotsSql(query, page);
    return ctx.em.getConnection().execute<HotspotRow[]>(statement.sql, statement.params);
  };
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
