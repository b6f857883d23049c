import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { v4 } from 'uuid';

/** Every rate is stored against one reporting currency; other pairs are crossed through it. */
export const REPORTING_CURRENCY = 'USD';

/** How many units of the reporting currency (USD) one unit of `currency` was worth on `date`. */
@Entity({ tableName: 'exchange_rate' })
@Unique({ properties: ['currency', 'date'] })
@Index({ properties: ['currency', 'date'] })
export class ExchangeRate {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'date' })
  date: string;

  @Property({ type: 'decimal', precision: 24, scale: 12 })
  rate: string;

  /** Where the rate comes from (e.g. "National Bank of the Kyrgyz Republic"). */
  @Property({ type: 'text', nullable: true })
  source: string | null = null;
}
