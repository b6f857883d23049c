import type { RequestContext } from '../common/context';

/**
 * How many answers one replica keeps per database; the least recently used goes first. (A page
 * is at most 500 cells: about 15 MB at most.)
 */
const KEPT_ANSWERS = 100;

interface KeptAnswer {
  version: string;
  value: unknown;
}

/**
 * Answers kept per database (the ORM's driver: a test process may serve several databases, each
 * with its own count), in order of last use.
 */
const keptByDatabase = new WeakMap<object, Map<string, KeptAnswer>>();

/**
 * An answer computed from the analytics tables, kept in this replica while those tables have not
 * changed. `analytics_version` counts the maintenance's writes (the analytics_version migration),
 * so one small statement tells whether a kept answer still holds, whichever replica wrote. The
 * public map asks the same few questions of the whole country over and over; recomputing the
 * coverage of the projects active today costs 150–250 ms of the database's time each time.
 * `key` must name everything the answer depends on (the statement and its values).
 */
export async function keptOrComputed<T>(ctx: RequestContext, key: string, compute: () => Promise<T>): Promise<T> {
  const driver = ctx.em.getDriver();
  let kept = keptByDatabase.get(driver);
  if (!kept) keptByDatabase.set(driver, (kept = new Map()));
  const [{ version }] = await ctx.em.getConnection().execute<{ version: string }[]>('select version from analytics_version');
  const found = kept.get(key);
  kept.delete(key);
  if (found?.version === version) {
    kept.set(key, found);
    return found.value as T;
  }
  const value = await compute();
  kept.set(key, { version, value });
  if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
  return value;
}
