import { Collection, Embedded, Entity, Enum, ManyToMany, ManyToOne, OneToMany, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { v4 } from 'uuid';
import { EditableEntity } from '../common/base.entity';
import { LocalDate } from '../common/scalars';
import { TranslatedText } from '../common/translations.embeddable';
import { CoordinationBody } from '../council/coordination-body.entity';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  HYBRID = 'HYBRID',
  VISITING_SESSION = 'VISITING_SESSION',
}

registerEnumType(MeetingFormat, {
  name: 'MeetingFormat',
  description: 'How a meeting is held.',
  valuesConfig: {
    IN_PERSON: { description: 'In one room.' },
    ONLINE: { description: 'Online only.' },
    HYBRID: { description: 'In a room and online.' },
    VISITING_SESSION: { description: 'A visiting (field) session away from the capital.' },
  },
});

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Whether a meeting is ahead, took place, or was called off.',
  valuesConfig: {
    PLANNED: { description: 'Planned.' },
    HELD: { description: 'Took place (closed by the secretariat).' },
    CANCELLED: { description: 'Called off.' },
  },
});

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}

registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Whether a member organisation attended a meeting.',
  valuesConfig: {
    PRESENT: { description: 'Attended.' },
    EXCUSED: { description: 'Absent with notice.' },
    ABSENT: { description: 'Absent without notice.' },
  },
});

export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ActionItemStatus, {
  name: 'ActionItemStatus',
  description: 'Where an action item stands.',
  valuesConfig: {
    OPEN: { description: 'To be done (overdue once past its due date).' },
    DONE: { description: 'Done.' },
    CANCELLED: { description: 'Dropped.' },
  },
});

/** A meeting of a coordination body. Times are stored in UTC and shown in Asia/Bishkek. */
@ObjectType({ description: 'A meeting of a coordination body: when, where, agenda, attendance, decisions and action items.' })
@Entity({ tableName: 'meeting' })
@Unique({ properties: ['body', 'number'] })
export class Meeting extends EditableEntity {
  @ManyToOne(() => CoordinationBody, { index: true })
  body: CoordinationBody;

  @Field(() => Int, { description: 'Number of the meeting within its body (1, 2, …).' })
  @Property({ type: 'integer' })
  number: number;

  @Embedded(() => TranslatedText, { prefix: 'title_' })
  title: TranslatedText = new TranslatedText();

  @Field({ description: 'Start (UTC).' })
  @Property({ type: 'timestamptz', index: true })
  startsAt: Date;

  @Field({ description: 'End (UTC).' })
  @Property({ type: 'timestamptz' })
  endsAt: Date;

  /** Only the day is known (meetings recorded from documents): times are not shown or invented. */
  @Field(() => Boolean, { description: 'True when only the day is known (or the meeting takes the whole day); `startsAt` is then the start of that day in Bishkek.' })
  @Property({ type: 'boolean', default: false })
  allDay: Opt<boolean> = false;

  @Field(() => MeetingFormat, { description: 'How it is held.' })
  @Enum({ items: () => MeetingFormat })
  format: MeetingFormat;

  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled.' })
  @Enum({ items: () => MeetingStatus })
  status: Opt<MeetingStatus> = MeetingStatus.PLANNED;

  @ManyToOne(() => AdminUnit, { nullable: true, fieldName: 'place_unit_code' })
  place: AdminUnit | null = null;

  @Field(() => String, { nullable: true, description: 'Street address or room.' })
  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Field(() => String, { nullable: true, description: 'Link to join online.' })
  @Property({ type: 'text', nullable: true })
  onlineLink: string | null = null;

  /** iCalendar SEQUENCE: raised on every reschedule or cancellation. */
  @Field(() => Int, { description: 'Revision of the invitation (iCalendar SEQUENCE); rises on each reschedule.' })
  @Property({ type: 'integer' })
  sequence: Opt<number> = 0;

  @Field(() => String, { nullable: true, description: 'Why the meeting was cancelled.' })
  @Property({ type: 'text', nullable: true })
  cancellationReason: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where the facts come from (for meetings recorded from documents).' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @OneToMany(() => AgendaItem, (item) => item.meeting, { orphanRemoval: true })
  agenda = new Collection<AgendaItem>(this);
}

