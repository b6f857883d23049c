import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { Language, pickTranslation } from '../common/localized-text';
import { Decimal } from '../common/scalars';
import { CoordinationBody } from '../council/coordination-body.entity';
import { Membership } from '../council/membership.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';
import { ActionItem, ActionItemStatus, AttendanceStatus, Meeting, MeetingStatus } from './meeting.entity';
import { type Quorum, quorumOf } from './meeting.service';

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

  @Field({ description: 'End of the period: the meeting\'s start, or now for a meeting still ahead.' })
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

  @Field(() => [AttendanceRecord], { description: 'Each member\'s attendance at the last held meetings (up to 5).' })
  attendance: AttendanceRecord[];

  /** For the rendered page. */
  meeting: Meeting;
  body: CoordinationBody;
  members: Organisation[];
  quorum: Quorum;
}

const ATTENDANCE_WINDOW = 5;

/**
 * Gathers the briefing in a handful of SQL statements (projects, money, reports, action items,
 * attendance), all scoped to the body's member organisations.
 */
export async function buildBriefing(em: EntityManager, meeting: Meeting): Promise<MeetingBriefing> {
  const body = await em.findOneOrFail(CoordinationBody, meeting.body.id);
  const memberships = await em.find(Membership, { body, endDate: null }, { populate: ['organisation'] });
  const members = memberships.map((membership) => membership.organisation);
  const memberIds = members.map((organisation) => organisation.id);
  const previous = await em.findOne(
    Meeting,
    { body, status: MeetingStatus.HELD, startsAt: { $lt: meeting.startsAt }, id: { $ne: meeting.id } },
    { orderBy: { startsAt: 'desc' } },
  );
  const periodFrom = previous?.startsAt ?? null;
  const periodTo = meeting.startsAt < new Date() ? meeting.startsAt : new Date();
  const fromDay = periodFrom ? periodFrom.toISOString().slice(0, 10) : '-infinity';
  const toDay = periodTo.toISOString().slice(0, 10);
  const connection = em.getConnection();
  const anyMember = memberIds.length ? memberIds : ['00000000-0000-0000-0000-000000000000'];
  const memberProjects = 'select pp.project_id from project_participant pp where pp.organisation_id in (?)';

  const [projectRows, money, [reports]] = await Promise.all([
    connection.execute<{ id: string; started: boolean; ended: boolean }[]>(
      `select p.id,
         coalesce(p.actual_start, p.planned_start) between ?::date and ?::date as started,
         coalesce(p.actual_end, p.planned_end) between ?::date and ?::date as ended
       from project p
       where p.id in (${memberProjects})
         and (coalesce(p.actual_start, p.planned_start) between ?::date and ?::date
           or coalesce(p.actual_end, p.planned_end) between ?::date and ?::date
           or (p.updated_at > coalesce(?::timestamptz, '-infinity') and p.updated_at <= ?::timestamptz))
       order by p.id`,
      [fromDay, toDay, fromDay, toDay, anyMember, fromDay, toDay, fromDay, toDay, periodFrom, periodTo],
    ),
    connection.execute<{ currency: string; amount: string; transactions: string }[]>(
      `select currency, sum(amount)::text as amount, count(*) as transactions from funding_transaction
       where project_id in (${memberProjects}) and created_at > coalesce(?::timestamptz, '-infinity') and created_at <= ?::timestamptz
       group by currency order by currency`,
      [anyMember, periodFrom, periodTo],
    ),
    connection.execute<{ received: string; accepted: string }[]>(
      `select count(*) filter (where submitted_at > coalesce(?::timestamptz, '-infinity') and submitted_at <= ?::timestamptz) as received,
              count(*) filter (where status = 'ACCEPTED' and reviewed_at > coalesce(?::timestamptz, '-infinity') and reviewed_at <= ?::timestamptz) as accepted
       from activity_report where organisation_id in (?)`,
      [periodFrom, periodTo, periodFrom, periodTo, anyMember],
    ),
  ]);
  const projects = new Map((await em.find(Project, { id: { $in: projectRows.map((row) => row.id) } })).map((project) => [project.id, project]));
  const actionItems = await em.find(ActionItem, { body }, { orderBy: { dueDate: 'asc', id: 'asc' } });
  const lastHeld = await em.find(Meeting, { body, status: MeetingStatus.HELD, startsAt: { $lte: meeting.startsAt } }, { orderBy: { startsAt: 'desc' }, limit: ATTENDANCE_WINDOW, populate: [] });
  const attendanceRows = lastHeld.length
    ? await connection.execute<{ meeting_id: string; organisation_id: string; status: AttendanceStatus }[]>(
        'select meeting_id, organisation_id, status from attendance where meeting_id in (?)',
        [lastHeld.map((held) => held.id)],
      )
    : [];
  const chronological = [...lastHeld].reverse();

  const briefing = new MeetingBriefing();
  Object.assign(briefing, {
    meetingId: meeting.id,
    meeting,
    body,
    members,
    periodFrom,
    periodTo,
    projectsStarted: projectRows.filter((row) => row.started).map((row) => projects.get(row.id)!),
    projectsEnded: projectRows.filter((row) => row.ended).map((row) => projects.get(row.id)!),
    projectsChanged: projectRows.filter((row) => !row.started && !row.ended).map((row) => projects.get(row.id)!),
    transactionsRecorded: money.reduce((sum, row) => sum + Number(row.transactions), 0),
    fundingRecorded: money.map((row) => Object.assign(new MoneyInCurrency(), { currency: row.currency, amount: row.amount })),
    reportsReceived: Number(reports.received),
    reportsAccepted: Number(reports.accepted),
    openActionItems: actionItems.filter((item) => item.status === ActionItemStatus.OPEN),
    overdueActionItems: actionItems.filter((item) => item.status === ActionItemStatus.OPEN && item.dueDate < toDay),
    closedActionItems: actionItems.filter(
      (item) => item.status !== ActionItemStatus.OPEN && item.closedAt && (!periodFrom || item.closedAt > periodFrom) && item.closedAt <= periodTo,
    ),
    attendance: members.map((organisation) => {
      const record = chronological.map(
        (held) => attendanceRows.find((row) => row.meeting_id === held.id && row.organisation_id === organisation.id)?.status ?? null,
      );
      const lastTwo = record.slice(-2);
      return Object.assign(new AttendanceRecord(), {
        organisationId: organisation.id,
        lastMeetings: record,
        absentTwiceInARow: lastTwo.length === 2 && lastTwo.every((status) => status === AttendanceStatus.ABSENT),
      });
    }),
    quorum: await quorumOf(em, meeting, body),
  });
  return briefing;
}

/** Names in the briefing's language, for the rendered page. */
export function nameOf(text: { ky: string | null; ru: string | null; en: string | null }, language: Language): string {
  return pickTranslation(text, language) ?? '—';
}
