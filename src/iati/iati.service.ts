import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { groupByKeys } from '../common/group-by';
import { leanRowsByKey } from '../common/lean-rows';
import { badInput } from '../common/validation';
import { isUuid } from '../common/ids';
import { found } from '../common/loaded';
import type { Translations } from '../common/localized-text';
import type { IatiPublisher } from '../config/config';
import { Budget } from '../funding/budget.entity';
import { FundingTransaction, IATI_TRANSACTION_TYPE } from '../funding/transaction.entity';
import { AdminLevel } from '../geography/admin-unit.entity';
import { requireUnit } from '../geography/admin-unit.service';
import { createGeographyLoaders } from '../geography/geography.loaders';
import { IATI_ORGANISATION_TYPE, Organisation } from '../organisations/organisation.entity';
import { createOrganisationLoaders } from '../organisations/organisation.loaders';
import { IATI_ORGANISATION_ROLE } from '../projects/project-participant.entity';
import { IATI_ACTIVITY_STATUS } from '../projects/project.entity';
import { createProjectLoaders, type ProjectRecord } from '../projects/project.loaders';
import { Theme } from '../themes/theme.entity';
import { activityXml, DOCUMENT_END, documentStart, evenPercentages, type IatiActivity, type IatiOrganisation, type IatiSector } from './activity-xml';
import { centroidOf } from './geometry';
import { IatiErrorCode, type IatiSkipReason, SKIP_REASON_MESSAGES } from './iati.errors';
import { batchSql, type ClassifiedProject, countSql, type ExportScope } from './iati.sql';

/** Projects read per batch: the memory an export holds does not grow with the number of projects. */
export const EXPORT_BATCH_SIZE = 500;

/** About how much text the file is written in at a time. */
const PIECE_LENGTH = 64 * 1024;

/** The query parameters of /iati/activities.xml and /iati/activities-report.json. */
export const EXPORT_PARAMETERS = ['organisation', 'reportingOrg', 'updatedSince', 'unit'] as const;
export type ExportParameters = Partial<Record<(typeof EXPORT_PARAMETERS)[number], string>>;

const FEATURE_DESIGNATION: Partial<Record<AdminLevel, string>> = {
  [AdminLevel.REGION]: 'ADM1',
  [AdminLevel.DISTRICT]: 'ADM2',
  [AdminLevel.MUNICIPALITY]: 'ADM3',
};

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An ISO 8601 date-time (`2026-03-01T08:00:00Z`, `…+06:00`; without an offset, UTC) or a date
 * (midnight UTC), checked against the calendar; null when it is not one.
 */
