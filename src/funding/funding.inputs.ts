import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Decimal, LocalDate } from '../common/scalars';
import { TransactionType } from './transaction.entity';

@InputType({ description: 'A money movement on a project.' })
export class RecordTransactionInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => TransactionType, { description: 'Kind of movement.' })
  type: TransactionType;

  @Field(() => Decimal, { description: 'Positive amount, e.g. "125000.00" (at most 2 decimals).' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. USD, KGS, EUR.' })
  currency: string;

  @Field(() => LocalDate, { description: 'Day the money moved or was committed.' })
  valueDate: string;

  @Field(() => ID, { nullable: true, description: 'Organisation the money comes from.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organisation the money goes to.' })
  receiverId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  @MaxLength(2000)
  description?: string | null;
}

@InputType({ description: 'A budget of a project for a period.' })
export class AddBudgetInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  periodStart: string;

  @Field(() => LocalDate, { description: 'Last day of the period (IATI: at most a year after the first).' })
  periodEnd: string;

  @Field(() => Decimal, { description: 'Positive amount, at most 2 decimals.' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field({ defaultValue: false, description: 'True for a revised budget replacing the original for the period.' })
  revised: boolean;
}

@InputType({ description: 'The value of a currency in US dollars from a day on.' })
export class SetExchangeRateInput {
  @Field({ description: 'ISO 4217 code of the currency, e.g. KGS (not USD, the reporting currency).' })
  currency: string;

  @Field(() => LocalDate, { description: 'Day the rate applies from.' })
  date: string;

  @Field(() => Decimal, { description: 'US dollars per one unit of the currency, positive, e.g. "0.011494252874".' })
  rate: string;

  @Field(() => String, { nullable: true, description: 'Where the rate comes from, e.g. "National Bank of the Kyrgyz Republic".' })
  @MaxLength(500)
  source?: string | null;
}
