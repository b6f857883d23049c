import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessErrorCode, type Caller, forbidden, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, type PageWindow, pageByIds } from '../common/pagination';
import { TranslatedText } from '../common/translations.embeddable';
import { checkArgument, type InputRule } from '../common/input-rules';
import { badInput, checkPeriod, notFound } from '../common/validation';
import { AdminUnit, PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { checkReportFilterReferences } from '../analytics/analytics-checks';
import { findUnitsByCodes, requireUnit } from '../geography/admin-unit.service';
import { Organisation } from '../organisations/organisation.entity';
import { checkVersion } from '../organisations/organisation.service';
import { ProjectParticipant } from '../projects/project-participant.entity';
import { Project } from '../projects/project.entity';
import { requireProject } from '../projects/project.service';
import { Theme } from '../themes/theme.entity';
import { requireThemes } from '../themes/theme.service';
import { ActivityPlace, ActivityReport, ReportStatus } from './activity-report.entity';
import { ActivityErrorCode } from './activity.errors';
import { type CheckedReportFilter, reportConditionsSql, reportOrderSql, visibleStatuses } from './activity.sql';
import type { ActivityReportFilter, ActivityReportInput, ActivityReportOrder, ReviewInput, UpdateActivityReportInput } from './activity.inputs';

type Counts = Partial<Pick<ActivityReport, 'participantsTotal' | 'participantsWomen' | 'participantsMen' | 'participantsYouth'>>;

/** Checks head counts: none negative, women + men and youth within the total. */
export function checkParticipants(counts: Counts, prefix = 'input.'): void {
  for (const field of ['participantsTotal', 'participantsWomen', 'participantsMen', 'participantsYouth'] as const) {
    const value = counts[field];
    if (value != null && value < 0) throw badInput(ActivityErrorCode.NEGATIVE_COUNT, `\`${prefix}${field}\` cannot be negative.`, `${prefix}${field}`);
  }
  const { participantsTotal: total, participantsWomen: women, participantsMen: men, participantsYouth: youth } = counts;
  if (total == null) {
    if (women != null || men != null || youth != null) {
      throw badInput(ActivityErrorCode.TOTAL_REQUIRED, 'Give the total number of participants together with a breakdown.', `${prefix}participantsTotal`);
    }
    return;
  }
  if ((women ?? 0) + (men ?? 0) > total) {
    throw badInput(
      ActivityErrorCode.PARTICIPANTS_EXCEED_TOTAL,
      `Women (${women ?? 0}) and men (${men ?? 0}) add up to more than the total (${total}).`,
      `${prefix}participantsWomen`,
    );
  }
  if ((youth ?? 0) > total) {
    throw badInput(ActivityErrorCode.PARTICIPANTS_EXCEED_TOTAL, `Youth (${youth}) is more than the total (${total}).`, `${prefix}participantsYouth`);
  }
}

export function canSee(caller: Caller | null, report: ActivityReport): boolean {
  return visibleStatuses(caller).includes(report.status) || (caller?.organisationId != null && caller.organisationId === report.organisation.id);
}

export function reportById(ctx: RequestContext, id: string): Promise<ActivityReport | null> {
  return ctx.loaders.activities.reportById.load(id).then((report) => (report && canSee(ctx.caller, report) ? report : null));
}

/** Only ADMIN and the reporting organisation's editors write a report. */
function assertMayReportFor(caller: Caller | null, organisationId: string): void {
  if (caller?.role === Role.ADMIN) return;
  if (caller?.role === Role.PARTNER_EDITOR && caller.organisationId === organisationId) return;
  throw forbidden('A partner reports only for its own organisation.', AccessErrorCode.NOT_YOUR_ORGANISATION);
}

interface ResolvedPlaces {
  units: AdminUnit[];
  outside: Set<string>;
}

/** Finds the places' units and flags those outside the project's coverage (none inside or around). */
async function resolvePlaces(em: EntityManager, project: Project, unitCodes: string[], field: string): Promise<ResolvedPlaces> {
  const codes = [...new Set(unitCodes)];
  if (codes.length === 0) throw badInput(ActivityErrorCode.NO_PLACE, 'Give at least one place (an administrative unit code).', field);
  const byCode = await findUnitsByCodes(em, codes);
  const units = [...new Set(byCode.values())];
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    throw badInput('UNKNOWN_UNIT', `Unknown administrative unit code(s): ${unknown.join(', ')}. Look codes up with adminUnits.`, field);
  }
  const coverage = await em.find(AdminUnit, { code: { $in: (await project.coverage.load()).map((entry) => entry.unit.code) } });
  const related = (a: string, b: string) => a === b || a.startsWith(b + PATH_SEPARATOR) || b.startsWith(a + PATH_SEPARATOR);
  const outside = new Set(units.filter((unit) => !coverage.some((covered) => related(unit.path, covered.path))).map((unit) => unit.code));
  return { units, outside };
}

