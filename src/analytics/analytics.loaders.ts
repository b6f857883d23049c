import type { EntityManager } from '@mikro-orm/postgresql';
import { createPeopleReachedLoader } from './people-reached';

export function createAnalyticsLoaders(em: EntityManager) {
  return { peopleReached: createPeopleReachedLoader(em) };
}

declare module '../common/context' {
  interface Loaders {
    analytics: ReturnType<typeof createAnalyticsLoaders>;
  }
}
