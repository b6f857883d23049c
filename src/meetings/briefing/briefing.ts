import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { Language, pickTranslation } from '../../common/localized-text';
import { Decimal } from '../../common/scalars';
import { CoordinationBody } from '../../council/coordination-body.entity';
import { Membership } from '../../council/membership.entity';
import { Organisation } from '../../organisations/organisation.entity';
import { Project } from '../../projects/project.entity';
import { ActionItem, ActionItemStatus, AttendanceStatus, Meeting, MeetingStatus } from '../meeting.entity';
import { type Quorum, quorumOf } from '../meeting.service';
import { type BriefingPeriod, briefingMoneySql, briefingProjectsSql, briefingReportsSql } from './briefing.sql';

@ObjectType({ description: 'Money recorded in one currency.' })
export class MoneyInCurrency {
  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field(() => Decimal, { description: 'Sum, exact.' })
  amount: string;
}

@ObjectType({ description: "A member organisation's attendance at the body's last meetings." })
export class AttendanceRecord {
  organisationId: string;

  @Field(() => [AttendanceStatus], { nullable: 'items', description: 'Status at each of the last held meetings, oldest first; null where nothing was recorded.' })
  lastMeetings: (AttendanceStatus | null)[];

  @Field({ description: 'True when the organisation was ABSENT (without notice) at the last two held meetings.' })
  absentTwiceInARow: boolean;
}

/** What changed for a body since its previous held meeting: the secretariat's briefing pack. */
@ObjectType({ description: "The briefing pack of a meeting, computed from live data for the period since the body's previous held meeting." })
export class MeetingBriefing {
  meetingId: string;

  @Field(() => Date, { nullable: true, description: 'Start of the period: the previous held meeting of the body; null when there was none.' })
  periodFrom: Date | null;

  @Field({ description: "End of the period: the meeting's start, or now for a meeting still ahead." })
  periodTo: Date;

  @Field(() => [Project], { description: 'Projects of member organisations that started in the period.' })
  projectsStarted: Project[];

  @Field(() => [Project], { description: 'Projects of member organisations that ended in the period.' })
  projectsEnded: Project[];

  @Field(() => [Project], { description: 'Other projects of member organisations changed in the period.' })
  projectsChanged: Project[];

  @Field(() => Int, { description: 'Transactions recorded in the period on projects of member organisations.' })
  transactionsRecorded: number;

  @Field(() => [MoneyInCurrency], { description: 'Their amounts, per currency.' })
  fundingRecorded: MoneyInCurrency[];

  @Field(() => Int, { description: 'Activity reports of member organisations submitted in the period.' })
  reportsReceived: number;

  @Field(() => Int, { description: 'Activity reports of member organisations accepted in the period.' })
  reportsAccepted: number;

  @Field(() => [ActionItem], { description: 'Open action items of the body.' })
  openActionItems: ActionItem[];

  @Field(() => [ActionItem], { description: 'Open action items past their due date (at the end of the period).' })
  overdueActionItems: ActionItem[];

  @Field(() => [ActionItem], { description: 'Action items done or cancelled in the period.' })
  closedActionItems: ActionItem[];

  @Field(() => [AttendanceRecord], { description: "Each member's attendance at the last held meetings (up to 5)." })
  attendance: AttendanceRecord[];

  /** For the rendered page. */
  meeting: Meeting;
  body: CoordinationBody;
  members: Organisation[];
  quorum: Quorum;
}

const ATTENDANCE_WINDOW = 5;

type ProjectRow = { id: string; started: boolean; ended: boolean };
type MoneyRow = { currency: string; amount: string; transactions: string };
type AttendanceRow = { meeting_id: string; organisation_id: string; status: AttendanceStatus };

/**
 * Gathers the briefing in a handful of SQL statements (projects, money, reports, action items,
 * attendance), all scoped to the body's member organisations: the body and its members, the
 * period since the previous held meeting, what the members did in it, then the body's action
 * items and attendance.
 */
export async function buildBriefing(em: EntityManager, meeting: Meeting): Promise<MeetingBriefing> {
  const body = await em.findOneOrFail(CoordinationBody, meeting.body.id);
  const members = await currentMembers(em, body);
  const period = await briefingPeriod(em, meeting, body);
  const memberIds = members.map((organisation) => organisation.id);
  const [activity, actionItems, attendance, quorum] = [
    await membersActivity(em, memberIds, period),
    await em.find(ActionItem, { body }, { orderBy: { dueDate: 'asc', id: 'asc' } }),
    await attendanceRecords(em, meeting, body, members),
    await quorumOf(em, meeting, body),
  ];
  return Object.assign(new MeetingBriefing(), {
    meetingId: meeting.id,
    meeting,
    body,
    members,
    periodFrom: period.from,
    periodTo: period.to,
    ...activity,
    ...actionItemsOf(actionItems, period),
    attendance,
    quorum,
  });
}

