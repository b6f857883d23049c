import { Collection, Embedded, Entity, Enum, ManyToMany, OneToMany, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
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

export interface ProjectContact {
  name?: string | null;
  organisation?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

export interface ProjectLink {
  title?: string | null;
  url: string;
}

/** A project or programme of one or more partners: what, where, when, who. */
@Entity({ tableName: 'project' })
export class Project extends EditableEntity {
  @Embedded(() => TranslatedText, { prefix: 'title_' })
  title: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'objectives_' })
  objectives: TranslatedText = new TranslatedText();

  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus;

  @Property({ type: 'date', nullable: true })
  plannedStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  plannedEnd: string | null = null;

  @Property({ type: 'date', nullable: true })
  actualStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  actualEnd: string | null = null;

  @ManyToMany(() => Theme, undefined, { pivotTable: 'project_theme', joinColumn: 'project_id', inverseJoinColumn: 'theme_code' })
  themes = new Collection<Theme>(this);

  /** Who the project is for, in words (e.g. "women", "youth", "LSG staff"). */
  @Property({ type: 'text[]' })
  targetGroups: string[] = [];

  @OneToMany(() => ProjectCoverage, (coverage) => coverage.project)
  coverage = new Collection<ProjectCoverage>(this);

  @OneToMany(() => ProjectParticipant, (participant) => participant.project)
  participants = new Collection<ProjectParticipant>(this);

  @Property({ type: 'jsonb' })
  contacts: ProjectContact[] = [];

  @Property({ type: 'jsonb' })
  links: ProjectLink[] = [];

  @Unique()
  @Property({ type: 'text', nullable: true })
  iatiIdentifier: string | null = null;

  /** Where the facts come from, and what the sources leave open. */
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  /** Lower-cased titles in all languages, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
