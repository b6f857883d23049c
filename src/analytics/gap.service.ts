import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { AdminLevel } from '../geography/admin-unit.entity';
import { checkScope, periodOf, today } from './analytics-checks';
import type { GapFilter } from './analytics.inputs';
import { Gap } from './analytics.types';
import { type GapQuery, gapsSql } from './gap.sql';

/**
 * Units of a level (optionally flagged, inside a unit) where no project on the themes runs in the
 * period (default today): one statement for the page and its total.
 */
export async function listGaps(ctx: RequestContext, filter: GapFilter | null | undefined, window: PageWindow): Promise<Connection<Gap>> {
  const now = today();
  const [from, to] = periodOf(filter?.activeDuring, [now, now]);
  const scope = await checkScope(ctx, {
    level: filter?.level ?? AdminLevel.MUNICIPALITY,
    withinCode: filter?.withinCode,
    themeCodes: filter?.themeCodes,
    period: [from, to],
    flags: { borderArea: filter?.borderArea, multiEthnic: filter?.multiEthnic },
  });
  const query: GapQuery = { scope: { ...scope, period: [from, to] }, includeInherited: filter?.includeInherited ?? false };
  const run = (page: PageWindow) => {
    const statement = gapsSql(query, page);
    return ctx.em.getConnection().execute<{ code: string; inherited: number; last_end: string | null; total: string }[]>(statement.sql, statement.params);
  };
  const rows = await run(window);
  const gaps = rows.map((row) => Object.assign(new Gap(), { unitCode: row.code, inheritedProjectCount: Number(row.inherited), lastProjectEnd: row.last_end }));
  return toConnection(gaps, await windowTotal(rows, window, run), window);
}
