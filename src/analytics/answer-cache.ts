import type { RequestContext } from '../common/context';
import { perDatabase } from '../common/per-database';
import { preparedRows } from '../common/prepared-statement';
import { sqlText } from '../common/sql';

/**
 * How many answers one replica keeps per database; the least recently used goes first. (A page
 * is at most 500 cells: about 15 MB at most.)
 */
const KEPT_ANSWERS = 100;

interface KeptAnswer {
  version: string;
  value: unknown;
}

const answers = perDatabase<KeptAnswer>(KEPT_ANSWERS);
const VERSION = sqlText('select version from analytics_version');

/**
 * An answer computed from the analytics tables, kept in this replica while those tables have not
 * changed. `analytics_version` counts the maintenance's writes (the analytics_version migration),
 * so one small statement tells whether a kept answer still holds, whichever replica wrote. The
 * public map asks the same few questions of the whole country over and over; recomputing the
 * coverage of the projects active today costs 150–250 ms of the database's time each time.
 * `key` must name everything the answer depends on (the statement and its values).
 */
export async function keptOrComputed<T>(ctx: RequestContext, key: string, compute: () => Promise<T>): Promise<T> {
  const [{ version }] = await preparedRows<{ version: string }>(ctx.em, VERSION);
  const found = answers.get(ctx.em, key);
  if (found?.version === version) return found.value as T;
  const value = await compute();
  answers.set(ctx.em, key, { version, value });
  return value;
}
