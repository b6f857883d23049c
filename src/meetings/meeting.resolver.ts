import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, pickTranslation, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { ConnectionType, pageWindow } from '../common/pagination';
import { CoordinationBody } from '../council/coordination-body.entity';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';
import { AttendanceRecord, buildBriefing, MeetingBriefing } from './briefing/briefing';
import { BriefingCoordination, briefingCoordination } from './briefing/briefing-coordination';
import { formatInBishkek } from './briefing/briefing-page';
import { ActionItem, ActionItemStatus, AgendaItem, Attendance, Decision, Meeting } from './meeting.entity';
import {
  ActionItemInput,
  ActionItemsArgs,
  AgendaItemInput,
  AttendanceInput,
  DecisionInput,
  MeetingsArgs,
  PlanMeetingInput,
  RescheduleMeetingInput,
  UpdateActionItemInput,
} from './meeting.inputs';
import * as meetings from './meeting.service';

@ObjectType({ description: 'A page of meetings.' })
export class MeetingConnection extends ConnectionType('Meeting', () => Meeting, 'meeting') {}

@ObjectType({ description: 'A page of action items.' })
export class ActionItemConnection extends ConnectionType('ActionItem', () => ActionItem, 'action item') {}

@ObjectType({ description: "Whether enough members are present: more than the body's quorum percentage of its active members (observers not counted)." })
export class QuorumState {
  @Field(() => Int, { description: 'Active members whose presence counts.' })
  members: number;

  @Field(() => Int, { description: 'Of them recorded PRESENT.' })
  present: number;

  @Field(() => Int, { description: 'Members needed present.' })
  required: number;

  @Field({ description: 'True when `present` ≥ `required`.' })
  reached: boolean;
}

const STAFF = [Role.ADMIN, Role.SECRETARIAT];
const texts = (text: { ky: string | null; ru: string | null; en: string | null }, ctx: RequestContext) => LocalizedText.of(text, ctx.language);

