import { type FilterQuery, type QueryOrderMap, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Caller, isStaff } from '../common/access';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { TranslatedText } from '../common/translations.embeddable';
import { checkArgument, wholeNumberIn } from '../common/input-rules';
import { badInput, notFound } from '../common/validation';
import { CoordinationBody } from '../council/coordination-body.entity';
import { Membership, MembershipRole } from '../council/membership.entity';
import { AdminUnit } from '../geography/admin-unit.entity';
import { findUnitsByCodes } from '../geography/admin-unit.service';
import { knownId } from '../common/filter-references';
import { Organisation } from '../organisations/organisation.entity';
import { checkVersion, requireOrganisation } from '../organisations/organisation.service';
import { Project } from '../projects/project.entity';
import { requireThemes } from '../themes/theme.service';
import { ActionItem, ActionItemStatus, AgendaItem, Attendance, AttendanceStatus, Decision, Meeting, MeetingStatus } from './meeting.entity';
import { MeetingErrorCode } from './meeting.errors';
import { type ActionItemFilter, MeetingOrder } from './meeting.inputs';
import type {
  ActionItemInput,
  AgendaItemInput,
  AttendanceInput,
  DecisionInput,
  MeetingFilter,
  MeetingScheduleInput,
  PlanMeetingInput,
  RescheduleMeetingInput,
  UpdateActionItemInput,
} from './meeting.inputs';

/** Bodies whose meetings the caller may read: all for the secretariat, else those its organisation sits in. */
async function readableBodyIds(em: EntityManager, caller: Caller | null): Promise<string[] | 'all'> {
  if (isStaff(caller)) return 'all';
  if (!caller?.organisationId) return [];
  const memberships = await em.find(Membership, { organisation: caller.organisationId, endDate: null }, { fields: ['body'] });
  return memberships.map((membership) => membership.body.id);
}

export async function canReadMeeting(em: EntityManager, caller: Caller | null, meeting: Meeting): Promise<boolean> {
  const bodies = await readableBodyIds(em, caller);
  return bodies === 'all' || bodies.includes(meeting.body.id);
}

export async function meetingById(ctx: RequestContext, id: string): Promise<Meeting | null> {
  const meeting = isUuid(id) ? await ctx.em.findOne(Meeting, { id }) : null;
  return meeting && (await canReadMeeting(ctx.em, ctx.caller, meeting)) ? meeting : null;
}

/** The sort of a meeting list; UPCOMING_FIRST puts meetings not yet ended first (soonest first), then the others (latest first). */
function meetingOrder(order: MeetingOrder): QueryOrderMap<Meeting>[] {
  if (order === MeetingOrder.EARLIEST_FIRST) return [{ startsAt: 'asc' }, { id: 'asc' }];
  if (order === MeetingOrder.UPCOMING_FIRST) {
    const now = new Date();
    return [
      { [raw((alias) => `case when ${alias}.ends_at >= ? then 0 else 1 end`, [now])]: 'asc' },
      { [raw((alias) => `case when ${alias}.ends_at >= ? then ${alias}.starts_at end`, [now])]: 'asc nulls last' },
      { startsAt: 'desc' },
      { id: 'asc' },
    ] as QueryOrderMap<Meeting>[];
  }
  return [{ startsAt: 'desc' }, { id: 'asc' }];
}

export async function listMeetings(
  ctx: RequestContext,
  filter: MeetingFilter | null | undefined,
  window: PageWindow,
  order: MeetingOrder = MeetingOrder.LATEST_FIRST,
): Promise<Connection<Meeting>> {
  const bodies = await readableBodyIds(ctx.em, ctx.caller);
  const where: FilterQuery<Meeting>[] = [];
  if (bodies !== 'all') where.push({ body: { $in: bodies } });
  if (filter?.bodyId) where.push({ body: await knownId(ctx, CoordinationBody, filter.bodyId, 'filter.bodyId', 'UNKNOWN_BODY', 'coordination body') });
  if (filter?.status?.length) where.push({ status: { $in: filter.status } });
  if (filter?.from) where.push({ startsAt: { $gte: filter.from } });
  if (filter?.to) where.push({ startsAt: { $lt: filter.to } });
  const [meetings, totalCount] = await ctx.em.findAndCount(Meeting, { $and: where }, { orderBy: meetingOrder(order), limit: window.limit, offset: window.offset });
  return toConnection(meetings, totalCount, window);
}

