import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupByKeys } from '../common/group-by';
import { Field, ObjectType } from 'type-graphql';
import { Decimal, LocalDate } from '../common/scalars';
import { fundingTotalsSql } from './funding-totals.sql';
import { TransactionType } from './transaction.entity';

@ObjectType({ description: "Sums of a project's transactions in one currency." })
export class CurrencyTotals {
  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field(() => Decimal, { description: 'Sum of COMMITMENT transactions.' })
  committed: string;

  @Field(() => Decimal, { description: 'Sum of DISBURSEMENT transactions.' })
  disbursed: string;

  @Field(() => Decimal, { description: 'Sum of EXPENDITURE transactions.' })
  expended: string;

  @Field(() => Decimal, { description: 'Sum of INCOMING_FUNDS transactions.' })
  incomingFunds: string;
}

@ObjectType({ description: 'A conversion the hub could not make: no rate of `currency` on or before `onOrBefore`.' })
export class MissingRate {
  @Field({ description: 'Currency without a rate.' })
  currency: string;

  @Field(() => LocalDate, { description: 'Earliest value date that needed a rate of this currency and found none on or before it.' })
  onOrBefore: string;
}

@ObjectType({
  description:
    "A project's transactions summed per original currency, and converted into one currency at the rate on or before each value date (rates are kept against USD; other pairs are crossed through USD). Where a rate is missing, the converted sum is null and `missingRates` says which — the hub does not guess.",
})
export class FundingTotals {
  @Field({ description: 'Currency of the converted sums.' })
  currency: string;

  @Field({ description: 'True when every transaction could be converted.' })
  complete: boolean;

  @Field(() => Decimal, { nullable: true, description: 'Converted sum of commitments; null when a rate is missing.' })
  committed: string | null;

  @Field(() => Decimal, { nullable: true, description: 'Converted sum of disbursements; null when a rate is missing.' })
  disbursed: string | null;

  @Field(() => Decimal, { nullable: true, description: 'Converted sum of expenditure; null when a rate is missing.' })
  expended: string | null;

  @Field(() => Decimal, { nullable: true, description: 'Converted sum of incoming funds; null when a rate is missing.' })
  incomingFunds: string | null;

  @Field(() => [MissingRate], { description: 'Rates that would be needed to convert everything.' })
  missingRates: MissingRate[];

  @Field(() => [CurrencyTotals], { description: 'Sums in each original currency, exact.' })
  byCurrency: CurrencyTotals[];
}

const FIELD_OF_TYPE: Record<TransactionType, 'committed' | 'disbursed' | 'expended' | 'incomingFunds'> = {
  COMMITMENT: 'committed',
  DISBURSEMENT: 'disbursed',
  EXPENDITURE: 'expended',
  INCOMING_FUNDS: 'incomingFunds',
};

interface TotalsRow {
  project_id: string;
  type: TransactionType;
  currency: string | null;
  original: string | null;
  converted: string | null;
  unconvertible: string;
  missing_source_from: string | null;
  missing_target_from: string | null;
}

function emptyCurrencyTotals(currency: string): CurrencyTotals {
  return Object.assign(new CurrencyTotals(), { currency, committed: '0.00', disbursed: '0.00', expended: '0.00', incomingFunds: '0.00' });
}

function assemble(currency: string, rows: TotalsRow[]): FundingTotals {
  const totals: FundingTotals = Object.assign(new FundingTotals(), {
    currency,
    complete: true,
    committed: '0.00' as string | null,
    disbursed: '0.00' as string | null,
    expended: '0.00' as string | null,
    incomingFunds: '0.00' as string | null,
    missingRates: [] as MissingRate[],
    byCurrency: [] as CurrencyTotals[],
  });
  const byCurrency = new Map<string, CurrencyTotals>();
  const missing = new Map<string, string>();
  const noteMissing = (code: string, date: string | null) => {
    if (date && (!missing.has(code) || date < missing.get(code)!)) missing.set(code, date);
  };
  for (const row of rows) {
    const field = FIELD_OF_TYPE[row.type];
    if (row.currency === null) {
      // The (project, type) grouping set: the converted sum over all currencies.
      const convertible = Number(row.unconvertible) === 0;
      totals[field] = convertible ? row.converted : null;
      if (!convertible) totals.complete = false;
      continue;
    }
    if (!byCurrency.has(row.currency)) byCurrency.set(row.currency, emptyCurrencyTotals(row.currency));
    byCurrency.get(row.currency)![field] = row.original ?? '0.00';
    noteMissing(row.currency, row.missing_source_from);
    noteMissing(currency, row.missing_target_from);
  }
  totals.byCurrency = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  totals.missingRates = [...missing.entries()].map(([code, onOrBefore]) => Object.assign(new MissingRate(), { currency: code, onOrBefore }));
  return totals;
}

/** Batches `fundingTotals(currency)` of every project in a request: one query per currency asked for. */
export function createFundingTotalsLoader(em: EntityManager) {
  return new DataLoader<{ projectId: string; currency: string }, FundingTotals, string>(
    async (keys) => {
      const currencies = [...new Set(keys.map((key) => key.currency))];
      const results = new Map<string, FundingTotals>();
      for (const currency of currencies) {
        const projectIds = [...new Set(keys.filter((key) => key.currency === currency).map((key) => key.projectId))];
        const totals = fundingTotalsSql(projectIds, currency);
        const rows = await em.getConnection().execute<TotalsRow[]>(totals.sql, totals.params);
        // Grouped once: filtering all rows per project grew with the square of the batch (the 3W asks for 500 at once).
        const byProject = groupByKeys(projectIds, rows, (row) => row.project_id);
        projectIds.forEach((projectId, index) => results.set(`${projectId}|${currency}`, assemble(currency, byProject[index])));
      }
      return keys.map((key) => results.get(`${key.projectId}|${key.currency}`)!);
    },
    { cacheKeyFn: (key) => `${key.projectId}|${key.currency}` },
  );
}
