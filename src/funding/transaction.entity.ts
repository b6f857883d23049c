import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Decimal, LocalDate } from '../common/scalars';
import { EditableEntity } from '../common/base.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';

/** IATI TransactionType codelist (the kinds the hub tracks). */
export enum TransactionType {
  INCOMING_FUNDS = 'INCOMING_FUNDS',
  COMMITMENT = 'COMMITMENT',
  DISBURSEMENT = 'DISBURSEMENT',
  EXPENDITURE = 'EXPENDITURE',
}

registerEnumType(TransactionType, {
  name: 'TransactionType',
  description: 'Kind of money movement, after the IATI TransactionType codelist.',
  valuesConfig: {
    INCOMING_FUNDS: { description: 'Funds received by the project (IATI 1).' },
    COMMITMENT: { description: 'A firm written obligation to provide funds (IATI 2).' },
    DISBURSEMENT: { description: 'Money paid out to a receiver (IATI 3).' },
    EXPENDITURE: { description: 'Money spent on goods and services (IATI 4).' },
  },
});

export const IATI_TRANSACTION_TYPE: Record<TransactionType, string> = {
  INCOMING_FUNDS: '1',
  COMMITMENT: '2',
  DISBURSEMENT: '3',
  EXPENDITURE: '4',
};

/** Money committed, disbursed, spent or received on a project. Amounts are exact decimals. */
@ObjectType({ description: 'Money committed, disbursed, spent or received on a project, in its original currency.' })
@Entity({ tableName: 'funding_transaction' })
export class FundingTransaction extends EditableEntity {
  @ManyToOne(() => Project, { index: true, deleteRule: 'cascade' })
  project: Project;

  @Field(() => TransactionType, { description: 'Kind of money movement.' })
  @Enum({ items: () => TransactionType })
  type: TransactionType;

  /** Decimal string, e.g. "125000.00"; never a float. */
  @Field(() => Decimal, { description: 'Amount in `currency`, exact.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount: string;

  /** ISO 4217 code, e.g. USD, KGS. */
  @Field({ description: 'ISO 4217 currency code.' })
  @Property({ type: 'character', length: 3 })
  currency: string;

  @Field(() => LocalDate, { description: 'Day the money moved (or was committed).' })
  @Property({ type: 'date', index: true })
  valueDate: string;

  @ManyToOne(() => Organisation, { nullable: true, index: true })
  provider: Organisation | null = null;

  @ManyToOne(() => Organisation, { nullable: true, index: true })
  receiver: Organisation | null = null;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;
}