async function currentMembers(em: EntityManager, body: CoordinationBody): Promise<Organisation[]> {
  const memberships = await em.find(Membership, { body, endDate: null }, { populate: ['organisation'] });
  return memberships.map((membership) => membership.organisation);
}

/** From the body's previous held meeting (if any) to the meeting's start, or now for a meeting still ahead. */
async function briefingPeriod(em: EntityManager, meeting: Meeting, body: CoordinationBody): Promise<BriefingPeriod> {
  const previous = await em.findOne(Meeting, { body, status: MeetingStatus.HELD, startsAt: { $lt: meeting.startsAt }, id: { $ne: meeting.id } }, { orderBy: { startsAt: 'desc' } });
  const from = previous?.startsAt ?? null;
  const to = meeting.startsAt < new Date() ? meeting.startsAt : new Date();
  return { from, to, fromDay: from ? from.toISOString().slice(0, 10) : '-infinity', toDay: to.toISOString().slice(0, 10) };
}

/** The members' projects started, ended and changed, money recorded and reports, in the period. */
async function membersActivity(em: EntityManager, memberIds: string[], period: BriefingPeriod) {
  const connection = em.getConnection();
  const [projectsSql, moneySql, reportsSql] = [briefingProjectsSql(memberIds, period), briefingMoneySql(memberIds, period), briefingReportsSql(memberIds, period)];
  const [projectRows, money, [reports]] = await Promise.all([
    connection.execute<ProjectRow[]>(projectsSql.sql, projectsSql.params),
    connection.execute<MoneyRow[]>(moneySql.sql, moneySql.params),
    connection.execute<{ received: string; accepted: string }[]>(reportsSql.sql, reportsSql.params),
  ]);
  const projects = new Map((await em.find(Project, { id: { $in: projectRows.map((row) => row.id) } })).map((project) => [project.id, project]));
  const projectsWhere = (keep: (row: ProjectRow) => boolean) => projectRows.filter(keep).map((row) => projects.get(row.id)!);
  return {
    projectsStarted: projectsWhere((row) => row.started),
    projectsEnded: projectsWhere((row) => row.ended),
    projectsChanged: projectsWhere((row) => !row.started && !row.ended),
    transactionsRecorded: money.reduce((sum, row) => sum + Number(row.transactions), 0),
    fundingRecorded: money.map((row) => Object.assign(new MoneyInCurrency(), { currency: row.currency, amount: row.amount })),
    reportsReceived: Number(reports.received),
    reportsAccepted: Number(reports.accepted),
  };
}

/** The body's open action items, those overdue at the end of the period, and those closed in it. */
function actionItemsOf(items: ActionItem[], period: BriefingPeriod) {
  const open = items.filter((item) => item.status === ActionItemStatus.OPEN);
  return {
    openActionItems: open,
    overdueActionItems: open.filter((item) => item.dueDate < period.toDay),
    closedActionItems: items.filter(
      (item) => item.status !== ActionItemStatus.OPEN && item.closedAt && (!period.from || item.closedAt > period.from) && item.closedAt <= period.to,
    ),
  };
}

/** Each member's attendance at the body's last held meetings (up to ATTENDANCE_WINDOW), oldest first. */
async function attendanceRecords(em: EntityManager, meeting: Meeting, body: CoordinationBody, members: Organisation[]): Promise<AttendanceRecord[]> {
  const lastHeld = await em.find(
    Meeting,
    { body, status: MeetingStatus.HELD, startsAt: { $lte: meeting.startsAt } },
    { orderBy: { startsAt: 'desc' }, limit: ATTENDANCE_WINDOW, populate: [] },
  );
  const rows = lastHeld.length
    ? await em.getConnection().execute<AttendanceRow[]>('select meeting_id, organisation_id, status from attendance where meeting_id in (?)', [lastHeld.map((held) => held.id)])
    : [];
  const chronological = [...lastHeld].reverse();
  return members.map((organisation) => {
    const record = chronological.map((held) => rows.find((row) => row.meeting_id === held.id && row.organisation_id === organisation.id)?.status ?? null);
    const lastTwo = record.slice(-2);
    return Object.assign(new AttendanceRecord(), {
      organisationId: organisation.id,
      lastMeetings: record,
      absentTwiceInARow: lastTwo.length === 2 && lastTwo.every((status) => status === AttendanceStatus.ABSENT),
    });
  });
}

/** Names in the briefing's language, for the rendered page. */
export function nameOf(text: { ky: string | null; ru: string | null; en: string | null }, language: Language): string {
  return pickTranslation(text, language) ?? '—';
}
