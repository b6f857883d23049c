import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { Budget } from './budget.entity';
import { createFundingTotalsLoader } from './funding-totals';
import { FundingTransaction } from './transaction.entity';

export function createFundingLoaders(em: EntityManager) {
  return {
    totals: createFundingTotalsLoader(em),
    budgetsOf: new DataLoader<string, Budget[]>(async (projectIds) => {
      const rows = await em.find(Budget, { project: { $in: [...projectIds] } }, { orderBy: { periodStart: 'asc', id: 'asc' } });
      return groupByKeys(projectIds, rows, (row) => row.project.id);
    }),
    transactionsOf: new DataLoader<string, FundingTransaction[]>(async (projectIds) => {
      const rows = await em.find(FundingTransaction, { project: { $in: [...projectIds] } }, { orderBy: { valueDate: 'asc', id: 'asc' } });
      return groupByKeys(projectIds, rows, (row) => row.project.id);
    }),
  };
}

declare module '../common/context' {
  interface Loaders {
    funding: ReturnType<typeof createFundingLoaders>;
  }
}