function setPlaces(em: EntityManager, report: ActivityReport, places: ResolvedPlaces): void {
  const wanted = new Map(places.units.map((unit) => [unit.code, unit]));
  for (const existing of report.places.getItems()) {
    if (wanted.delete(existing.unit.code)) existing.outsideCoverage = places.outside.has(existing.unit.code);
    else report.places.remove(existing);
  }
  for (const unit of wanted.values()) {
    report.places.add(em.create(ActivityPlace, { report, unit, outsideCoverage: places.outside.has(unit.code) }));
  }
}

async function reportingOrganisation(em: EntityManager, project: Project, organisationId: string): Promise<Organisation> {
  const participant = isUuid(organisationId) ? await em.findOne(ProjectParticipant, { project, organisation: organisationId }, { populate: ['organisation'] }) : null;
  if (!participant) {
    throw badInput(ActivityErrorCode.NOT_A_PARTICIPANT, 'The reporting organisation must take part in the project.', 'input.organisationId');
  }
  return participant.organisation;
}

/** An idempotency key: 1 to 200 characters, spaces around not counted. */
const IDEMPOTENCY_KEY: InputRule = {
  name: 'idempotencyKey',
  reason: 'INVALID_IDEMPOTENCY_KEY',
  test: (key) => typeof key === 'string' && key.trim().length >= 1 && key.trim().length <= 200,
  message: () => 'The idempotency key must have 1 to 200 characters.',
};

/** Builds a new report in `em` (flushed by the caller's transaction). */
async function buildReport(ctx: RequestContext, em: EntityManager, input: ActivityReportInput, status: ReportStatus): Promise<ActivityReport> {
  const project = await requireProject(em, input.projectId, 'input.projectId');
  const organisation = await reportingOrganisation(em, project, input.organisationId);
  const places = await resolvePlaces(em, project, input.unitCodes, 'input.unitCodes');
  const themes: Theme[] = input.themeCodes ? await requireThemes(em, input.themeCodes, 'input.themeCodes') : (await project.themes.load()).getItems();
  const report = em.create(ActivityReport, {
    project,
    organisation,
    type: input.type,
    title: TranslatedText.of(input.title),
    description: TranslatedText.of(input.description),
    startDate: input.startDate,
    endDate: input.endDate ?? input.startDate,
    participantsTotal: input.participantsTotal ?? null,
    participantsWomen: input.participantsWomen ?? null,
    participantsMen: input.participantsMen ?? null,
    participantsYouth: input.participantsYouth ?? null,
    outputs: input.outputs ?? [],
    links: input.links ?? [],
    status,
    ...(status === ReportStatus.SUBMITTED ? { submittedAt: new Date(), submittedBy: ctx.caller?.userId ?? null } : {}),
  });
  report.themes.set(themes);
  setPlaces(em, report, places);
  return report;
}