export function parseDateTime(value: string): Date | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return null;
  const instant = new Date(match[4] ? `${value.trim()}${offset ? '' : 'Z'}` : `${value.trim()}T00:00:00Z`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** The id of the organisation with this id or IATI organisation identifier, or BAD_USER_INPUT on `field`. */
async function organisationNamed(ctx: RequestContext, given: string, field: string): Promise<string> {
  const value = given.trim();
  const organisation = isUuid(value) ? await ctx.loaders.organisations.organisationById.load(value) : await ctx.em.findOne(Organisation, { iatiIdentifier: value });
  if (!organisation) throw badInput(IatiErrorCode.UNKNOWN_ORGANISATION, `\`${field}\`: no organisation has the id or IATI identifier "${value}".`, field);
  return organisation.id;
}

/**
 * The export's scope from its query parameters: an unknown organisation (by id or IATI
 * identifier) or unit, or a date-time that is not one, is a BAD_USER_INPUT naming the parameter.
 */
export async function exportScope(ctx: RequestContext, parameters: ExportParameters, publisher: IatiPublisher | null): Promise<ExportScope> {
  // The routes checked it (ExportQuery's @DateTime()).
  const updatedSince = parameters.updatedSince ? parseDateTime(parameters.updatedSince) : null;
  const organisationId = parameters.organisation ? await organisationNamed(ctx, parameters.organisation, 'organisation') : null;
  const reportingOrg = parameters.reportingOrg?.trim();
  const reporter = !reportingOrg ? null : reportingOrg === publisher?.ref ? 'HUB' : await organisationNamed(ctx, reportingOrg, 'reportingOrg');
  const unit = parameters.unit ? await requireUnit(ctx, parameters.unit.trim(), 'unit') : null;
  return { organisationId, reporter, updatedSince, unit, publisherRef: publisher?.ref ?? null, today: new Date().toISOString().slice(0, 10) };
}

export async function exportCounts(ctx: RequestContext, scope: ExportScope): Promise<{ exported: number; skipped: number }> {
  const statement = countSql(scope);
  const [row] = await ctx.em.getConnection().execute<{ exported: string; skipped: string }[]>(statement.sql, statement.params);
  return { exported: Number(row.exported), skipped: Number(row.skipped) };
}

/**
 * Batches of the scope's exported or skipped projects in id order, each read on its own
 * EntityManager with loaders of its own, so nothing accumulates from one batch to the next.
 * Each step reads the next `batchSize` projects of the scope and keeps those of `which`.
 */
async function* batches(ctx: RequestContext, scope: ExportScope, which: 'exported' | 'skipped', batchSize: number) {
  let after: string | null = null;
  for (;;) {
    const em = ctx.em.fork();
    const statement = batchSql(scope, after, batchSize);
    const scanned = await em.getConnection().execute<ClassifiedProject[]>(statement.sql, statement.params);
    const rows = scanned.filter((row) => (row.reasons.length === 0) === (which === 'exported'));
    if (rows.length > 0) yield { rows, em, loaders: batchLoaders(em) };
    if (scanned.length < batchSize) return;
    after = scanned[scanned.length - 1].id;
  }
}

/** Loaders of one batch, on the batch's own EntityManager (so a batch's rows can be let go). */
function batchLoaders(em: EntityManager) {
  return { projects: createProjectLoaders(em), geography: createGeographyLoaders(em), organisations: createOrganisationLoaders(em) };
}

type BatchLoaders = ReturnType<typeof batchLoaders>;
type BudgetRow = Omit<Budget, 'project'> & { project: { id: string } };
type TransactionRow = Omit<FundingTransaction, 'project' | 'provider' | 'receiver'> & { project: { id: string }; provider: { id: string } | null; receiver: { id: string } | null };
type OrganisationRow = Omit<Organisation, 'name'> & { name: Translations };

/** Lean rows of an entity by a column, one statement (none for no keys). */
function leanRows<T>(em: EntityManager, entity: string, column: string, keys: string[]): Promise<T[]> {
  return keys.length ? leanRowsByKey<T>(em, entity, column, keys) : Promise.resolve([]);
}

function sortBy<T>(rows: T[], key: (row: T) => string): T[] {
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function iatiOrganisation(organisation: OrganisationRow): IatiOrganisation {
  return {
    ref: organisation.iatiIdentifier,
    type: IATI_ORGANISATION_TYPE[organisation.kind].code,
    names: { ky: organisation.name.ky, ru: organisation.name.ru, en: organisation.name.en },
  };
}

function isoDate(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function sectors(themeCodes: string[], themes: Map<string, Theme>): IatiSector[] {
  const projectThemes = themeCodes.map((code) => themes.get(code)).filter((theme): theme is Theme => !!theme);
  const dacCodes = [...new Set(projectThemes.flatMap((theme) => theme.dacCodes))];
  const dacShares = evenPercentages(dacCodes.length);
  const themeShares = evenPercentages(projectThemes.length);
  return [
    ...dacCodes.map((code, index): IatiSector => ({ vocabulary: '1', code, percentage: dacShares[index] })),
    ...projectThemes.map((theme, index): IatiSector => ({
      vocabulary: '99',
      code: theme.code,
      percentage: themeShares[index],
      names: { ky: theme.name.ky, ru: theme.name.ru, en: theme.name.en },
    })),
  ];
}

/** Everything a batch of exported projects needs, in a fixed number of statements (one per relation). */
async function readBatch(em: EntityManager, loaders: BatchLoaders, rows: ClassifiedProject[], centroids: Map<string, [number, number] | null>) {
  const ids = rows.map((row) => row.id);
  const projects = found(await loaders.projects.projectById.loadMany(ids));
  const participants = found(await loaders.projects.participantsOf.loadMany(ids));
  const coverage = found(await loaders.projects.coverageOf.loadMany(ids));
  const themeCodes = found(await loaders.projects.themeCodesOf.loadMany(ids));
  // Budgets, transactions and organisations as lean rows (src/common/lean-rows.ts): a batch
  // holds thousands, and managed entities cost more to build and track than the statements.
  const budgets = groupByKeys(
    ids,
    sortBy(await leanRows<BudgetRow>(em, Budget.name, 'project_id', ids), (budget) => `${budget.periodStart}|${budget.id}`),
    (budget) => budget.project.id,
  );
  const transactions = groupByKeys(
    ids,
    sortBy(await leanRows<TransactionRow>(em, FundingTransaction.name, 'project_id', ids), (transaction) => `${transaction.valueDate}|${transaction.id}`),
    (transaction) => transaction.project.id,
  );
  const organisationIds = new Set<string>();
  for (const list of participants) for (const participant of list) organisationIds.add(participant.organisationId);
  for (const list of transactions) {
    for (const transaction of list) {
      if (transaction.provider) organisationIds.add(transaction.provider.id);
      if (transaction.receiver) organisationIds.add(transaction.receiver.id);
    }
  }
  const organisations = new Map((await leanRows<OrganisationRow>(em, Organisation.name, 'id', [...organisationIds])).map((organisation) => [organisation.id, organisation]));
  const unitCodes = [...new Set(coverage.flat().map((entry) => entry.unitCode))];
  const units = new Map(found(await loaders.geography.unitByCode.loadMany(unitCodes)).map((unit) => [unit.code, unit]));
  // Boundaries only of units this export has not met yet: at most every unit with one, once.
  const unmet = unitCodes.filter((code) => !centroids.has(code) && units.get(code)?.level !== AdminLevel.COUNTRY);
  const geometries = await loaders.geography.geometryOf.loadMany(unmet);
  unmet.forEach((code, index) => {
    const geometry = geometries[index];
    centroids.set(code, geometry instanceof Error ? null : centroidOf(geometry));
  });
  const byId = new Map(projects.map((project) => [project.id, project]));
  return rows.map((row, index) => ({
    row,
    project: byId.get(row.id)!,
    participants: participants[index],
    coverage: coverage[index],
    themeCodes: themeCodes[index],
    budgets: budgets[index],
    transactions: transactions[index],
    organisations,
    units,
  }));
}

type ProjectData = Awaited<ReturnType<typeof readBatch>>[number];

/** One exported project in IATI's terms (the rules are in README, "IATI export"). */
function toActivity(data: ProjectData, today: string, publisher: IatiPublisher | null, themes: Map<string, Theme>, centroids: Map<string, [number, number] | null>): IatiActivity {
  const { row, project, organisations } = data;
  const reporter = row.reporterId ? organisations.get(row.reporterId) : null;
  const reportingOrg = reporter
    ? { ...iatiOrganisation(reporter), ref: reporter.iatiIdentifier!, secondaryReporter: false }
    : { ref: publisher!.ref, type: publisher!.type, names: { text: publisher!.name }, secondaryReporter: true };
  const roleOrder = (role: string) => Number(IATI_ORGANISATION_ROLE[role as keyof typeof IATI_ORGANISATION_ROLE]);
  const participants = [...data.participants]
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.organisationId.localeCompare(b.organisationId))
    .map((participant) => ({ role: IATI_ORGANISATION_ROLE[participant.role], organisation: iatiOrganisation(organisations.get(participant.organisationId)!) }));
  const actual = (value: string | null) => (value && value <= today ? value : null);
  const dates = [
    { type: '1', isoDate: isoDate(project.plannedStart) },
    { type: '2', isoDate: actual(isoDate(project.actualStart)) },
    { type: '3', isoDate: isoDate(project.plannedEnd) },
    { type: '4', isoDate: actual(isoDate(project.actualEnd)) },
  ].filter((date): date is { type: string; isoDate: string } => !!date.isoDate);
  const locations = data.coverage.flatMap((entry) => {
    const unit = data.units.get(entry.unitCode);
    const featureDesignation = unit ? FEATURE_DESIGNATION[unit.level] : undefined;
    if (!unit || !featureDesignation) return [];
    return [{ ref: unit.code, names: { ky: unit.nameKy, ru: unit.nameRu, en: unit.nameEn }, point: centroids.get(unit.code) ?? null, featureDesignation }];
  });
  const currencies = new Set([...data.budgets.map((budget) => budget.currency), ...data.transactions.map((transaction) => transaction.currency)]);
  const organisationOf = (reference: { id: string } | null) => {
    const organisation = reference ? organisations.get(reference.id) : undefined;
    return organisation ? iatiOrganisation(organisation) : null;
  };
  // The latest change to the record: the project, or one of its budgets or transactions.
  const lastUpdated = Math.max(...[project, ...data.budgets, ...data.transactions].map((record) => new Date(record.updatedAt).getTime()));
  return {
    identifier: project.iatiIdentifier ?? `${reportingOrg.ref}-${project.id}`,
    lastUpdated: new Date(lastUpdated),
    defaultCurrency: currencies.size === 1 ? [...currencies][0] : null,
    reportingOrg,
    title: project.title,
    description: project.description,
    objectives: project.objectives,
    participants,
    status: IATI_ACTIVITY_STATUS[project.status],
    dates,
    locations,
    sectors: sectors(data.themeCodes, themes),
    budgets: data.budgets.map((budget) => ({
      type: budget.revised ? '2' : '1',
      periodStart: isoDate(budget.periodStart)!,
      periodEnd: isoDate(budget.periodEnd)!,
      amount: budget.amount,
      currency: budget.currency,
    })),
    transactions: data.transactions.map((transaction) => ({
      type: IATI_TRANSACTION_TYPE[transaction.type],
      date: isoDate(transaction.valueDate)!,
      amount: transaction.amount,
      currency: transaction.currency,
      provider: organisationOf(transaction.provider),
      receiver: organisationOf(transaction.receiver),
    })),
  };
}

/**
 * The IATI activity file of the scope, piece by piece: the opening, each exported project's
 * `iati-activity`, the end. The caller writes each piece as it comes.
 */
export async function* iatiActivitiesDocument(ctx: RequestContext, scope: ExportScope, publisher: IatiPublisher | null, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<string> {
  yield documentStart(new Date());
  const themes = new Map((await ctx.em.fork().find(Theme, {})).map((theme) => [theme.code, theme]));
  const centroids = new Map<string, [number, number] | null>();
  // Activities go out in pieces of about 64 KiB: one socket write per activity cost more than writing them.
  let piece = '';
  for await (const { rows, em, loaders } of batches(ctx, scope, 'exported', batchSize)) {
    for (const data of await readBatch(em, loaders, rows, centroids)) {
      piece += `${activityXml(toActivity(data, scope.today, publisher, themes, centroids))}\n`;
      if (piece.length >= PIECE_LENGTH) {
        yield piece;
        piece = '';
      }
    }
  }
  yield piece + DOCUMENT_END;
}

/** A skipped project as the report lists it. */
export interface SkippedProject {
  id: string;
  title: Translations;
  iatiIdentifier: string | null;
  /** When the project's own record last changed. */
  updatedAt: string;
  organisations: { id: string; name: Translations; role: string; iatiIdentifier: string | null }[];
  reasons: { code: IatiSkipReason; message: string }[];
}

/**
 * The skipped report as JSON text, piece by piece: the totals first, then each skipped project
 * with its organisations and the reasons it is left out.
 */
export async function* skippedReportDocument(
  ctx: RequestContext,
  scope: ExportScope,
  parameters: ExportParameters,
  counts: { exported: number; skipped: number },
  publisher: IatiPublisher | null,
): AsyncGenerator<string> {
  const head = {
    generatedAt: new Date().toISOString(),
    filters: parameters,
    publisher: publisher ? { ref: publisher.ref, name: publisher.name, type: publisher.type } : null,
    exported: counts.exported,
    skipped: counts.skipped,
  };
  yield `${JSON.stringify(head).slice(0, -1)},"projects":[`;
  let first = true;
  for await (const { rows, loaders } of batches(ctx, scope, 'skipped', EXPORT_BATCH_SIZE)) {
    const ids = rows.map((row) => row.id);
    const projects = new Map(found(await loaders.projects.projectById.loadMany(ids)).map((project: ProjectRecord) => [project.id, project]));
    const participants = found(await loaders.projects.participantsOf.loadMany(ids));
    const organisations = new Map(
      found(await loaders.organisations.organisationById.loadMany([...new Set(participants.flat().map((entry) => entry.organisationId))])).map((organisation) => [
        organisation.id,
        organisation,
      ]),
    );
    let chunk = '';
    rows.forEach((row, index) => {
      const project = projects.get(row.id)!;
      const entry: SkippedProject = {
        id: row.id,
        title: project.title,
        iatiIdentifier: project.iatiIdentifier,
        updatedAt: new Date(project.updatedAt).toISOString(),
        organisations: participants[index].map((participant) => {
          const organisation = organisations.get(participant.organisationId)!;
          return {
            id: organisation.id,
            name: { ky: organisation.name.ky, ru: organisation.name.ru, en: organisation.name.en },
            role: participant.role,
            iatiIdentifier: organisation.iatiIdentifier,
          };
        }),
        reasons: row.reasons.map((code) => ({ code, message: SKIP_REASON_MESSAGES[code] })),
      };
      chunk += `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;
      first = false;
    });
    yield chunk;
  }
  yield '\n]}\n';
}
