import type { EntityManager } from '@mikro-orm/postgresql';
import { perDatabase } from './per-database';

/**
 * How long a server remembers that a reference code (a theme's, a unit's) exists and what it
 * names. Themes and units are never deleted and their codes and paths do not change while the
 * hub runs (the unit tree changes only by migration), so this only bounds how long a database
 * restored or migrated under a running server could be answered from before.
 */
export const REFERENCE_TTL_MS = 60_000;
const MAX_REMEMBERED = 20_000;

/**
 * Reference codes found to exist, with what a check of them gives (a theme code, a unit's path),
 * per database. Only codes that exist are remembered: one created a moment ago (a new theme) is
 * found at once, and an unknown one is reported as before, from the statement that did not find it.
 */
const memory = perDatabase<{ value: unknown; until: number }>(MAX_REMEMBERED);

/** What `remember` stored under `key` within REFERENCE_TTL_MS, if anything. */
export function remembered<T>(em: EntityManager, key: string): T | undefined {
  const entry = memory.get(em, key);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.value as T;
  memory.delete(em, key);
  return undefined;
}

export function remember(em: EntityManager, key: string, value: unknown): void {
  memory.set(em, key, { value, until: Date.now() + REFERENCE_TTL_MS });
}
