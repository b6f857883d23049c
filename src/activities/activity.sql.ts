import { type Caller, isStaff } from '../common/access';
import { type Sql, sql, sqlJoin, sqlText } from '../common/sql';
import { AdminLevel, PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { atOrInsideSql } from '../geography/admin-unit.sql';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { SortDirection } from '../projects/project.inputs';
import { ReportStatus } from './activity-report.entity';
import { type ActivityReportFilter, type ActivityReportOrder, ActivityReportOrderField, ActivitySummaryGroup } from './activity.inputs';

/** Statuses of other organisations' reports a caller may see. */
export function visibleStatuses(caller: Caller | null): ReportStatus[] {
  if (isStaff(caller)) return Object.values(ReportStatus);
  return caller ? [ReportStatus.ACCEPTED, ReportStatus.SUBMITTED] : [ReportStatus.ACCEPTED];
}

/** Reports (alias `r`) the caller may see: the visible statuses, and all of its own organisation's. */
export function visibilitySql(caller: Caller | null): Sql {
  const statuses = visibleStatuses(caller);
  if (caller?.organisationId) return sql`(r.status in (${statuses}) or r.organisation_id = ${caller.organisationId})`;
  return sql`r.status in (${statuses})`;
}

/** An activity-report filter whose project, organisation, themes, period and unit were checked (activity.service.ts). */
export interface CheckedReportFilter {
  filter: ActivityReportFilter | null | undefined;
  unit: AdminUnitRecord | null;
}

/**
 * The one condition of report lists and summaries on `r`: what the caller may see, then the
 * filter. `defaultStatus` applies when the filter names no status (summaries count ACCEPTED
 * reports; lists show every visible one). Places are matched in the unit tree by path.
 */
export function reportConditionsSql(caller: Caller | null, checked: CheckedReportFilter, defaultStatus: ReportStatus[] | null = null): Sql {
  const { filter, unit } = checked;
  const status = filter?.status?.length ? filter.status : defaultStatus;
  const period = filter?.period && (filter.period.from || filter.period.to) ? filter.period : null;
  const none = sqlText('');
  return sqlJoin(
    [
      visibilitySql(caller),
      status ? sql`r.status in (${status})` : none,
      filter?.projectId ? sql`r.project_id = ${filter.projectId}` : none,
      filter?.organisationId ? sql`r.organisation_id = ${filter.organisationId}` : none,
      filter?.types?.length ? sql`r.type in (${filter.types})` : none,
      filter?.themeCodes?.length ? sql`exists (select 1 from activity_report_theme rt where rt.report_id = r.id and rt.theme_code in (${filter.themeCodes}))` : none,
      period ? sql`daterange(r.start_date, r.end_date, '[]') && daterange(${period.from ?? null}::date, ${period.to ?? null}::date, '[]')` : none,
      unit
        ? sql`exists (select 1 from activity_place rp join admin_unit ru on ru.code = rp.unit_code where rp.report_id = r.id and ${atOrInsideSql(sqlText('ru.path'), unit)})`
        : none,
    ],
    ' and ',
  );
}

/** The SQL order of a report list (alias `r`); ties broken by id so pages never overlap. */
export function reportOrderSql(order: ActivityReportOrder | null | undefined): string {
  const direction = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  switch (order?.field) {
    case ActivityReportOrderField.START_DATE:
      return `r.start_date ${direction}, r.id`;
    case ActivityReportOrderField.SUBMITTED_AT:
      return `r.submitted_at ${direction} nulls last, r.id`;
    case ActivityReportOrderField.UPDATED_AT:
      return `r.updated_at ${direction}, r.id`;
    default:
      return 'r.start_date desc, r.id';
  }
}

const DEPTH_OF_LEVEL: Record<AdminLevel, number> = {
  [AdminLevel.COUNTRY]: 0,
  [AdminLevel.REGION]: 1,
  [AdminLevel.DISTRICT]: 2,
  [AdminLevel.MUNICIPALITY]: 3,
};

/** (report_id, key) pairs of a grouping; by unit, the ancestor of each place at the level's depth (places above it are left out). */
function summaryGroupsSql(groupBy: ActivitySummaryGroup, level: AdminLevel | null): Sql {
  switch (groupBy) {
    case ActivitySummaryGroup.UNIT: {
      const depth = DEPTH_OF_LEVEL[level ?? AdminLevel.COUNTRY];
      return sql`select distinct p.report_id, split_part(u.path, '${sqlText(PATH_SEPARATOR)}', ${depth + 1}) as key
        from activity_place p join admin_unit u on u.code = p.unit_code where u.depth >= ${depth}`;
    }
    case ActivitySummaryGroup.THEME:
      return sqlText('select report_id, theme_code as key from activity_report_theme');
    case ActivitySummaryGroup.MONTH:
      return sqlText(`select id as report_id, to_char(start_date, 'YYYY-MM') as key from activity_report`);
    default:
      return sqlText('select id as report_id, organisation_id::text as key from activity_report');
  }
}

/** Reports and people per group, in one statement. A report with places in two units counts once in each. */
export function activitySummarySql(groupBy: ActivitySummaryGroup, level: AdminLevel | null, conditions: Sql): Sql {
  return sql`select g.key, count(*) as reports,
        coalesce(sum(r.participants_total), 0) as total, coalesce(sum(r.participants_women), 0) as women,
        coalesce(sum(r.participants_men), 0) as men, coalesce(sum(r.participants_youth), 0) as youth
      from (${summaryGroupsSql(groupBy, level)}) g join activity_report r on r.id = g.report_id
      where ${conditions}
      group by g.key order by g.key`;
}

export interface CollisionQuery {
  withinDays: number;
  unit: AdminUnitRecord | null;
  from?: string | null;
  to?: string | null;
}

/**
 * Pairs of visible reports (drafts count as plans) of different organisations in the same place,
 * of the same type or sharing a theme, at most `withinDays` apart: one self-join, closest first.
 */
export function activityCollisionsSql(caller: Caller | null, query: CollisionQuery): Sql {
  const active = [ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.ACCEPTED];
  const conditions = sqlJoin(
    [
      query.unit ? atOrInsideSql(sqlText('u.path'), query.unit) : sqlText(''),
      query.from ? sql`a.end_date >= ${query.from} and b.end_date >= ${query.from}` : sqlText(''),
      query.to ? sql`a.start_date <= ${query.to} and b.start_date <= ${query.to}` : sqlText(''),
    ],
    ' and ',
  );
  return sql`with visible as (select r.* from activity_report r where ${visibilitySql(caller)} and r.status in (${active}))
     select pa.unit_code, a.id as first_id, b.id as second_id, a.type = b.type as same_type,
       greatest(0, b.start_date - a.end_date, a.start_date - b.end_date) as days_apart,
       array(select ta.theme_code from activity_report_theme ta join activity_report_theme tb
             on tb.theme_code = ta.theme_code and tb.report_id = b.id where ta.report_id = a.id order by 1) as shared
     from visible a
     join activity_place pa on pa.report_id = a.id
     join activity_place pb on pb.unit_code = pa.unit_code and pb.report_id <> a.id
     join visible b on b.id = pb.report_id and b.organisation_id <> a.organisation_id and a.id < b.id
     join admin_unit u on u.code = pa.unit_code
     where greatest(0, b.start_date - a.end_date, a.start_date - b.end_date) <= ${query.withinDays}
       and (a.type = b.type or exists (select 1 from activity_report_theme ta join activity_report_theme tb
             on tb.theme_code = ta.theme_code and tb.report_id = b.id where ta.report_id = a.id))
       ${conditions.isEmpty ? sqlText('') : sql`and ${conditions}`}
     order by days_apart, u.path, a.start_date, a.id, b.id
     limit 500`;
}
