import { Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EditableEntity } from '../common/base.entity';
import { Decimal, LocalDate } from '../common/scalars';
import { Project } from '../projects/project.entity';

/** A project budget for a period (IATI budget). Amounts are exact decimals. */
@ObjectType({ description: 'A project budget for a period (IATI budget), in its own currency.' })
@Entity({ tableName: 'budget' })
export class Budget extends EditableEntity {
  @ManyToOne(() => Project, { index: true, deleteRule: 'cascade' })
  project: Project;

  @Field(() => LocalDate, { description: 'First day of the budget period.' })
  @Property({ type: 'date' })
  periodStart: string;

  @Field(() => LocalDate, { description: 'Last day of the budget period.' })
  @Property({ type: 'date' })
  periodEnd: string;

  @Field(() => Decimal, { description: 'Amount, exact.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount: string;

  @Field({ description: 'ISO 4217 currency code.' })
  @Property({ type: 'character', length: 3 })
  currency: string;

  /** True for a revised budget that replaces the original for the period. */
  @Field(() => Boolean, { description: 'True for a revised budget that replaces the original for the period.' })
  @Property({ type: 'boolean', default: false })
  revised: Opt<boolean> = false;
}