@ObjectType({ description: "An item on a meeting's agenda." })
@Entity({ tableName: 'agenda_item' })
export class AgendaItem extends EditableEntity {
  @ManyToOne(() => Meeting, { index: true, deleteRule: 'cascade' })
  meeting: Meeting;

  @Field(() => Int, { description: 'Position on the agenda (1 = first).' })
  @Property({ type: 'integer' })
  position: number;

  @Embedded(() => TranslatedText, { prefix: 'title_' })
  title: TranslatedText = new TranslatedText();

  @Embedded(() => TranslatedText, { prefix: 'description_' })
  description: TranslatedText = new TranslatedText();

  @ManyToOne(() => Organisation, { nullable: true })
  presenter: Organisation | null = null;

  @Field(() => String, { nullable: true, description: 'Minutes of the discussion.' })
  @Property({ type: 'text', nullable: true })
  minutes: string | null = null;

  @ManyToMany(() => Project, undefined, { pivotTable: 'agenda_item_project', joinColumn: 'agenda_item_id', inverseJoinColumn: 'project_id' })
  projects = new Collection<Project>(this);

  @ManyToMany(() => Theme, undefined, { pivotTable: 'agenda_item_theme', joinColumn: 'agenda_item_id', inverseJoinColumn: 'theme_code' })
  themes = new Collection<Theme>(this);

  @ManyToMany(() => AdminUnit, undefined, { pivotTable: 'agenda_item_unit', joinColumn: 'agenda_item_id', inverseJoinColumn: 'unit_code' })
  units = new Collection<AdminUnit>(this);
}

@ObjectType({ description: 'Whether a member organisation attended a meeting, and who came.' })
@Entity({ tableName: 'attendance' })
@Unique({ properties: ['meeting', 'organisation'] })
export class Attendance {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @ManyToOne(() => Meeting, { index: true, deleteRule: 'cascade' })
  meeting: Meeting;

  @ManyToOne(() => Organisation, { index: true })
  organisation: Organisation;

  @Field(() => AttendanceStatus, { description: 'Present, excused or absent.' })
  @Enum({ items: () => AttendanceStatus })
  status: AttendanceStatus;

  @Field(() => [String], { description: 'Names of the people who came.' })
  @Property({ type: 'text[]' })
  people: Opt<string[]> = [];
}

@ObjectType({ description: 'A decision of a meeting.' })
@Entity({ tableName: 'decision' })
export class Decision extends EditableEntity {
  @ManyToOne(() => Meeting, { index: true, deleteRule: 'cascade' })
  meeting: Meeting;

  @ManyToOne(() => AgendaItem, { nullable: true, deleteRule: 'set null' })
  agendaItem: AgendaItem | null = null;

  @Embedded(() => TranslatedText, { prefix: 'text_' })
  text: TranslatedText = new TranslatedText();
}

/** A task a meeting gives an organisation; it follows the body from meeting to meeting until closed. */
@ObjectType({ description: "A task given to an organisation at a meeting; it stays on the body's list until done or cancelled." })
@Entity({ tableName: 'action_item' })
export class ActionItem extends EditableEntity {
  @ManyToOne(() => CoordinationBody, { index: true })
  body: CoordinationBody;

  @ManyToOne(() => Meeting, { index: true })
  meeting: Meeting;

  @ManyToOne(() => Decision, { nullable: true, deleteRule: 'set null' })
  decision: Decision | null = null;

  @Field({ description: 'What is to be done.' })
  @Property({ type: 'text' })
  description: string;

  @ManyToOne(() => Organisation, { index: true })
  owner: Organisation;

  @Field(() => LocalDate, { description: 'Due date.' })
  @Property({ type: 'date' })
  dueDate: string;

  @Field(() => ActionItemStatus, { description: 'Open, done or cancelled.' })
  @Enum({ items: () => ActionItemStatus, index: true })
  status: Opt<ActionItemStatus> = ActionItemStatus.OPEN;

  @Field(() => Date, { nullable: true, description: 'When it was marked done or cancelled.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
