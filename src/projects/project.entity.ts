import { Collection, Embedded, Entity, Enum, Index, ManyToMany, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../common/scalars';
import { EditableEntity } from '../common/base.entity';
import { TranslatedText } from '../common/translations.embeddable';
import { Theme } from '../themes/theme.entity';
import { ProjectCoverage } from './project-coverage.entity';
import { ProjectParticipant } from './project-participant.entity';

/** IATI ActivityStatus codelist. */
export enum ProjectStatus {
  PIPELINE = 'PIPELINE',
  IMPLEMENTATION = 'IMPLEMENTATION',
  FINALISATION = 'FINALISATION',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Stage of a project, after the IATI ActivityStatus codelist.',
  valuesConfig: {
    PIPELINE: { description: 'Pipeline/identification (IATI 1).' },
    IMPLEMENTATION: { description: 'Implementation (IATI 2).' },
    FINALISATION: { description: 'Finalisation: physical activity complete, accounts open (IATI 3).' },
    CLOSED: { description: 'Closed (IATI 4).' },
    CANCELLED: { description: 'Cancelled (IATI 5).' },
    SUSPENDED: { description: 'Suspended (IATI 6).' },
  },
});

export const IATI_ACTIVITY_STATUS: Record<ProjectStatus, string> = {
  PIPELINE: '1',
  IMPLEMENTATION: '2',
  FINALISATION: '3',
  CLOSED: '4',
  CANCELLED: '5',
  SUSPENDED: '6',
};

@ObjectType({ description: 'Whom to ask about a project.' })
export class ProjectContact {
  @Field(() => String, { nullable: true, description: 'Person or office.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation of the contact.' })
  organisation?: string | null;

  /** Personal data: exposed by ProjectContactResolver to signed-in callers only. */
  email?: string | null;

  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site.' })
  website?: string | null;
}

@ObjectType({ description: 'A document or page about a project.' })
export class ProjectLink {
  @Field(() => String, { nullable: true, description: 'What the link is.' })
  title?: string | null;

  @Field({ description: 'Address (http or https).' })
  url: string;
}

/** A project or programme of one or more partners: what, where, when, who. */
@ObjectType({ description: 'A project or programme of one or more partners: what, where (coverage), when, who (participants) and with what money.' })
@Entity({ tableName: 'project' })
@Index({
  name: 'project_updated_at_id_idx',
  // The default order of `projects` (latest change first), so a page reads 50 index entries.
  expression: 'create index "project_updated_at_id_idx" on "project" ("updated_at" desc, "id")',
})
export class Project extends EditableEntity {
  @Embedded(() => TranslatedText, { prefix: 'title_' })
  title: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'objectives_' })
  objectives: TranslatedText = new TranslatedText();

  @Field(() => ProjectStatus, { description: 'Stage of the project (IATI ActivityStatus).' })
  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Planned first day.' })
  @Property({ type: 'date', nullable: true })
  plannedStart: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned last day; null when open-ended or not known.' })
  @Property({ type: 'date', nullable: true })
  plannedEnd: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Actual first day, once known.' })
  @Property({ type: 'date', nullable: true })
  actualStart: string | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Actual last day, once known.' })
  @Property({ type: 'date', nullable: true })
  actualEnd: string | null = null;

  @ManyToMany(() => Theme, undefined, { pivotTable: 'project_theme', joinColumn: 'project_id', inverseJoinColumn: 'theme_code' })
  themes = new Collection<Theme>(this);

  /** Who the project is for, in words (e.g. "women", "youth", "LSG staff"). */
  @Field(() => [String], { description: 'Who the project is for, in words (e.g. women, youth, LSG staff).' })
  @Property({ type: 'text[]' })
  targetGroups: string[] = [];

  @OneToMany(() => ProjectCoverage, (coverage) => coverage.project, { orphanRemoval: true })
  coverage = new Collection<ProjectCoverage>(this);

  @OneToMany(() => ProjectParticipant, (participant) => participant.project, { orphanRemoval: true })
  participants = new Collection<ProjectParticipant>(this);

  @Field(() => [ProjectContact], { description: 'Whom to ask.' })
  @Property({ type: 'jsonb' })
  contacts: ProjectContact[] = [];

  @Field(() => [ProjectLink], { description: 'Documents and pages about the project.' })
  @Property({ type: 'jsonb' })
  links: ProjectLink[] = [];

  @Field(() => String, { nullable: true, description: 'IATI activity identifier, when the project is published to IATI.' })
  @Unique()
  @Property({ type: 'text', nullable: true })
  iatiIdentifier: string | null = null;

  /** `last-updated-datetime` of the IATI activity this project was last imported from. */
  @Field(() => Date, {
    nullable: true,
    description:
      'The `last-updated-datetime` of the IATI activity this project was last created or updated from by an IATI import; null for a project never imported (or imported from an activity without one). A file is imported over the project only when it is newer.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  iatiLastUpdated: Date | null = null;

  /** SHA-256 of the imported activity as the import read it: the same activity again changes nothing. */
  @Property({ type: 'text', nullable: true })
  iatiImportDigest: string | null = null;

  /** Where the facts come from, and what the sources leave open. */
  @Field(() => String, { nullable: true, description: 'Where the facts come from, and what the sources leave open.' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  /** Lower-cased titles in all languages, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
