import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { Project } from '../projects/project.entity';
import { projectById } from '../projects/project.service';
import { ExchangeRate, REPORTING_CURRENCY } from './exchange-rate.entity';
import { Budget } from './budget.entity';
import { AddBudgetInput, RecordTransactionInput, SetExchangeRateInput } from './funding.inputs';
import * as funding from './funding.service';
import { FundingTransaction } from './transaction.entity';

@Resolver(() => FundingTransaction)
export class FundingTransactionResolver {
  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => FundingTransaction, {
    description:
      'Records money committed, disbursed, spent or received on a project. ADMIN, and a PARTNER_EDITOR whose organisation runs the project (ACCOUNTABLE, EXTENDING or IMPLEMENTING), record any transaction on it; a PARTNER_EDITOR of another participant (a funder) only transactions in which its organisation is the provider or the receiver and the other side, if named, takes part in the project too.',
  })
  recordTransaction(@Arg('input', { description: 'The transaction.' }) input: RecordTransactionInput, @Ctx() ctx: RequestContext) {
    return funding.recordTransaction(ctx, input);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => Budget, { description: 'Adds a budget for a period to a project (as for updateProject: ADMIN, or a partner running the project).' })
  addBudget(@Arg('input', { description: 'The budget.' }) input: AddBudgetInput, @Ctx() ctx: RequestContext) {
    return funding.addBudget(ctx, input);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project.' })
  project(@Root() transaction: FundingTransaction, @Ctx() ctx: RequestContext) {
    return projectById(ctx, transaction.project.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Where the money comes from, if recorded.' })
  provider(@Root() transaction: FundingTransaction, @Ctx() ctx: RequestContext) {
    return transaction.provider ? organisationById(ctx, transaction.provider.id) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Where the money goes, if recorded.' })
  receiver(@Root() transaction: FundingTransaction, @Ctx() ctx: RequestContext) {
    return transaction.receiver ? organisationById(ctx, transaction.receiver.id) : null;
  }
}

@Resolver(() => ExchangeRate)
export class ExchangeRateResolver {
  @Public()
  @Query(() => [ExchangeRate], { description: 'Exchange rates to USD, newest first per currency (at most 1000).' })
  exchangeRates(@Ctx() ctx: RequestContext, @Arg('currency', () => String, { nullable: true, description: 'Only this currency.' }) currency?: string | null) {
    return funding.listExchangeRates(ctx, currency);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => ExchangeRate, { description: '(ADMIN, SECRETARIAT) Sets the USD value of a currency from a day on (replacing a rate of the same day).' })
  setExchangeRate(@Arg('input', { description: 'The rate.' }) input: SetExchangeRateInput, @Ctx() ctx: RequestContext) {
    return funding.setExchangeRate(ctx, input);
  }

  @FieldResolver(() => String, { description: 'The currency rates are expressed in: always USD.' })
  baseCurrency(): string {
    return REPORTING_CURRENCY;
  }
}
