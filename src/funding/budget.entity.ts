import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { EditableEntity } from '../common/base.entity';
import { Project } from '../projects/project.entity';

/** A project budget for a period (IATI budget). Amounts are exact decimals. */
@Entity({ tableName: 'budget' })
export class Budget extends EditableEntity {
  @ManyToOne(() => Project, { index: true, deleteRule: 'cascade' })
  project: Project;

  @Property({ type: 'date' })
  periodStart: string;

  @Property({ type: 'date' })
  periodEnd: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** True for a revised budget that replaces the original for the period. */
  @Property({ type: 'boolean', default: false })
  revised: boolean = false;
}
