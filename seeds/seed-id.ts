import { v5 } from 'uuid';

/**
 * Namespace of the hub's seeded rows. Never change it: every seeded id derives from it, and a
 * new namespace would make the seeds insert every row again next to the old ones.
 */
export const SEED_NAMESPACE = 'dc7222dc-d714-48d1-952d-9b2af7aca707';

/**
 * The id of a seeded row: a uuid v5 of `kind:key` under {@link SEED_NAMESPACE}, so a fresh
 * database gets the same ids on every run and a re-run can tell what is already there.
 * `kind` names the table or entity (e.g. `organisation`), `key` the row's stable seed key.
 */
export function seedId(kind: string, key: string): string {
  if (!kind || !key) throw new Error(`seedId needs a kind and a key (got "${kind}", "${key}")`);
  return v5(`${kind}:${key}`, SEED_NAMESPACE);
}