const meetingTitle = translatedField((meeting: Meeting) => meeting.title);

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, {
    description: 'Meetings (latest first unless `order` says otherwise): all for the secretariat, otherwise those of bodies your organisation is a member of.',
  })
  meetings(@Args() args: MeetingsArgs, @Ctx() ctx: RequestContext) {
    return meetings.listMeetings(ctx, args.filter, pageWindow(args), args.order);
  }

  @Query(() => ActionItemConnection, {
    name: 'actionItems',
    description:
      'Action items by due date, earliest first: all for the secretariat, otherwise those of bodies your organisation is a member of (e.g. `filter: { overdue: true }` for what is late).',
  })
  actionItemList(@Args() args: ActionItemsArgs, @Ctx() ctx: RequestContext) {
    return meetings.listActionItems(ctx, args.filter, pageWindow(args));
  }

  @Query(() => Meeting, { nullable: true, description: 'The meeting with this id, or null when there is none you may see.' })
  meeting(@Arg('id', () => ID, { description: 'Meeting id.' }) id: string, @Ctx() ctx: RequestContext) {
    return meetings.meetingById(ctx, id);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Plans the next meeting of a body; it gets the next number (ADMIN, SECRETARIAT).' })
  planMeeting(@Arg('input', { description: 'The meeting.' }) input: PlanMeetingInput, @Ctx() ctx: RequestContext) {
    return meetings.planMeeting(ctx, input);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Moves a meeting; the invitation keeps its UID and its SEQUENCE rises (ADMIN, SECRETARIAT).' })
  rescheduleMeeting(
    @Arg('id', () => ID, { description: 'Meeting id.' }) id: string,
    @Arg('input', { description: 'New time and place.' }) input: RescheduleMeetingInput,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.rescheduleMeeting(ctx, id, input);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Calls a planned meeting off (ADMIN, SECRETARIAT).' })
  cancelMeeting(
    @Arg('id', () => ID, { description: 'Meeting id.' }) id: string,
    @Arg('reason', { description: 'Why, for the members.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.cancelMeeting(ctx, id, reason);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Marks a meeting as held (ADMIN, SECRETARIAT).' })
  closeMeeting(@Arg('id', () => ID, { description: 'Meeting id.' }) id: string, @Ctx() ctx: RequestContext) {
    return meetings.closeMeeting(ctx, id);
  }

  @Allow(...STAFF)
  @Mutation(() => AgendaItem, { description: 'Adds an item at the end of the agenda (ADMIN, SECRETARIAT).' })
  addAgendaItem(
    @Arg('meetingId', () => ID, { description: 'Meeting id.' }) meetingId: string,
    @Arg('input', { description: 'The item.' }) input: AgendaItemInput,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.addAgendaItem(ctx, meetingId, input);
  }

  @Allow(...STAFF)
  @Mutation(() => AgendaItem, { description: 'Changes an agenda item, e.g. to add its minutes (ADMIN, SECRETARIAT).' })
  updateAgendaItem(
    @Arg('id', () => ID, { description: 'Agenda item id.' }) id: string,
    @Arg('input', { description: 'The item as it should be.' }) input: AgendaItemInput,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.updateAgendaItem(ctx, id, input);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Removes an agenda item; the others close up (ADMIN, SECRETARIAT).' })
  removeAgendaItem(@Arg('id', () => ID, { description: 'Agenda item id.' }) id: string, @Ctx() ctx: RequestContext) {
    return meetings.removeAgendaItem(ctx, id);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Puts the agenda in a new order (ADMIN, SECRETARIAT).' })
  reorderAgenda(
    @Arg('meetingId', () => ID, { description: 'Meeting id.' }) meetingId: string,
    @Arg('itemIds', () => [ID], { description: 'Every agenda item id once, in the new order.' }) itemIds: string[],
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.reorderAgenda(ctx, meetingId, itemIds);
  }

  @Allow(...STAFF)
  @Mutation(() => Meeting, { description: 'Records who attended (replacing earlier entries of the same organisations) (ADMIN, SECRETARIAT).' })
  recordAttendance(
    @Arg('meetingId', () => ID, { description: 'Meeting id.' }) meetingId: string,
    @Arg('attendance', () => [AttendanceInput], { description: 'One entry per member organisation.' }) attendance: AttendanceInput[],
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.recordAttendance(ctx, meetingId, attendance);
  }

  @Allow(...STAFF)
  @Mutation(() => Decision, { description: 'Records a decision of a meeting (ADMIN, SECRETARIAT).' })
  recordDecision(
    @Arg('meetingId', () => ID, { description: 'Meeting id.' }) meetingId: string,
    @Arg('input', { description: 'The decision.' }) input: DecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.recordDecision(ctx, meetingId, input);
  }

  @Allow(...STAFF)
  @Mutation(() => ActionItem, { description: "Gives an organisation a task; it stays on the body's list until closed (ADMIN, SECRETARIAT)." })
  addActionItem(@Arg('input', { description: 'The task.' }) input: ActionItemInput, @Ctx() ctx: RequestContext) {
    return meetings.addActionItem(ctx, input);
  }

  @Allow(...STAFF)
  @Mutation(() => ActionItem, { description: 'Marks a task done or cancelled, or changes it (ADMIN, SECRETARIAT).' })
  updateActionItem(
    @Arg('id', () => ID, { description: 'Action item id.' }) id: string,
    @Arg('input', { description: 'What to change.' }) input: UpdateActionItemInput,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.updateActionItem(ctx, id, input);
  }

  @Allow(...STAFF)
  @Mutation(() => CoordinationBody, { description: "Sets a body's quorum: more than this percentage of its members present (ADMIN, SECRETARIAT)." })
  setBodyQuorum(
    @Arg('bodyId', () => ID, { description: 'Body id.' }) bodyId: string,
    @Arg('quorumPercent', () => Int, { description: '0 to 99; 50 means more than half.' }) quorumPercent: number,
    @Ctx() ctx: RequestContext,
  ) {
    return meetings.setBodyQuorum(ctx, bodyId, quorumPercent);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Title in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(meetingTitle)
  title(@Root() meeting: Meeting, @Ctx() ctx: RequestContext, @Arg('lang', () => Language, { nullable: true, description: 'Language.' }) lang?: Language | null) {
    return meetingTitle(meeting, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Title in Kyrgyz, Russian and English.' })
  titles(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return texts(meeting.title, ctx);
  }

  @FieldResolver(() => String, { description: 'Start as Bishkek shows it, in the request language (e.g. "10 December 2026, 10:00"; the day only when `allDay`).' })
  startsAtLocal(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return formatInBishkek(meeting.startsAt, ctx.language, meeting.allDay);
  }

  @FieldResolver(() => CoordinationBody, { nullable: true, description: 'The body meeting.' })
  body(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.council.bodyById.load(meeting.body.id);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'Administrative unit where it is held.' })
  place(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return meeting.place ? ctx.loaders.geography.unitByCode.load(meeting.place.code) : null;
  }

  @FieldResolver(() => [AgendaItem], { description: 'The agenda, in order.' })
  agenda(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.meetings.agendaOf.load(meeting.id);
  }

  @FieldResolver(() => [Attendance], { description: 'Attendance of member organisations.' })
  attendance(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.meetings.attendanceOf.load(meeting.id);
  }

  @FieldResolver(() => QuorumState, { description: 'Whether the meeting has its quorum, from the attendance recorded.' })
  async quorum(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<QuorumState> {
    const [members, attendance, body] = await Promise.all([
      ctx.loaders.meetings.quorumMembersOf.load(meeting.body.id),
      ctx.loaders.meetings.attendanceOf.load(meeting.id),
      ctx.loaders.council.bodyById.load(meeting.body.id),
    ]);
    return Object.assign(new QuorumState(), meetings.computeQuorum(members, attendance, body?.quorumPercent ?? 50));
  }

  @FieldResolver(() => [Decision], { description: 'Decisions taken.' })
  decisions(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.meetings.decisionsOf.load(meeting.id);
  }

  @FieldResolver(() => [ActionItem], { description: 'Tasks given at this meeting.' })
  actionItems(@Root() meeting: Meeting, @Ctx() ctx: RequestContext) {
    return ctx.loaders.meetings.actionItemsOf.load(meeting.id);
  }

  @FieldResolver(() => String, { description: 'Address of the printable briefing page (add ?lang=ky|ru|en, &format=md for Markdown).' })
  briefingUrl(@Root() meeting: Meeting) {
    return `/meetings/${meeting.id}/briefing`;
  }

  @FieldResolver(() => String, { description: 'Address of the iCalendar invitation (.ics).' })
  invitationUrl(@Root() meeting: Meeting) {
    return `/meetings/${meeting.id}/invite.ics`;
  }

  @FieldResolver(() => MeetingBriefing, {
    description: "The briefing pack: what changed since the body's previous held meeting, computed from live data. `lang` sets the language of the texts in it.",
  })
  briefing(
    @Root() meeting: Meeting,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language of the texts in the briefing (the request language by default).' }) lang?: Language | null,
  ) {
    if (lang) ctx.language = lang;
    return buildBriefing(ctx.em, meeting);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Title in the request language; where it has none, in Kyrgyz, else Russian, else English.' })
  title(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return pickTranslation(item.title, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'Title in Kyrgyz, Russian and English.' })
  titles(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return texts(item.title, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Description.' })
  description(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return texts(item.description, ctx);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Organisation presenting the item.' })
  presenter(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return item.presenter ? organisationById(ctx, item.presenter.id) : null;
  }

  @FieldResolver(() => [Project], { description: 'Projects the item is about.' })
  projects(@Root() item: AgendaItem) {
    return item.projects.isInitialized() ? item.projects.getItems() : item.projects.load().then((collection) => collection.getItems());
  }

  @FieldResolver(() => [Theme], { description: 'Themes the item is about.' })
  themes(@Root() item: AgendaItem) {
    return item.themes.isInitialized() ? item.themes.getItems() : item.themes.load().then((collection) => collection.getItems());
  }

  @FieldResolver(() => [AdminUnit], { description: 'Administrative units the item is about.' })
  units(@Root() item: AgendaItem) {
    return item.units.isInitialized() ? item.units.getItems() : item.units.load().then((collection) => collection.getItems());
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The member organisation.' })
  organisation(@Root() attendance: Attendance, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, attendance.organisation.id);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The decision in the request language; where it has none, in Kyrgyz, else Russian, else English.' })
  text(@Root() decision: Decision, @Ctx() ctx: RequestContext) {
    return pickTranslation(decision.text, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'The decision in Kyrgyz, Russian and English.' })
  texts(@Root() decision: Decision, @Ctx() ctx: RequestContext) {
    return texts(decision.text, ctx);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Id of the agenda item it decides.' })
  agendaItemId(@Root() decision: Decision) {
    return decision.agendaItem?.id ?? null;
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation responsible.' })
  owner(@Root() item: ActionItem, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, item.owner.id);
  }

  @FieldResolver(() => ID, { description: 'Id of the meeting that gave the task.' })
  meetingId(@Root() item: ActionItem) {
    return item.meeting.id;
  }

  @FieldResolver({ description: 'True while the task is OPEN and past its due date.' })
  overdue(@Root() item: ActionItem): boolean {
    return item.status === ActionItemStatus.OPEN && item.dueDate < meetings.actionItemToday();
  }
}

@Resolver(() => AttendanceRecord)
export class AttendanceRecordResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The member organisation.' })
  organisation(@Root() record: AttendanceRecord, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, record.organisationId);
  }
}

@Resolver(() => MeetingBriefing)
export class MeetingBriefingResolver {
  @FieldResolver(() => BriefingCoordination, { description: 'Overlaps and hotspots involving member organisations, and gaps in border areas, at the end of the period.' })
  coordination(@Root() briefing: MeetingBriefing, @Ctx() ctx: RequestContext) {
    return briefingCoordination(ctx, briefing);
  }

  @FieldResolver(() => QuorumState, { description: 'Quorum of the meeting as recorded so far.' })
  quorum(@Root() briefing: MeetingBriefing) {
    return Object.assign(new QuorumState(), briefing.quorum);
  }
}
