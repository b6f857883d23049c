import { type Sql, sql } from '../../common/sql';

/** The period of a briefing: from the previous held meeting (null: none) to the meeting or now, as instants and days. */
export interface BriefingPeriod {
  from: Date | null;
  to: Date;
  fromDay: string;
  toDay: string;
}

const NOBODY = '00000000-0000-0000-0000-000000000000';

function memberProjects(memberIds: string[]): Sql {
  return sql`select pp.project_id from project_participant pp where pp.organisation_id in (${memberIds.length ? memberIds : [NOBODY]})`;
}

/** Projects of the members that started, ended or changed in the period, with which of the first two. */
export function briefingProjectsSql(memberIds: string[], period: BriefingPeriod): Sql {
  const { fromDay, toDay } = period;
  return sql`select p.id,
         coalesce(p.actual_start, p.planned_start) between ${fromDay}::date and ${toDay}::date as started,
         coalesce(p.actual_end, p.planned_end) between ${fromDay}::date and ${toDay}::date as ended
       from project p
       where p.id in (${memberProjects(memberIds)})
         and (coalesce(p.actual_start, p.planned_start) between ${fromDay}::date and ${toDay}::date
           or coalesce(p.actual_end, p.planned_end) between ${fromDay}::date and ${toDay}::date
           or (p.updated_at > coalesce(${period.from}::timestamptz, '-infinity') and p.updated_at <= ${period.to}::timestamptz))
       order by p.id`;
}

/** Transactions recorded in the period on the members' projects: count and sum per currency. */
export function briefingMoneySql(memberIds: string[], period: BriefingPeriod): Sql {
  return sql`select currency, sum(amount)::text as amount, count(*) as transactions from funding_transaction
       where project_id in (${memberProjects(memberIds)}) and created_at > coalesce(${period.from}::timestamptz, '-infinity') and created_at <= ${period.to}::timestamptz
       group by currency order by currency`;
}

/** The members' activity reports received and accepted in the period. */
export function briefingReportsSql(memberIds: string[], period: BriefingPeriod): Sql {
  const { from, to } = period;
  return sql`select count(*) filter (where submitted_at > coalesce(${from}::timestamptz, '-infinity') and submitted_at <= ${to}::timestamptz) as received,
              count(*) filter (where status = 'ACCEPTED' and reviewed_at > coalesce(${from}::timestamptz, '-infinity') and reviewed_at <= ${to}::timestamptz) as accepted
       from activity_report where organisation_id in (${memberIds.length ? memberIds : [NOBODY]})`;
}