/** Today as the `overdue` field counts it (the server's UTC day, as in `ActionItem.overdue` and the briefing). */
export function actionItemToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Action items of the bodies the caller may read (all for the secretariat), by due date. */
export async function listActionItems(ctx: RequestContext, filter: ActionItemFilter | null | undefined, window: PageWindow): Promise<Connection<ActionItem>> {
  const bodies = await readableBodyIds(ctx.em, ctx.caller);
  const where: FilterQuery<ActionItem>[] = [];
  if (bodies !== 'all') where.push({ body: { $in: bodies } });
  if (filter?.bodyId) where.push({ body: await knownId(ctx, CoordinationBody, filter.bodyId, 'filter.bodyId', 'UNKNOWN_BODY', 'coordination body') });
  if (filter?.meetingId) where.push({ meeting: await knownId(ctx, Meeting, filter.meetingId, 'filter.meetingId', 'UNKNOWN_MEETING', 'meeting') });
  if (filter?.ownerOrganisationId)
    where.push({ owner: await knownId(ctx, Organisation, filter.ownerOrganisationId, 'filter.ownerOrganisationId', 'UNKNOWN_ORGANISATION', 'organisation') });
  if (filter?.status?.length) where.push({ status: { $in: filter.status } });
  if (filter?.overdue === true) where.push({ status: ActionItemStatus.OPEN, dueDate: { $lt: actionItemToday() } });
  if (filter?.overdue === false) where.push({ $or: [{ status: { $ne: ActionItemStatus.OPEN } }, { dueDate: { $gte: actionItemToday() } }] });
  const [items, totalCount] = await ctx.em.findAndCount(ActionItem, { $and: where }, { orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], limit: window.limit, offset: window.offset });
  return toConnection(items, totalCount, window);
}

async function requireMeeting(em: EntityManager, id: string, field = 'id'): Promise<Meeting> {
  const meeting = isUuid(id) ? await em.findOne(Meeting, { id }) : null;
  if (!meeting) throw notFound(MeetingErrorCode.MEETING_NOT_FOUND, `No meeting has the id given in \`${field}\`.`, field);
  return meeting;
}

function requireOpen(meeting: Meeting): void {
  if (meeting.status === MeetingStatus.CANCELLED) {
    throw new DomainError(ErrorKind.CONFLICT, MeetingErrorCode.MEETING_CLOSED, 'This meeting was cancelled; plan a new one instead.');
  }
}

/** The place unit of a schedule (time, format, place and link are checked by MeetingScheduleInput's rules). */
async function placeOf(em: EntityManager, input: MeetingScheduleInput): Promise<AdminUnit | null> {
  if (!input.placeUnitCode) return null;
  const unit = (await findUnitsByCodes(em, [input.placeUnitCode])).get(input.placeUnitCode);
  if (!unit) throw badInput('UNKNOWN_UNIT', `There is no administrative unit with the code "${input.placeUnitCode}".`, 'input.placeUnitCode');
  return unit;
}

export async function planMeeting(ctx: RequestContext, input: PlanMeetingInput): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const body = isUuid(input.bodyId) ? await em.findOne(CoordinationBody, { id: input.bodyId }) : null;
    if (!body) throw notFound('BODY_NOT_FOUND', 'No coordination body has this id.', 'input.bodyId');
    const place = await placeOf(em, input);
    // Numbers run per body; the unique (body, number) index settles a race between two planners.
    const [{ next }] = await em
      .getConnection()
      .execute<{ next: number }[]>('select coalesce(max(number), 0) + 1 as next from meeting where body_id = ?', [body.id], 'all', em.getTransactionContext());
    return em.create(Meeting, {
      body,
      number: Number(next),
      title: TranslatedText.of(input.title),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      format: input.format,
      place,
      address: input.address ?? null,
      onlineLink: input.onlineLink ?? null,
    });
  });
}

export async function rescheduleMeeting(ctx: RequestContext, id: string, input: RescheduleMeetingInput): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, id);
    checkVersion(meeting.version, input.version, 'meeting');
    requireOpen(meeting);
    const place = await placeOf(em, input);
    Object.assign(meeting, {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      format: input.format,
      place,
      address: input.address ?? null,
      onlineLink: input.onlineLink ?? null,
      allDay: false,
    });
    meeting.sequence += 1;
    return meeting;
  });
}

export async function cancelMeeting(ctx: RequestContext, id: string, reason: string): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, id);
    if (meeting.status !== MeetingStatus.PLANNED) {
      throw new DomainError(ErrorKind.CONFLICT, MeetingErrorCode.MEETING_CLOSED, `Only a planned meeting can be cancelled; this one is ${meeting.status}.`);
    }
    meeting.status = MeetingStatus.CANCELLED;
    meeting.cancellationReason = reason.trim() || null;
    meeting.sequence += 1;
    return meeting;
  });
}

