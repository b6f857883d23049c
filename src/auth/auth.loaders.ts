import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from '../common/ids';
import { User } from './user.entity';

export function createAuthLoaders(em: EntityManager) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) => {
      const users = await em.find(User, { id: { $in: ids.filter(isUuid) } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    auth: ReturnType<typeof createAuthLoaders>;
  }
}
