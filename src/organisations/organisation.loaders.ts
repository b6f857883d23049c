import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Organisation } from './organisation.entity';
import { isUuid } from '../common/ids';

export function createOrganisationLoaders(em: EntityManager) {
  return {
    organisationById: new DataLoader<string, Organisation | null>(async (ids) => {
      const organisations = await em.find(Organisation, { id: { $in: ids.filter(isUuid) } });
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    organisations: ReturnType<typeof createOrganisationLoaders>;
  }
}
