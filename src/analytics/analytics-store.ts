import type { RequestContext } from '../common/context';

/**
 * The analytics views (analytics_project, analytics_overlap) are materialised in PostgreSQL and
 * refreshed on read: triggers on the project tables move a change counter, and this brings the
 * views up to it (one statement when nothing changed). `withOverlaps` also refreshes the national
 * pair view, which costs far more at scale; lists of one project never need it.
 */
export async function ensureFresh(ctx: RequestContext, withOverlaps: boolean): Promise<void> {
  await ctx.em.getConnection().execute('select analytics_ensure_fresh(?)', [withOverlaps]);
}

/** Today in UTC, the default period of hotspots and gaps. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
