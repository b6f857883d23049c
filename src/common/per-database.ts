import type { EntityManager } from '@mikro-orm/postgresql';

/** A bounded memory of values per database, in order of last use. */
export interface PerDatabase<V> {
  get(em: EntityManager, key: string): V | undefined;
  /** Stores `value`; past the limit, the entry least recently used is dropped. */
  set(em: EntityManager, key: string, value: V): void;
  delete(em: EntityManager, key: string): void;
}

/**
 * Values a server keeps between requests, per database: keyed by the ORM's configuration, which
 * every forked EntityManager of one ORM shares, so two servers in one process (replicas in a
 * test) keep theirs apart. At most `limit` entries per database.
 */
export function perDatabase<V>(limit: number): PerDatabase<V> {
  const memories = new WeakMap<object, Map<string, V>>();
  const memoryOf = (em: EntityManager) => {
    let memory = memories.get(em.config);
    if (!memory) memories.set(em.config, (memory = new Map()));
    return memory;
  };
  return {
    get(em, key) {
      const memory = memoryOf(em);
      const value = memory.get(key);
      if (value !== undefined) {
        memory.delete(key);
        memory.set(key, value);
      }
      return value;
    },
    set(em, key, value) {
      const memory = memoryOf(em);
      memory.delete(key);
      memory.set(key, value);
      if (memory.size > limit) memory.delete(memory.keys().next().value!);
    },
    delete(em, key) {
      memoryOf(em).delete(key);
    },
  };
}