export async function createActivityReport(ctx: RequestContext, input: ActivityReportInput): Promise<ActivityReport> {
  checkParticipants(input);
  assertMayReportFor(ctx.caller, input.organisationId);
  return ctx.em.transactional((em) => buildReport(ctx, em, input, ReportStatus.DRAFT));
}

/** A stable fingerprint of a submission: the same report sent again hashes the same. */
function payloadHash(input: ActivityReportInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .filter((key) => (value as Record<string, unknown>)[key] != null)
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * Creates and submits a report exactly once per (organisation, key): a retry with the same
 * payload returns the report made the first time, a different payload under the same key is a
 * CONFLICT, and concurrent identical calls meet at the unique index.
 */
export async function submitActivityReport(ctx: RequestContext, input: ActivityReportInput, idempotencyKey: string): Promise<ActivityReport> {
  checkParticipants(input);
  assertMayReportFor(ctx.caller, input.organisationId);
  checkArgument(IDEMPOTENCY_KEY, idempotencyKey, 'idempotencyKey');
  const key = idempotencyKey.trim();
  const hash = payloadHash(input);
  const earlier = async () => {
    const report = await ctx.em.fork().findOne(ActivityReport, { organisation: input.organisationId, idempotencyKey: key });
    if (report && report.payloadHash !== hash) {
      throw new DomainError(
        ErrorKind.CONFLICT,
        ActivityErrorCode.IDEMPOTENCY_KEY_REUSED,
        'This idempotency key was already used for a different report. Use a new key for a new report.',
        'idempotencyKey',
      );
    }
    return report;
  };
  const existing = await earlier();
  if (existing) return existing;
  try {
    return await ctx.em.transactional(async (em) => {
      const report = await buildReport(ctx, em, input, ReportStatus.SUBMITTED);
      report.idempotencyKey = key;
      report.payloadHash = hash;
      return report;
    });
  } catch (error) {
    // A concurrent identical call committed first: answer with its report.
    if (error instanceof UniqueConstraintViolationException) {
      const winner = await earlier();
      if (winner) return winner;
    }
    throw error;
  }
}

async function editableReport(em: EntityManager, ctx: RequestContext, id: string, version: number | null | undefined): Promise<ActivityReport> {
  const report = isUuid(id) ? await em.findOne(ActivityReport, { id }) : null;
  // A partner learns nothing about reports that are not its organisation's, not even that they exist.
  if (ctx.caller?.role !== Role.ADMIN && report?.organisation.id !== ctx.caller?.organisationId) assertMayReportFor(ctx.caller, '');
  if (!report) throw notFound(ActivityErrorCode.REPORT_NOT_FOUND, 'No activity report has this id.', 'id');
  checkVersion(report.version, version, 'report');
  if (report.status !== ReportStatus.DRAFT && report.status !== ReportStatus.RETURNED) {
    throw new DomainError(
      ErrorKind.CONFLICT,
      ActivityErrorCode.REPORT_NOT_EDITABLE,
      `A ${report.status.toLowerCase()} report cannot be changed; only drafts and returned reports can.`,
    );
  }
  return report;
}

export async function updateActivityReport(ctx: RequestContext, id: string, input: UpdateActivityReportInput): Promise<ActivityReport> {
  return ctx.em.transactional(async (em) => {
    const report = await editableReport(em, ctx, id, input.version);
    const counts: Counts = {
      participantsTotal: input.participantsTotal !== undefined ? input.participantsTotal : report.participantsTotal,
      participantsWomen: input.participantsWomen !== undefined ? input.participantsWomen : report.participantsWomen,
      participantsMen: input.participantsMen !== undefined ? input.participantsMen : report.participantsMen,
      participantsYouth: input.participantsYouth !== undefined ? input.participantsYouth : report.participantsYouth,
    };
    checkParticipants(counts);
    const startDate = input.startDate ?? report.startDate;
    const endDate = input.endDate ?? (input.startDate && input.startDate > report.endDate ? input.startDate : report.endDate);
    // With the stored dates: the input's own pair is checked by `@NotBefore` before this runs.
    checkPeriod(startDate, endDate, 'input.endDate');
    if (input.unitCodes) {
      await report.places.init();
      setPlaces(em, report, await resolvePlaces(em, await em.findOneOrFail(Project, report.project.id), input.unitCodes, 'input.unitCodes'));
    }
    if (input.themeCodes) {
      const themes = await requireThemes(em, input.themeCodes, 'input.themeCodes');
      await report.themes.init();
      report.themes.set(themes);
    }
    Object.assign(report, counts, { startDate, endDate });
    if (input.type) report.type = input.type;
    if (input.title) report.title = TranslatedText.of(input.title);
    if (input.description !== undefined) report.description = TranslatedText.of(input.description);
    if (input.outputs !== undefined) report.outputs = input.outputs ?? [];
    if (input.links !== undefined) report.links = input.links ?? [];
    report.updatedAt = new Date();
    return report;
  });
}

/** DRAFT or RETURNED → SUBMITTED. */
export async function submitActivityReportDraft(ctx: RequestContext, id: string, version?: number | null): Promise<ActivityReport> {
  return ctx.em.transactional(async (em) => {
    const report = await editableReport(em, ctx, id, version);
    report.status = ReportStatus.SUBMITTED;
    report.submittedAt = new Date();
    report.submittedBy = ctx.caller?.userId ?? null;
    return report;
  });
}

/** SUBMITTED → ACCEPTED or RETURNED, by the secretariat. */
export async function reviewActivityReport(ctx: RequestContext, id: string, input: ReviewInput, outcome: ReportStatus.ACCEPTED | ReportStatus.RETURNED) {
  const comment = input.comment?.trim() || null;
  if (outcome === ReportStatus.RETURNED && !comment) {
    throw badInput(ActivityErrorCode.COMMENT_REQUIRED, 'Say what the partner should change: a comment is required to return a report.', 'input.comment');
  }
  return ctx.em.transactional(async (em) => {
    const report = isUuid(id) ? await em.findOne(ActivityReport, { id }) : null;
    if (!report) throw notFound(ActivityErrorCode.REPORT_NOT_FOUND, 'No activity report has this id.', 'id');
    checkVersion(report.version, input.version, 'report');
    if (report.status !== ReportStatus.SUBMITTED) {
      throw new DomainError(ErrorKind.CONFLICT, ActivityErrorCode.INVALID_TRANSITION, `Only submitted reports can be reviewed; this one is ${report.status}.`);
    }
    report.status = outcome;
    report.reviewComment = comment;
    report.reviewedAt = new Date();
    report.reviewedBy = ctx.caller?.userId ?? null;
    return report;
  });
}

/**
 * The references of an activity-report filter checked: an unknown project, organisation, theme or
 * unit is a BAD_USER_INPUT naming the field, as is a period ending before it starts.
 */
export async function checkReportFilter(ctx: RequestContext, filter: ActivityReportFilter | null | undefined): Promise<CheckedReportFilter> {
  await checkReportFilterReferences(ctx, filter);
  const unit = filter?.unitCode ? await requireUnit(ctx, filter.unitCode, 'filter.unitCode') : null;
  return { filter, unit };
}

/** Reports the caller may see, filtered, newest activity first unless `order` says otherwise. */
export async function listActivityReports(
  ctx: RequestContext,
  filter: ActivityReportFilter | null | undefined,
  window: PageWindow,
  order?: ActivityReportOrder | null,
): Promise<Connection<ActivityReport>> {
  const conditions = reportConditionsSql(ctx.caller, await checkReportFilter(ctx, filter));
  return pageByIds(ctx.em, { from: 'activity_report r', where: `where ${conditions.sql}`, params: conditions.params, orderBy: reportOrderSql(order), id: 'r.id' }, window, (ids) =>
    ctx.loaders.activities.reportById.loadMany(ids),
  );
}