export async function closeMeeting(ctx: RequestContext, id: string): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, id);
    requireOpen(meeting);
    meeting.status = MeetingStatus.HELD;
    return meeting;
  });
}

async function fillAgendaItem(em: EntityManager, item: AgendaItem, input: AgendaItemInput): Promise<void> {
  const projects = await em.find(Project, { id: { $in: input.projectIds.filter(isUuid) } });
  if (projects.length !== new Set(input.projectIds).size) throw badInput('UNKNOWN_PROJECT', 'One of `input.projectIds` is not a project.', 'input.projectIds');
  const byCode = await findUnitsByCodes(em, input.unitCodes);
  const units = [...new Set(byCode.values())];
  if (input.unitCodes.some((code) => !byCode.has(code))) throw badInput('UNKNOWN_UNIT', 'One of `input.unitCodes` is not an administrative unit.', 'input.unitCodes');
  const themes = await requireThemes(em, input.themeCodes, 'input.themeCodes');
  item.title = TranslatedText.of(input.title);
  item.description = TranslatedText.of(input.description);
  item.presenter = input.presenterOrganisationId ? await requireOrganisation(em, input.presenterOrganisationId, 'input.presenterOrganisationId') : null;
  item.minutes = input.minutes ?? null;
  item.projects.set(projects);
  item.themes.set(themes);
  item.units.set(units);
}

export async function addAgendaItem(ctx: RequestContext, meetingId: string, input: AgendaItemInput): Promise<AgendaItem> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, meetingId, 'meetingId');
    requireOpen(meeting);
    const position = (await em.count(AgendaItem, { meeting })) + 1;
    const item = em.create(AgendaItem, { meeting, position, title: new TranslatedText(), description: new TranslatedText() });
    await fillAgendaItem(em, item, input);
    return item;
  });
}

async function requireAgendaItem(em: EntityManager, id: string): Promise<AgendaItem> {
  const item = isUuid(id) ? await em.findOne(AgendaItem, { id }, { populate: ['projects', 'themes', 'units'] }) : null;
  if (!item) throw notFound(MeetingErrorCode.AGENDA_ITEM_NOT_FOUND, 'No agenda item has this id.', 'id');
  return item;
}

export async function updateAgendaItem(ctx: RequestContext, id: string, input: AgendaItemInput): Promise<AgendaItem> {
  return ctx.em.transactional(async (em) => {
    const item = await requireAgendaItem(em, id);
    await fillAgendaItem(em, item, input);
    return item;
  });
}

export async function removeAgendaItem(ctx: RequestContext, id: string): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const item = await requireAgendaItem(em, id);
    const meeting = await em.findOneOrFail(Meeting, item.meeting.id, { populate: ['agenda'] });
    meeting.agenda.remove(item);
    meeting.agenda
      .getItems()
      .filter((other) => other.id !== item.id)
      .sort((a, b) => a.position - b.position)
      .forEach((other, index) => (other.position = index + 1));
    return meeting;
  });
}

/** Puts the agenda in the given order; the list must name every item once. */
export async function reorderAgenda(ctx: RequestContext, meetingId: string, itemIds: string[]): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const meeting = await em.findOne(Meeting, { id: isUuid(meetingId) ? meetingId : null }, { populate: ['agenda'] });
    if (!meeting) throw notFound(MeetingErrorCode.MEETING_NOT_FOUND, 'No meeting has this id.', 'meetingId');
    const items = meeting.agenda.getItems();
    const current = new Set(items.map((item) => item.id));
    if (itemIds.length !== current.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.has(id))) {
      throw badInput(MeetingErrorCode.AGENDA_MISMATCH, '`itemIds` must list every agenda item of the meeting exactly once.', 'itemIds');
    }
    itemIds.forEach((id, index) => (items.find((item) => item.id === id)!.position = index + 1));
    return meeting;
  });
}

/** Organisations whose presence counts for the quorum: active members except observers. */
export async function quorumMembers(em: EntityManager, bodyId: string): Promise<string[]> {
  const memberships = await em.find(Membership, { body: bodyId, endDate: null, role: { $ne: MembershipRole.OBSERVER } });
  return memberships.map((membership) => membership.organisation.id);
}

