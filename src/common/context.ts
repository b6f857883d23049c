import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createGeographyLoaders } from '../geography/geography.loaders';
import type { Language } from './localized-text';

/** Every feature's per-request DataLoaders. */
export function createLoaders(em: EntityManager) {
  return {
    geography: createGeographyLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What one GraphQL request carries: its own EntityManager, loaders, language and log. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  /** From `Accept-Language`; a field's `lang` argument overrides it. */
  language: Language;
  log: Logger;
}
