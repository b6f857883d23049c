import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { HttpUrl, inputRule, NotBlank, SomeTranslation } from '../common/input-rules';
import { TranslationsInput } from '../common/localized-text';
import { PaginationArgs } from '../common/pagination';
import { LocalDate } from '../common/scalars';
import { ActionItemStatus, AttendanceStatus, MeetingFormat, MeetingStatus } from './meeting.entity';
import { MeetingErrorCode } from './meeting.errors';

@InputType({ description: 'Narrows a list of meetings.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'Only meetings of this body.' })
  bodyId?: string | null;

  @Field(() => [MeetingStatus], { nullable: true, description: 'Only these statuses.' })
  status?: MeetingStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Only meetings starting at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only meetings starting before this moment.' })
  to?: Date | null;
}

export enum MeetingOrder {
  LATEST_FIRST = 'LATEST_FIRST',
  EARLIEST_FIRST = 'EARLIEST_FIRST',
  UPCOMING_FIRST = 'UPCOMING_FIRST',
}

registerEnumType(MeetingOrder, {
  name: 'MeetingOrder',
  description: 'How a list of meetings is sorted.',
  valuesConfig: {
    LATEST_FIRST: { description: 'By start, latest first.' },
    EARLIEST_FIRST: { description: 'By start, earliest first (with `filter.from` set to now: the next meeting first).' },
    UPCOMING_FIRST: { description: 'Meetings that have not ended yet first, the soonest first; then the ones that have ended, the latest first.' },
  },
});

@ArgsType()
export class MeetingsArgs extends PaginationArgs {
  @Field(() => MeetingFilter, { nullable: true, description: 'Conditions; omit for all meetings you may see.' })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { defaultValue: MeetingOrder.LATEST_FIRST, description: 'Sort order; default latest first.' })
  order: MeetingOrder;
}

@InputType({ description: 'Narrows a list of action items.' })
export class ActionItemFilter {
  @Field(() => ID, { nullable: true, description: 'Only action items of this body.' })
  bodyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only action items given at this meeting.' })
  meetingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only action items this organisation is responsible for.' })
  ownerOrganisationId?: string | null;

  @Field(() => [ActionItemStatus], { nullable: true, description: 'Only these statuses; omit for all.' })
  status?: ActionItemStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only OPEN items past their due date (as `ActionItem.overdue`); false: only those that are not.' })
  overdue?: boolean | null;
}

@ArgsType()
export class ActionItemsArgs extends PaginationArgs {
  @Field(() => ActionItemFilter, { nullable: true, description: 'Conditions; omit for all action items you may see.' })
  filter?: ActionItemFilter | null;
}

/** A meeting ends after it starts. */
const AfterStart = () =>
  inputRule({
    name: 'afterStart',
    reason: MeetingErrorCode.ENDS_BEFORE_START,
    test: (endsAt, schedule) => !(endsAt instanceof Date && schedule.startsAt instanceof Date) || endsAt > schedule.startsAt,
    message: () => '$path must be after the start (`startsAt`).',
  });

const isOnline = (format: unknown) => format === MeetingFormat.ONLINE || format === MeetingFormat.HYBRID;

/** An online or hybrid meeting has a link to join (reported at `onlineLink`, which may be left out). */
const LinkIfOnline = () =>
  inputRule({
    name: 'linkIfOnline',
    reason: MeetingErrorCode.LINK_REQUIRED,
    reportAt: 'onlineLink',
    test: (format, schedule) => !isOnline(format) || Boolean(schedule.onlineLink),
    message: (format) => `A ${String(format).toLowerCase()} meeting needs $path.`,
  });

/** A meeting not only online says where it is held (reported at `placeUnitCode`). */
const PlaceIfInPerson = () =>
  inputRule({
    name: 'placeIfInPerson',
    reason: MeetingErrorCode.PLACE_REQUIRED,
    reportAt: 'placeUnitCode',
    test: (format, schedule) => format === MeetingFormat.ONLINE || Boolean(schedule.placeUnitCode) || Boolean(schedule.address),
    message: () => 'Say where the meeting is held: $path and/or `address`.',
  });