export async function recordAttendance(ctx: RequestContext, meetingId: string, entries: AttendanceInput[]): Promise<Meeting> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, meetingId, 'meetingId');
    requireOpen(meeting);
    const members = new Set((await em.find(Membership, { body: meeting.body, endDate: null })).map((membership) => membership.organisation.id));
    entries.forEach((entry, index) => {
      if (!members.has(entry.organisationId)) {
        throw badInput(MeetingErrorCode.NOT_A_MEMBER, 'Attendance is recorded for member organisations of the body only.', `attendance[${index}].organisationId`);
      }
    });
    const existing = await em.find(Attendance, { meeting });
    for (const entry of entries) {
      const row = existing.find((attendance) => attendance.organisation.id === entry.organisationId);
      const people = entry.people.map((name) => name.trim()).filter(Boolean);
      if (row) Object.assign(row, { status: entry.status, people });
      else em.create(Attendance, { meeting, organisation: em.getReference(Organisation, entry.organisationId), status: entry.status, people });
    }
    meeting.updatedAt = new Date();
    return meeting;
  });
}

export async function recordDecision(ctx: RequestContext, meetingId: string, input: DecisionInput): Promise<Decision> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, meetingId, 'meetingId');
    requireOpen(meeting);
    let agendaItem: AgendaItem | null = null;
    if (input.agendaItemId) {
      agendaItem = isUuid(input.agendaItemId) ? await em.findOne(AgendaItem, { id: input.agendaItemId, meeting }) : null;
      if (!agendaItem) throw badInput(MeetingErrorCode.AGENDA_ITEM_NOT_FOUND, "The agenda item is not on this meeting's agenda.", 'input.agendaItemId');
    }
    return em.create(Decision, { meeting, agendaItem, text: TranslatedText.of(input.text) });
  });
}

export async function addActionItem(ctx: RequestContext, input: ActionItemInput): Promise<ActionItem> {
  return ctx.em.transactional(async (em) => {
    const meeting = await requireMeeting(em, input.meetingId, 'input.meetingId');
    const owner = await requireOrganisation(em, input.ownerOrganisationId, 'input.ownerOrganisationId');
    let decision: Decision | null = null;
    if (input.decisionId) {
      decision = isUuid(input.decisionId) ? await em.findOne(Decision, { id: input.decisionId, meeting }) : null;
      if (!decision) throw badInput('DECISION_NOT_FOUND', 'The decision is not one of this meeting.', 'input.decisionId');
    }
    return em.create(ActionItem, { body: meeting.body, meeting, decision, description: input.description.trim(), owner, dueDate: input.dueDate });
  });
}

export async function updateActionItem(ctx: RequestContext, id: string, input: UpdateActionItemInput): Promise<ActionItem> {
  return ctx.em.transactional(async (em) => {
    const item = isUuid(id) ? await em.findOne(ActionItem, { id }) : null;
    if (!item) throw notFound(MeetingErrorCode.ACTION_ITEM_NOT_FOUND, 'No action item has this id.', 'id');
    checkVersion(item.version, input.version, 'action item');
    if (input.status && input.status !== item.status) {
      item.status = input.status;
      item.closedAt = input.status === ActionItemStatus.OPEN ? null : new Date();
    }
    if (input.dueDate) item.dueDate = input.dueDate;
    if (input.description?.trim()) item.description = input.description.trim();
    return item;
  });
}

export interface Quorum {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

/** "More than `quorumPercent` per cent of the members present": the smallest count strictly above the share. */
export function computeQuorum(members: string[], attendance: Attendance[], quorumPercent: number): Quorum {
  const present = attendance.filter((row) => row.status === AttendanceStatus.PRESENT && members.includes(row.organisation.id)).length;
  const required = Math.floor((members.length * quorumPercent) / 100) + 1;
  return { members: members.length, present, required, reached: members.length > 0 && present >= required };
}

export async function quorumOf(em: EntityManager, meeting: Meeting, body: CoordinationBody): Promise<Quorum> {
  return computeQuorum(await quorumMembers(em, meeting.body.id), await em.find(Attendance, { meeting }), body.quorumPercent);
}

export async function setBodyQuorum(ctx: RequestContext, bodyId: string, quorumPercent: number): Promise<CoordinationBody> {
  checkArgument(wholeNumberIn(0, 99), quorumPercent, 'quorumPercent');
  return ctx.em.transactional(async (em) => {
    const body = isUuid(bodyId) ? await em.findOne(CoordinationBody, { id: bodyId }) : null;
    if (!body) throw notFound('BODY_NOT_FOUND', 'No coordination body has this id.', 'bodyId');
    body.quorumPercent = quorumPercent;
    return body;
  });
}
