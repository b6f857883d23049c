import { Field, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { badInput } from '../common/validation';
import type { AdminLevel } from '../geography/admin-unit.entity';
import { requireUnit } from '../geography/admin-unit.service';
import { ReportStatus } from './activity-report.entity';
import { ActivityErrorCode } from './activity.errors';
import { type ActivityCollisionFilter, type ActivityReportFilter, ActivitySummaryGroup } from './activity.inputs';
import { activityCollisionsSql, activitySummarySql, reportConditionsSql } from './activity.sql';
import { checkReportFilter } from './activity.service';

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
  description: 'Two organisations with activities of the same type or on a shared theme in the same place within a few days of each other: a coordination warning.',
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
  const conditions = reportConditionsSql(ctx.caller, await checkReportFilter(ctx, filter), [ReportStatus.ACCEPTED]);
  if (groupBy === ActivitySummaryGroup.UNIT && !level) throw badInput(ActivityErrorCode.INVALID_LEVEL, 'Grouping by unit needs a `level`.', 'level');
  const statement = activitySummarySql(groupBy, level ?? null, conditions);
  const rows = await ctx.em.getConnection().execute<{ key: string; reports: string; total: string; women: string; men: string; youth: string }[]>(statement.sql, statement.params);
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
  const unit = filter?.unitCode ? await requireUnit(ctx, filter.unitCode, 'filter.unitCode') : null;
  const statement = activityCollisionsSql(ctx.caller, { withinDays, unit, from: filter?.from, to: filter?.to });
  const rows = await ctx.em
    .getConnection()
    .execute<{ unit_code: string; first_id: string; second_id: string; same_type: boolean; days_apart: number; shared: string[] | null }[]>(statement.sql, statement.params);
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
