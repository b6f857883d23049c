import { Field, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { badInput, checkPeriod } from '../common/validation';
import { AdminLevel, PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { checkReportFilterReferences } from '../analytics/analytics-checks';
import { atOrInside, requireUnit } from '../geography/admin-unit.service';
import { ReportStatus } from './activity-report.entity';
import { ActivityErrorCode } from './activity.errors';
import { type ActivityCollisionFilter, type ActivityReportFilter, ActivitySummaryGroup } from './activity.inputs';
import { visibilitySql } from './activity.service';

@ObjectType({ description: 'Reports and people reached in one group of an activity summary.' })
export class ActivitySummaryRow {
  @Field({ description: 'The group: a unit code, theme code, month (YYYY-MM) or organisation id.' })
  key: string;

  @Field(() => Int, { description: 'Reports in the group.' })
  reports: number;

  @Field(() => Int, { description: 'Participants counted (reports without a count add nothing).' })
  participantsTotal: number;

  @Field(() => Int, { description: 'Of them women.' })
  participantsWomen: number;

  @Field(() => Int, { description: 'Of them men.' })
  participantsMen: number;

  @Field(() => Int, { description: 'Of them young people.' })
  participantsYouth: number;

  /** Set for grouping by unit, theme or organisation; resolved through loaders. */
  unitCode?: string;
  themeCode?: string;
  organisationId?: string;
}

@ObjectType({
  description:
    'Two organisations with activities of the same type or on a shared theme in the same place within a few days of each other: a coordination warning.',
})
export class ActivityCollision {
  /** Resolved through loaders. */
  unitCode: string;
  firstId: string;
  secondId: string;
  sharedThemeCodes: string[];

  @Field({ description: 'True when both activities are of the same type.' })
  sameType: boolean;

  @Field(() => Int, { description: 'Days between the two activities (0 when they overlap).' })
  daysApart: number;
}

const DEPTH_OF_LEVEL: Record<AdminLevel, number> = {
  [AdminLevel.COUNTRY]: 0,
  [AdminLevel.REGION]: 1,
  [AdminLevel.DISTRICT]: 2,
  [AdminLevel.MUNICIPALITY]: 3,
};

/** Shared WHERE for summaries: visibility, the filter, and ACCEPTED reports unless asked otherwise. */
async function reportConditions(ctx: RequestContext, filter: ActivityReportFilter | null | undefined): Promise<[string, unknown[]]> {
  const [visibility, params] = visibilitySql(ctx.caller);
  const conditions = [visibility, 'r.status in (?)'];
  params.push(filter?.status?.length ? filter.status : [ReportStatus.ACCEPTED]);
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  await checkReportFilterReferences(ctx, filter);
  if (filter?.projectId) add('r.project_id = ?', filter.projectId);
  if (filter?.organisationId) add('r.organisation_id = ?', filter.organisationId);
  if (filter?.types?.length) add('r.type in (?)', filter.types);
  if (filter?.themeCodes?.length) add('exists (select 1 from activity_report_theme t where t.report_id = r.id and t.theme_code in (?))', filter.themeCodes);
  if (filter?.period && (filter.period.from || filter.period.to)) {
    checkPeriod(filter.period.from, filter.period.to, 'filter.period.to');
    add(`daterange(r.start_date, r.end_date, '[]') && daterange(?::date, ?::date, '[]')`, filter.period.from ?? null, filter.period.to ?? null);
  }
  if (filter?.unitCode) {
    const unit = await requireUnit(ctx, filter.unitCode, 'filter.unitCode');
    const [inside, insideParams] = atOrInside('u2.path', unit);
    add(`exists (select 1 from activity_place p2 join admin_unit u2 on u2.code = p2.unit_code where p2.report_id = r.id and ${inside})`, ...insideParams);
  }
  return [conditions.join(' and '), params];
}

/**
 * Counts reports and sums people per group in one SQL statement. A report with places in two
 * units counts once in each; people are summed per report, not per place.
 */
export async function activitySummary(
  ctx: RequestContext,
  groupBy: ActivitySummaryGroup,
  level: AdminLevel | null | undefined,
  filter: ActivityReportFilter | null | undefined,
): Promise<ActivitySummaryRow[]> {
  const [conditions, params] = await reportConditions(ctx, filter);
  let groups: string;
  const groupParams: unknown[] = [];
  switch (groupBy) {
    case ActivitySummaryGroup.UNIT: {
      if (!level) throw badInput(ActivityErrorCode.INVALID_LEVEL, 'Grouping by unit needs a `level`.', 'level');
      // The ancestor of each place at the asked-for depth; places above that level are left out.
      groups = `select distinct p.report_id, split_part(u.path, '${PATH_SEPARATOR}', ?) as key
        from activity_place p join admin_unit u on u.code = p.unit_code where u.depth >= ?`;
      groupParams.push(DEPTH_OF_LEVEL[level] + 1, DEPTH_OF_LEVEL[level]);
      break;
    }
    case ActivitySummaryGroup.THEME:
      groups = 'select report_id, theme_code as key from activity_report_theme';
      break;
    case ActivitySummaryGroup.MONTH:
      groups = `select id as report_id, to_char(start_date, 'YYYY-MM') as key from activity_report`;
      break;
    default:
      groups = 'select id as report_id, organisation_id::text as key from activity_report';
  }
  const rows = await ctx.em.getConnection().execute<
    { key: string; reports: string; total: string; women: string; men: string; youth: string }[]
  >(
    `select g.key, count(*) as reports,
        coalesce(sum(r.participants_total), 0) as total, coalesce(sum(r.participants_women), 0) as women,
        coalesce(sum(r.participants_men), 0) as men, coalesce(sum(r.participants_youth), 0) as youth
      from (${groups}) g join activity_report r on r.id = g.report_id
      where ${conditions}
      group by g.key order by g.key`,
    [...groupParams, ...params],
  );
  return rows.map((row) =>
    Object.assign(new ActivitySummaryRow(), {
      key: row.key,
      reports: Number(row.reports),
      participantsTotal: Number(row.total),
      participantsWomen: Number(row.women),
      participantsMen: Number(row.men),
      participantsYouth: Number(row.youth),
      unitCode: groupBy === ActivitySummaryGroup.UNIT ? row.key : undefined,
      themeCode: groupBy === ActivitySummaryGroup.THEME ? row.key : undefined,
      organisationId: groupBy === ActivitySummaryGroup.ORGANISATION ? row.key : undefined,
    }),
  );
}

/**
 * Pairs of reports (drafts count as plans) of different organisations in the same place, of
 * the same type or sharing a theme, at most `withinDays` apart. One SQL self-join.
 */
export async function activityCollisions(ctx: RequestContext, filter: ActivityCollisionFilter | null | undefined): Promise<ActivityCollision[]> {
  const withinDays = filter?.withinDays ?? 14;
  if (withinDays < 0 || withinDays > 365) throw badInput('OUT_OF_RANGE', '`withinDays` must be between 0 and 365.', 'filter.withinDays');
  checkPeriod(filter?.from, filter?.to, 'filter.to');
  const [visibilityA, paramsA] = visibilitySql(ctx.caller);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter?.unitCode) {
    const unit = await requireUnit(ctx, filter.unitCode, 'filter.unitCode');
    const [inside, insideParams] = atOrInside('u.path', unit);
    conditions.push(inside);
    params.push(...insideParams);
  }
  if (filter?.from) {
    conditions.push('a.end_date >= ? and b.end_date >= ?');
    params.push(filter.from, filter.from);
  }
  if (filter?.to) {
    conditions.push('a.start_date <= ? and b.start_date <= ?');
    params.push(filter.to, filter.to);
  }
  const active = [ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.ACCEPTED];
  const rows = await ctx.em.getConnection().execute<
    { unit_code: string; first_id: string; second_id: string; same_type: boolean; days_apart: number; shared: string[] | null }[]
  >(
    `with visible as (select r.* from activity_report r where ${visibilityA} and r.status in (?))
     select pa.unit_code, a.id as first_id, b.id as second_id, a.type = b.type as same_type,
       greatest(0, b.start_date - a.end_date, a.start_date - b.end_date) as days_apart,
       array(select ta.theme_code from activity_report_theme ta join activity_report_theme tb
             on tb.theme_code = ta.theme_code and tb.report_id = b.id where ta.report_id = a.id order by 1) as shared
     from visible a
     join activity_place pa on pa.report_id = a.id
     join activity_place pb on pb.unit_code = pa.unit_code and pb.report_id <> a.id
     join visible b on b.id = pb.report_id and b.organisation_id <> a.organisation_id and a.id < b.id
     join admin_unit u on u.code = pa.unit_code
     where greatest(0, b.start_date - a.end_date, a.start_date - b.end_date) <= ?
       and (a.type = b.type or exists (select 1 from activity_report_theme ta join activity_report_theme tb
             on tb.theme_code = ta.theme_code and tb.report_id = b.id where ta.report_id = a.id))
       ${conditions.length ? `and ${conditions.join(' and ')}` : ''}
     order by days_apart, u.path, a.start_date, a.id, b.id
     limit 500`,
    [...paramsA, active, withinDays, ...params],
  );
  return rows.map((row) =>
    Object.assign(new ActivityCollision(), {
      unitCode: row.unit_code,
      firstId: row.first_id,
      secondId: row.second_id,
      sameType: row.same_type,
      daysApart: Number(row.days_apart),
      sharedThemeCodes: row.shared ?? [],
    }),
  );
}

