import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { found } from '../common/loaded';
import type { ThemeRecord } from '../themes/theme.loaders';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { ConnectionType, pageWindow } from '../common/pagination';
import { AdminLevel, AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';
import { ActivityCollision, activityCollisions, activitySummary, ActivitySummaryRow } from './activity-analytics';
import { ImportResult, importActivityReports } from './activity-import';
import { ActivityPlace, ActivityReport, ReportStatus } from './activity-report.entity';
import {
  ActivityCollisionFilter,
  ActivityReportFilter,
  ActivityReportInput,
  ActivityReportsArgs,
  ActivitySummaryGroup,
  ReviewInput,
  UpdateActivityReportInput,
} from './activity.inputs';
import * as activities from './activity.service';

@ObjectType({ description: 'A page of activity reports.' })
export class ActivityReportConnection extends ConnectionType('ActivityReport', () => ActivityReport, 'activity report') {}

async function themesByCode(ctx: RequestContext, codes: string[]): Promise<ThemeRecord[]> {
  return found(await ctx.loaders.themes.themeByCode.loadMany(codes));
}

const reportTitle = translatedField((report: ActivityReport) => report.title);

@Resolver(() => ActivityReport)
export class ActivityReportResolver {
  @Public()
  @Query(() => ActivityReportConnection, {
    description:
      'Activity reports, latest activity first unless `orderBy` says otherwise. Anonymous callers see accepted reports; partners also submitted ones and all of their own; the secretariat all.',
  })
  activityReports(@Args() args: ActivityReportsArgs, @Ctx() ctx: RequestContext) {
    return activities.listActivityReports(ctx, args.filter, pageWindow(args), args.orderBy);
  }

  @Public()
  @Query(() => ActivityReport, { nullable: true, description: 'The report with this id, or null when there is none you may see.' })
  activityReport(@Arg('id', () => ID, { description: 'Report id.' }) id: string, @Ctx() ctx: RequestContext) {
    return activities.reportById(ctx, id);
  }

  @Public()
  @Query(() => [ActivitySummaryRow], { description: 'Reports and people reached, grouped; accepted reports only unless `filter.status` says otherwise.' })
  activitySummary(
    @Arg('groupBy', () => ActivitySummaryGroup, { description: 'How to group.' }) groupBy: ActivitySummaryGroup,
    @Ctx() ctx: RequestContext,
    @Arg('level', () => AdminLevel, { nullable: true, description: 'With groupBy UNIT: the level of the units.' }) level?: AdminLevel | null,
    @Arg('filter', () => ActivityReportFilter, { nullable: true, description: 'Which reports count.' }) filter?: ActivityReportFilter | null,
  ) {
    return activitySummary(ctx, groupBy, level, filter);
  }

  @Query(() => [ActivityCollision], {
    description:
      'Coordination warnings: two organisations with activities (reported or planned as drafts) of the same type or on a shared theme in the same place within `withinDays` of each other. At most 500, closest first.',
  })
  activityCollisions(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ActivityCollisionFilter, { nullable: true, description: 'Where and when; default within 14 days anywhere.' }) filter?: ActivityCollisionFilter | null,
  ) {
    return activityCollisions(ctx, filter);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => ActivityReport, { description: 'Starts a DRAFT report (ADMIN; a PARTNER_EDITOR for its own organisation).' })
  createActivityReport(@Arg('input', { description: 'The report.' }) input: ActivityReportInput, @Ctx() ctx: RequestContext) {
    return activities.createActivityReport(ctx, input);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => ActivityReport, { description: 'Changes a DRAFT or RETURNED report of your organisation.' })
  updateActivityReport(
    @Arg('id', () => ID, { description: 'Report id.' }) id: string,
    @Arg('input', { description: 'What to change.' }) input: UpdateActivityReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return activities.updateActivityReport(ctx, id, input);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => ActivityReport, {
    description:
      'Creates and submits a report in one step, exactly once per idempotency key of your organisation: the same key with the same report returns the report made the first time; the same key with a different report is a CONFLICT.',
  })
  submitActivityReport(
    @Arg('input', { description: 'The report.' }) input: ActivityReportInput,
    @Arg('idempotencyKey', { description: 'A key you choose per report (e.g. a UUID), reused on retries.' }) idempotencyKey: string,
    @Ctx() ctx: RequestContext,
  ) {
    return activities.submitActivityReport(ctx, input, idempotencyKey);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => ActivityReport, { description: 'Submits a DRAFT or RETURNED report of your organisation for review.' })
  submitActivityReportDraft(
    @Arg('id', () => ID, { description: 'Report id.' }) id: string,
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true, description: 'The `version` you last read.' }) version?: number | null,
  ) {
    return activities.submitActivityReportDraft(ctx, id, version);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => ActivityReport, { description: 'Accepts a SUBMITTED report (ADMIN, SECRETARIAT); it becomes read-only and public.' })
  acceptActivityReport(
    @Arg('id', () => ID, { description: 'Report id.' }) id: string,
    @Arg('input', () => ReviewInput, { nullable: true, description: 'Optional note.' }) input: ReviewInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return activities.reviewActivityReport(ctx, id, input ?? {}, ReportStatus.ACCEPTED);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => ActivityReport, { description: 'Returns a SUBMITTED report to its partner with a comment (ADMIN, SECRETARIAT).' })
  returnActivityReport(
    @Arg('id', () => ID, { description: 'Report id.' }) id: string,
    @Arg('input', () => ReviewInput, { description: 'The comment (required).' }) input: ReviewInput,
    @Ctx() ctx: RequestContext,
  ) {
    return activities.reviewActivityReport(ctx, id, input, ReportStatus.RETURNED);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => ImportResult, {
    description: 'Imports activity reports from CSV (template in the README) as SUBMITTED reports: every row is checked, and nothing is written unless all are valid.',
  })
  importActivityReports(
    @Arg('csv', { description: 'The CSV text, UTF-8, comma-separated, with the template header.' }) csv: string,
    @Arg('dryRun', { defaultValue: false, description: 'Only check the file.' }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return importActivityReports(ctx, csv, dryRun);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Title in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(reportTitle)
  title(
    @Root() report: ActivityReport,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return reportTitle(report, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Title in Kyrgyz, Russian and English.' })
  titles(@Root() report: ActivityReport, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(report.title, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'What happened.' })
  description(@Root() report: ActivityReport, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(report.description, ctx.language);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project.' })
  project(@Root() report: ActivityReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.projects.projectById.load(report.project.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The reporting organisation.' })
  organisation(@Root() report: ActivityReport, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, report.organisation.id);
  }

  @FieldResolver(() => [ActivityPlace], { description: 'Where it happened.' })
  places(@Root() report: ActivityReport, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activities.placesOf.load(report.id);
  }

  @FieldResolver(() => [Theme], { description: 'Themes of the activity.' })
  async themes(@Root() report: ActivityReport, @Ctx() ctx: RequestContext) {
    return themesByCode(ctx, await ctx.loaders.activities.themeCodesOf.load(report.id));
  }
}

@Resolver(() => ActivityPlace)
export class ActivityPlaceResolver {
  @FieldResolver(() => AdminUnit, { description: 'The administrative unit.' })
  unit(@Root() place: ActivityPlace, @Ctx() ctx: RequestContext) {
    return ctx.loaders.geography.unitByCode.load(place.unit.code);
  }
}

@Resolver(() => ActivitySummaryRow)
export class ActivitySummaryRowResolver {
  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The unit (grouping by UNIT).' })
  unit(@Root() row: ActivitySummaryRow, @Ctx() ctx: RequestContext) {
    return row.unitCode ? ctx.loaders.geography.unitByCode.load(row.unitCode) : null;
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The theme (grouping by THEME).' })
  theme(@Root() row: ActivitySummaryRow, @Ctx() ctx: RequestContext) {
    return row.themeCode ? ctx.loaders.themes.themeByCode.load(row.themeCode) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation (grouping by ORGANISATION).' })
  organisation(@Root() row: ActivitySummaryRow, @Ctx() ctx: RequestContext) {
    return row.organisationId ? organisationById(ctx, row.organisationId) : null;
  }
}

@Resolver(() => ActivityCollision)
export class ActivityCollisionResolver {
  @FieldResolver(() => AdminUnit, { description: 'Where both activities take place.' })
  unit(@Root() collision: ActivityCollision, @Ctx() ctx: RequestContext) {
    return ctx.loaders.geography.unitByCode.load(collision.unitCode);
  }

  @FieldResolver(() => ActivityReport, { description: 'The earlier-listed activity.' })
  first(@Root() collision: ActivityCollision, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activities.reportById.load(collision.firstId);
  }

  @FieldResolver(() => ActivityReport, { description: 'The other activity.' })
  second(@Root() collision: ActivityCollision, @Ctx() ctx: RequestContext) {
    return ctx.loaders.activities.reportById.load(collision.secondId);
  }

  @FieldResolver(() => [Theme], { description: 'Themes both activities share.' })
  sharedThemes(@Root() collision: ActivityCollision, @Ctx() ctx: RequestContext) {
    return themesByCode(ctx, collision.sharedThemeCodes);
  }
}
