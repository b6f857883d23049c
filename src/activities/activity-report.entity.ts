import { Collection, Embedded, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { v4 } from 'uuid';
import { EditableEntity } from '../common/base.entity';
import { LocalDate } from '../common/scalars';
import { TranslatedText } from '../common/translations.embeddable';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { ProjectLink } from '../projects/project.entity';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';

export enum ActivityType {
  TRAINING = 'TRAINING',
  ROUND_TABLE = 'ROUND_TABLE',
  PUBLIC_CONSULTATION = 'PUBLIC_CONSULTATION',
  SURVEY = 'SURVEY',
  FOCUS_GROUP = 'FOCUS_GROUP',
  INFORMATION_CAMPAIGN = 'INFORMATION_CAMPAIGN',
  MONITORING_VISIT = 'MONITORING_VISIT',
  GRANT = 'GRANT',
  PUBLICATION = 'PUBLICATION',
  OTHER = 'OTHER',
}

registerEnumType(ActivityType, {
  name: 'ActivityType',
  description: 'What kind of activity a report is about.',
  valuesConfig: {
    TRAINING: { description: 'Training or seminar.' },
    ROUND_TABLE: { description: 'Round table or working meeting of stakeholders.' },
    PUBLIC_CONSULTATION: { description: 'Public consultation or hearing.' },
    SURVEY: { description: 'Survey or needs assessment.' },
    FOCUS_GROUP: { description: 'Focus group.' },
    INFORMATION_CAMPAIGN: { description: 'Information or media campaign.' },
    MONITORING_VISIT: { description: 'Monitoring visit.' },
    GRANT: { description: 'Grant awarded.' },
    PUBLICATION: { description: 'Publication, study or video.' },
    OTHER: { description: 'Anything else, e.g. a public event.' },
  },
});

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}

registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'Where a report is in its review: DRAFT → SUBMITTED → ACCEPTED, or RETURNED (with a comment) → resubmitted.',
  valuesConfig: {
    DRAFT: { description: 'Being written by the partner; only its organisation and the secretariat see it.' },
    SUBMITTED: { description: 'Sent to the secretariat for review.' },
    ACCEPTED: { description: 'Accepted by the secretariat; read-only and public.' },
    RETURNED: { description: 'Sent back to the partner with a comment; editable again.' },
  },
});

/** What a partner did: an activity of a project, where, when and with how many people. */
@ObjectType({ description: 'What a partner did: an activity of one of its projects, where, when, with how many people, and its review.' })
@Entity({ tableName: 'activity_report' })
@Unique({ name: 'activity_report_idempotency_key', properties: ['organisation', 'idempotencyKey'] })
@Index({ properties: ['startDate', 'endDate'] })
export class ActivityReport extends EditableEntity {
  @ManyToOne(() => Project, { index: true })
  project: Project;

  /** The participant organisation that reports. */
  @ManyToOne(() => Organisation, { index: true })
  organisation: Organisation;

  @Field(() => ActivityType, { description: 'Kind of activity.' })
  @Enum({ items: () => ActivityType })
  type: ActivityType;

  @Embedded(() => TranslatedText, { prefix: 'title_' })
  title: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  @Field(() => LocalDate, { description: 'First day of the activity.' })
  @Property({ type: 'date' })
  startDate: string;

  @Field(() => LocalDate, { description: 'Last day (the first day for a one-day activity).' })
  @Property({ type: 'date' })
  endDate: string;

  @OneToMany(() => ActivityPlace, (place) => place.report, { orphanRemoval: true })
  places = new Collection<ActivityPlace>(this);

  @ManyToMany(() => Theme, undefined, { pivotTable: 'activity_report_theme', joinColumn: 'report_id', inverseJoinColumn: 'theme_code' })
  themes = new Collection<Theme>(this);

  @Field(() => Int, { nullable: true, description: 'People who took part; null when not counted.' })
  @Property({ type: 'integer', nullable: true })
  participantsTotal: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Of them women; null when not counted.' })
  @Property({ type: 'integer', nullable: true })
  participantsWomen: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Of them men; null when not counted.' })
  @Property({ type: 'integer', nullable: true })
  participantsMen: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Of them young people (as the partner counts youth); null when not counted.' })
  @Property({ type: 'integer', nullable: true })
  participantsYouth: number | null = null;

  @Field(() => [String], { description: 'What came out of it (documents, decisions, follow-ups), one per line.' })
  @Property({ type: 'text[]' })
  outputs: string[] = [];

  @Field(() => [ProjectLink], { description: 'Attachments and pages.' })
  @Property({ type: 'jsonb' })
  links: ProjectLink[] = [];

  @Field(() => ReportStatus, { description: 'Where the report is in its review.' })
  @Enum({ items: () => ReportStatus, index: true })
  status: ReportStatus = ReportStatus.DRAFT;

  @Field(() => String, { nullable: true, description: "The secretariat's comment when it returned or accepted the report." })
  @Property({ type: 'text', nullable: true })
  reviewComment: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  submittedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was last submitted.' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedBy: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted or returned.' })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  /** Client-chosen key of `submitActivityReport`, unique per organisation. */
  @Field(() => String, { nullable: true, description: 'The idempotency key it was submitted with, if any.' })
  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** SHA-256 of the submitted payload, to tell a retry from a different report under a reused key. */
  @Property({ type: 'text', nullable: true })
  payloadHash: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where the facts come from (for reports entered by the secretariat from documents).' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;
}

/** A place of an activity; flagged when it lies outside the project's coverage. */
@ObjectType({ description: 'A place where an activity happened.' })
@Entity({ tableName: 'activity_place' })
@Unique({ properties: ['report', 'unit'] })
export class ActivityPlace {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @ManyToOne(() => ActivityReport, { index: true, deleteRule: 'cascade' })
  report: ActivityReport;

  @ManyToOne(() => AdminUnit, { fieldName: 'unit_code', index: true })
  unit: AdminUnit;

  @Field({ description: "True when the place is outside the project's coverage (allowed, but worth a look)." })
  @Property({ type: 'boolean', default: false })
  outsideCoverage: boolean = false;
}
