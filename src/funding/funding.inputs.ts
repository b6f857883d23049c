import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode, currencyCode, inputRule, NotBefore, PositiveDecimal, shown } from '../common/input-rules';
import { Decimal, LocalDate } from '../common/scalars';
import { REPORTING_CURRENCY } from './exchange-rate.entity';
import { FundingErrorCode } from './funding.errors';
import { TransactionType } from './transaction.entity';

/** True for what `@PositiveDecimal()` accepts; the digit limits below speak only of such values. */
const positive = (value: unknown) => typeof value === 'string' && /^\d*\.?\d*$/.test(value) && /[1-9]/.test(value);

/** An amount of money as the database keeps it: numeric(18, 2). */
const Money = () =>
  inputRule({
    name: 'money',
    reason: 'INVALID_AMOUNT',
    test: (value) => !positive(value) || /^\d{1,16}(\.\d{1,2})?$/.test(String(value)),
    message: (value) => `$path takes at most 16 digits and 2 decimals; got "${shown(value)}".`,
  });

/** An exchange rate as the database keeps it: numeric(24, 12). */
const Rate = () =>
  inputRule({
    name: 'rate',
    reason: 'INVALID_RATE',
    test: (value) => !positive(value) || /^\d{1,12}(\.\d{1,12})?$/.test(String(value)),
    message: (value) => `$path takes at most 12 digits before and 12 after the point; got "${shown(value)}".`,
  });

/** The reporting currency has no rate to set (it is always 1). */
const NotReportingCurrency = () =>
  inputRule({
    name: 'notReportingCurrency',
    reason: FundingErrorCode.REPORTING_CURRENCY_RATE,
    test: (value) => typeof value !== 'string' || currencyCode(value) !== REPORTING_CURRENCY,
    message: () => `${REPORTING_CURRENCY} is the reporting currency; its rate is always 1.`,
  });

@InputType({ description: 'A money movement on a project.' })
export class RecordTransactionInput {
  @Field(() => ID, { description: 'The project.' })
  projectId: string;

  @Field(() => TransactionType, { description: 'Kind of movement.' })
  type: TransactionType;

  @Field(() => Decimal, { description: 'Positive amount, e.g. "125000.00" (at most 2 decimals).' })
  @PositiveDecimal()
  @Money()
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. USD, KGS, EUR.' })
  @CurrencyCode()
  currency: string;

  @Field(() => LocalDate, { description: 'Day the money moved or was committed.' })
  valueDate: string;

  @Field(() => ID, { nullable: true, description: 'Organisation the money comes from.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organisation the money goes to.' })
  receiverId?: string | null;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  @IsOptional()
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
  @NotBefore('periodStart')
  periodEnd: string;

  @Field(() => Decimal, { description: 'Positive amount, at most 2 decimals.' })
  @PositiveDecimal()
  @Money()
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  @CurrencyCode()
  currency: string;

  @Field({ defaultValue: false, description: 'True for a revised budget replacing the original for the period.' })
  revised: boolean;
}

@InputType({ description: 'The value of a currency in US dollars from a day on.' })
export class SetExchangeRateInput {
  @Field({ description: 'ISO 4217 code of the currency, e.g. KGS (not USD, the reporting currency).' })
  @CurrencyCode()
  @NotReportingCurrency()
  currency: string;

  @Field(() => LocalDate, { description: 'Day the rate applies from.' })
  date: string;

  @Field(() => Decimal, { description: 'US dollars per one unit of the currency, positive, e.g. "0.011494252874".' })
  @PositiveDecimal()
  @Rate()
  rate: string;

  @Field(() => String, { nullable: true, description: 'Where the rate comes from, e.g. "National Bank of the Kyrgyz Republic".' })
  @IsOptional()
  @MaxLength(500)
  source?: string | null;
}
