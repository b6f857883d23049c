import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CoordinationBody } from './coordination-body.entity';
import { SEAT_ROLES } from './membership.entity';
import { isUuid } from '../common/ids';

export function createCouncilLoaders(em: EntityManager) {
  return {
    bodyById: new DataLoader<string, CoordinationBody | null>(async (ids) => {
      const bodies = await em.find(CoordinationBody, { id: { $in: ids.filter(isUuid) } });
      const byId = new Map(bodies.map((body) => [body.id, body]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** Active memberships holding a seat, per body. */
    seatedMemberCount: new DataLoader<string, number>(async (bodyIds) => {
      const rows = await em.getConnection().execute<{ body_id: string; seated: string }[]>(
        `select body_id, count(*) as seated from membership
          where body_id in (?) and end_date is null and role in (?) group by body_id`,
        [[...bodyIds], SEAT_ROLES],
      );
      const byBody = new Map(rows.map((row) => [row.body_id, Number(row.seated)]));
      return bodyIds.map((id) => byBody.get(id) ?? 0);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    council: ReturnType<typeof createCouncilLoaders>;
  }
}
