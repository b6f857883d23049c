import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { v4 } from 'uuid';
import { Decimal } from '../common/scalars';
import { AdminUnit } from '../geography/admin-unit.entity';
import type { Project } from './project.entity';

/** One administrative unit a project works in, at any level, with an optional share. */
@ObjectType({ description: 'An administrative unit a project works in (the whole unit, at any level), with an optional share.' })
@Entity({ tableName: 'project_coverage' })
@Unique({ properties: ['project', 'unit'] })
export class ProjectCoverage {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @ManyToOne('Project', { index: true, deleteRule: 'cascade' })
  project: Project;

  @ManyToOne(() => AdminUnit, { fieldName: 'unit_code', index: true })
  unit: AdminUnit;

  /** Share of the project in this unit, in percent (0–100); null when not given. */
  @Field(() => Decimal, { nullable: true, description: 'Share of the project in this unit, in percent (0–100); null when not given.' })
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  share: string | null = null;
}
