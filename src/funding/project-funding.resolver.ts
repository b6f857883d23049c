import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { Project } from '../projects/project.entity';
import type { ProjectRecord } from '../projects/project.loaders';
import { Budget } from './budget.entity';
import { FundingTotals } from './funding-totals';
import { budgetsOf, fundingTotalsOf, transactionsOf } from './funding.service';
import { FundingTransaction } from './transaction.entity';

/** A project's money: funding/ adds these fields to Project, so projects/ need not know funding. */
@Resolver(() => Project)
export class ProjectFundingResolver {
  @FieldResolver(() => [Budget], { description: 'Budgets by period, earliest first.' })
  budgets(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext) {
    return budgetsOf(ctx, project.id);
  }

  @FieldResolver(() => [FundingTransaction], { description: 'Money movements, oldest first.' })
  transactions(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext) {
    return transactionsOf(ctx, project.id);
  }

  @FieldResolver(() => FundingTotals, { description: 'Transaction sums per original currency and converted into one currency.' })
  fundingTotals(
    @Root() project: ProjectRecord,
    @Ctx() ctx: RequestContext,
    @Arg('currency', { defaultValue: 'USD', description: 'ISO 4217 currency to convert into (default USD).' }) currency: string,
  ) {
    return fundingTotalsOf(ctx, project.id, currency);
  }
}