@InputType({ description: 'Where and when a meeting takes place.' })
export class MeetingScheduleInput {
  @Field({ description: 'Start, e.g. "2026-12-10T10:00:00+06:00" (Bishkek).' })
  startsAt: Date;

  @Field({ description: 'End; after the start.' })
  @AfterStart()
  endsAt: Date;

  @Field(() => MeetingFormat, { description: 'How it is held.' })
  @LinkIfOnline()
  @PlaceIfInPerson()
  format: MeetingFormat;

  @Field(() => String, { nullable: true, description: 'Administrative unit where it is held (needed in person, with or without an address).' })
  placeUnitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Street address or room.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Link to join online (needed for ONLINE and HYBRID).' })
  @HttpUrl()
  @IsOptional()
  @MaxLength(1000)
  onlineLink?: string | null;
}

@InputType({ description: 'A new meeting of a coordination body.' })
export class PlanMeetingInput extends MeetingScheduleInput {
  @Field(() => ID, { description: 'The body meeting.' })
  bodyId: string;

  @Field(() => TranslationsInput, { description: 'Title in at least one of ky, ru, en.' })
  @SomeTranslation()
  title: TranslationsInput;
}

@InputType({ description: 'A new time or place for a meeting.' })
export class RescheduleMeetingInput extends MeetingScheduleInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read.' })
  version?: number | null;
}

@InputType({ description: 'An agenda item.' })
export class AgendaItemInput {
  @Field(() => TranslationsInput, { description: 'Title in at least one of ky, ru, en.' })
  @SomeTranslation()
  title: TranslationsInput;

  @Field(() => TranslationsInput, { nullable: true, description: 'Description.' })
  description?: TranslationsInput | null;

  @Field(() => ID, { nullable: true, description: 'Organisation presenting the item.' })
  presenterOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Minutes of the discussion.' })
  @IsOptional()
  @MaxLength(20000)
  minutes?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Projects the item is about.' })
  @ArrayMaxSize(100)
  projectIds: string[];

  @Field(() => [String], { defaultValue: [], description: 'Themes the item is about.' })
  @ArrayMaxSize(20)
  themeCodes: string[];

  @Field(() => [String], { defaultValue: [], description: 'Administrative units the item is about.' })
  @ArrayMaxSize(100)
  unitCodes: string[];
}

@InputType({ description: 'Attendance of one member organisation.' })
export class AttendanceInput {
  @Field(() => ID, { description: 'A member organisation of the body.' })
  organisationId: string;

  @Field(() => AttendanceStatus, { description: 'Present, excused or absent.' })
  status: AttendanceStatus;

  @Field(() => [String], { defaultValue: [], description: 'Names of the people who came.' })
  @ArrayMaxSize(50)
  people: string[];
}

@InputType({ description: 'A decision of a meeting.' })
export class DecisionInput {
  @Field(() => ID, { nullable: true, description: 'The agenda item it decides.' })
  agendaItemId?: string | null;

  @Field(() => TranslationsInput, { description: 'The decision in at least one of ky, ru, en.' })
  @SomeTranslation()
  text: TranslationsInput;
}

@InputType({ description: 'A task given at a meeting.' })
export class ActionItemInput {
  @Field(() => ID, { description: 'The meeting that gives the task.' })
  meetingId: string;

  @Field(() => ID, { nullable: true, description: 'The decision it carries out.' })
  decisionId?: string | null;

  @Field({ description: 'What is to be done.' })
  @NotBlank('MISSING_TEXT', 'Say what is to be done.')
  @MaxLength(4000)
  description: string;

  @Field(() => ID, { description: 'The organisation responsible.' })
  ownerOrganisationId: string;

  @Field(() => LocalDate, { description: 'Due date.' })
  dueDate: string;
}

@InputType({ description: 'Changes to an action item.' })
export class UpdateActionItemInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read.' })
  version?: number | null;

  @Field(() => ActionItemStatus, { nullable: true, description: 'New status.' })
  status?: ActionItemStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'New due date.' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;
}
