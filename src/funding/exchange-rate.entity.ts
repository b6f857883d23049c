import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { v4 } from 'uuid';
import { Decimal, LocalDate } from '../common/scalars';

/** Every rate is stored against one reporting currency; other pairs are crossed through it. */
export const REPORTING_CURRENCY = 'USD';

/** How many units of the reporting currency (USD) one unit of `currency` was worth on `date`. */
@ObjectType({ description: 'How many US dollars (the reporting currency) one unit of a currency was worth from a day on.' })
@Entity({ tableName: 'exchange_rate' })
@Unique({ properties: ['currency', 'date'] })
@Index({ properties: ['currency', 'date'] })
export class ExchangeRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Field({ description: 'ISO 4217 code of the currency valued.' })
  @Property({ type: 'character', length: 3 })
  currency: string;

  @Field(() => LocalDate, { description: 'Day the rate applies from (until the next rate of the currency).' })
  @Property({ type: 'date' })
  date: string;

  @Field(() => Decimal, { description: 'Units of `baseCurrency` per one unit of `currency`, e.g. "0.011494252874" for KGS.' })
  @Property({ type: 'decimal', precision: 24, scale: 12 })
  rate: string;

  /** Where the rate comes from (e.g. "National Bank of the Kyrgyz Republic"). */
  @Field(() => String, { nullable: true, description: 'Where the rate comes from.' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;
}
