import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AccessErrorCode, type Caller, forbidden, Role } from '../common/access';
import { DomainError } from '../common/errors';
import { isUuid } from '../common/ids';
import { isCurrency } from '../common/scalars';
import { TranslatedText } from '../common/translations.embeddable';
import { badInput } from '../common/validation';
import { Budget } from '../funding/budget.entity';
import { FundingTransaction, IATI_TRANSACTION_TYPE, TransactionType } from '../funding/transaction.entity';
import { AdminUnit } from '../geography/admin-unit.entity';
import { IATI_ORGANISATION_TYPE, Organisation, OrganisationKind } from '../organisations/organisation.entity';
import { organisationSearchText } from '../organisations/organisation.service';
import { ProjectCoverage } from '../projects/project-coverage.entity';
import { IATI_ORGANISATION_ROLE, ParticipantRole, ProjectParticipant } from '../projects/project-participant.entity';
import { IATI_ACTIVITY_STATUS, Project, ProjectStatus } from '../projects/project.entity';
import { EDITING_ROLES, projectSearchText } from '../projects/project.service';
import { Theme } from '../themes/theme.entity';
import { activityDigest, anyText, type Narratives, type ParsedActivity, type ParsedOrganisation, parseActivity } from './iati-activity-parse';
import { emptyReport, type IatiImportReport, type ImportedActivity, ImportOutcome } from './iati-import.report';
import { COUNTRY_CODE, type Placement, PlacementRule, UnitPlacer } from './iati-placement';
import { checkIatiFile, iatiActivitiesOf } from './iati-reader';
import { IatiErrorCode, IatiImportSkipReason, IatiImportWarning, IMPORT_SKIP_MESSAGES } from './iati.errors';
import { parseDateTime } from './iati.service';

/** Skipped activities listed one by one in the report; beyond it they are only counted. */
const LISTED_SKIPS = 200;

export interface IatiImportOptions {
  /** The file's name as the report shows it. */
  fileName: string;
  /** Reads and checks everything, writes nothing, reports the same. */
  dryRun: boolean;
  /** Only activities of this organisation (id or IATI identifier): its reporting-org or a participating-org. */
  organisation: string | null;
  /** Progress: bytes read of the pass (`check`: well-formedness; `import`: the activities). */
  onProgress?: (phase: 'check' | 'import', bytes: number) => void;
  /** Where an activity the database refused is logged in full. */
  log?: Pick<Logger, 'warn'>;
}

const reverse = <K extends string>(map: Record<K, string>) => new Map(Object.entries(map).map(([key, code]) => [code as string, key as K]));
const STATUS_OF_CODE = reverse(IATI_ACTIVITY_STATUS);
const ROLE_OF_CODE = reverse(IATI_ORGANISATION_ROLE);
const TRANSACTION_OF_CODE = reverse(IATI_TRANSACTION_TYPE);
const KIND_OF_CODE = new Map(Object.entries(IATI_ORGANISATION_TYPE).map(([kind, { code }]) => [code, kind as OrganisationKind]));

/** Rolls a dry run's transaction back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly item: ImportedActivity) {
    super('dry run');
  }
}

/**
 * Each DAC purpose code's theme, the reverse of `Theme.dacCodes` (the export's mapping): the theme
 * that lists the code first; else the one with the fewest codes (the most specific); ties go to
 * the taxonomy's order. One theme per code, so that 15220 does not tag a project with the four
 * themes that include peace-building.
 */
export function themeOfDacCode(themes: Pick<Theme, 'code' | 'dacCodes' | 'position'>[]): Map<string, string> {
  const byCode = new Map<string, string>();
  const ranked = [...themes].sort((a, b) => a.position - b.position);
  const codes = new Set(ranked.flatMap((theme) => theme.dacCodes));
  for (const code of codes) {
    const candidates = ranked.filter((theme) => theme.dacCodes.includes(code));
    const first = candidates.filter((theme) => theme.dacCodes[0] === code);
    const pool = first.length ? first : candidates;
    const best = pool.reduce((a, b) => (b.dacCodes.length < a.dacCodes.length ? b : a));
    byCode.set(code, best.code);
  }
  return byCode;
}

/** An IATI `value` as numeric(18, 2), rounded half up to cents; null when it is not a decimal number that fits. */
export function money(text: string): string | null {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  let cents = BigInt(match[2]) * 100n + BigInt(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1n;
  const whole = (cents / 100n).toString();
  if (whole.length > 16) return null;
  return `${match[1] === '-' && cents !== 0n ? '-' : ''}${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

function calendarDate(text: string | null): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return parseDateTime(text) ? text : null;
}

/** Narratives as the hub's ky/ru/en; a text only in another language goes to en, with a warning. */
function hubText(names: Narratives, what: string, warn: Warn): { ky?: string; ru?: string; en?: string } {
  const text = { ky: names.ky, ru: names.ru, en: names.en };
  if (!text.ky && !text.ru && !text.en && names.other.length) {
    text.en = names.other[0].text;
    warn(
      IatiImportWarning.TEXT_IN_OTHER_LANGUAGE,
      `The ${what} is not in Kyrgyz, Russian or English (${names.other[0].lang ?? 'no language given'}); it is kept as the English text.`,
    );
  }
  return text;
}

type Warn = (code: IatiImportWarning, message: string) => void;

/** Everything one run holds: the mapping and places read once, the counts, nothing per activity. */
interface ImportRun {
  em: EntityManager;
  options: IatiImportOptions;
  /** Organisation whose activities only are taken. */
  organisationId: string | null;
  /** A partner's organisation: it must run what it imports. */
  partnerOrganisationId: string | null;
  placer: UnitPlacer;
  themeByDac: Map<string, string>;
  themeCodes: Set<string>;
  identifiers: Set<string>;
  unmapped: Map<string, { vocabulary: string; code: string; activities: number }>;
  createdOrganisations: Map<string, { id: string; iatiIdentifier: string | null; name: string }>;
  report: IatiImportReport;
}

/**
 * Who may import for whom: ADMIN and SECRETARIAT for any organisation (or none: the whole
 * file); a PARTNER_EDITOR only for its own organisation; the command line (no caller) as the
 * system. Returns the organisation the run is for.
 */
async function runOrganisation(em: EntityManager, caller: Caller | null, given: string | null): Promise<Organisation | null> {
  let organisation: Organisation | null = null;
  if (given?.trim()) {
    const value = given.trim();
    organisation = isUuid(value) ? await em.findOne(Organisation, { id: value }) : await em.findOne(Organisation, { iatiIdentifier: value });
    if (!organisation) throw badInput(IatiErrorCode.UNKNOWN_ORGANISATION, `No organisation has the id or IATI identifier "${value}".`, 'organisation');
  }
  if (!caller || caller.role === Role.ADMIN || caller.role === Role.SECRETARIAT) return organisation;
  if (caller.role !== Role.PARTNER_EDITOR || !caller.organisationId) {
    throw forbidden(`Your role (${caller.role}) may not import IATI files; it needs ADMIN, SECRETARIAT or PARTNER_EDITOR.`);
  }
  if (organisation && organisation.id !== caller.organisationId) {
    throw forbidden("A partner imports only its own organisation's activities.", AccessErrorCode.NOT_YOUR_ORGANISATION);
  }
  return organisation ?? (await em.findOneOrFail(Organisation, { id: caller.organisationId }));
}

/**
 * Imports an IATI 2.x activity file (README, "IATI export and import"). A first pass checks the
 * whole file is well-formed IATI activity XML (else IatiImportError, and nothing is written);
 * the second reads it activity by activity and writes each one that is for Kyrgyzstan in a
 * transaction of its own. `caller` null is the command line, acting as the system.
 */
export async function importIatiFile(em: EntityManager, caller: Caller | null, path: string, options: IatiImportOptions): Promise<IatiImportReport> {
  const organisation = await runOrganisation(em.fork(), caller, options.organisation);
  const checked = await checkIatiFile(path, (bytes) => options.onProgress?.('check', bytes));
  const started = Date.now();
  const report = emptyReport(
    options.fileName,
    options.dryRun,
    organisation ? { id: organisation.id, name: organisation.name.en ?? organisation.name.ru ?? organisation.name.ky, iatiIdentifier: organisation.iatiIdentifier } : null,
  );
  report.bytes = checked.bytes;
  const themes = await em.fork().find(Theme, {});
  const run: ImportRun = {
    em,
    options,
    organisationId: organisation?.id ?? null,
    partnerOrganisationId: caller?.role === Role.PARTNER_EDITOR ? caller.organisationId : null,
    placer: await UnitPlacer.load(em.fork()),
    themeByDac: themeOfDacCode(themes),
    themeCodes: new Set(themes.map((theme) => theme.code)),
    identifiers: new Set(),
    unmapped: new Map(),
    createdOrganisations: new Map(),
    report,
  };
  let index = 0;
  for await (const read of iatiActivitiesOf(path, (bytes) => options.onProgress?.('import', bytes))) {
    index += 1;
    const item = read.tooLarge ? skippedItem(index, null, null, IatiImportSkipReason.TOO_LARGE) : await importActivity(run, parseActivity(read.element), index);
    record(report, item);
  }
  report.activities = index;
  report.organisationsCreated = [...run.createdOrganisations.values()];
  report.unmappedSectors = [...run.unmapped.values()];
  report.finishedAt = new Date().toISOString();
  report.durationMs = Date.now() - started;
  return report;
}

function record(report: IatiImportReport, item: ImportedActivity): void {
  const key = ({ CREATED: 'created', UPDATED: 'updated', UNCHANGED: 'unchanged', SKIPPED: 'skipped', FAILED: 'failed' } as const)[item.outcome];
  report[key] += 1;
  report.warnings += item.warnings.length;
  for (const placement of item.placements) report.placements[placement.rule] += 1;
  if (item.outcome === ImportOutcome.SKIPPED) {
    const reason = item.reason!.code as IatiImportSkipReason;
    report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
    if (report.skipped > LISTED_SKIPS) {
      report.itemsNotListed += 1;
      return;
    }
  }
  report.items.push(item);
}

function skippedItem(index: number, identifier: string | null, title: string | null, reason: IatiImportSkipReason, rest: Partial<ImportedActivity> = {}): ImportedActivity {
  return {
    index,
    identifier,
    title,
    outcome: ImportOutcome.SKIPPED,
    projectId: null,
    reason: { code: reason, message: IMPORT_SKIP_MESSAGES[reason] },
    placements: [],
    warnings: [],
    ...rest,
  };
}

async function importActivity(run: ImportRun, activity: ParsedActivity, index: number): Promise<ImportedActivity> {
  const title = anyText(activity.title);
  const { identifier } = activity;
  if (!identifier) return skippedItem(index, null, title, IatiImportSkipReason.NO_IDENTIFIER);
  // A recipient country the file names is taken at its word; only an activity that names none
  // (a regional one, say) is taken for a location inside the country.
  const inCountry = activity.recipientCountries.length
    ? activity.recipientCountries.includes(COUNTRY_CODE)
    : activity.locations.some((location) => run.placer.isInCountry(location));
  if (!inCountry) return skippedItem(index, identifier, title, IatiImportSkipReason.NOT_KYRGYZSTAN);
  if (run.identifiers.has(identifier)) return skippedItem(index, identifier, title, IatiImportSkipReason.DUPLICATE_IN_FILE);
  run.identifiers.add(identifier);
  if (!title) return skippedItem(index, identifier, title, IatiImportSkipReason.NO_TITLE);

  const warnings: ImportedActivity['warnings'] = [];
  const warn: Warn = (code, message) => warnings.push({ code, message });
  const placements: Placement[] = [];
  for (const location of activity.locations) {
    const placement = await run.placer.place(location);
    if (placement.rule === PlacementRule.COUNTRY)
      warn(
        IatiImportWarning.PLACED_AT_COUNTRY,
        `The location "${placement.location}" has no unit code of the hub, no point inside a district and no name the gazetteer knows: it counts as the whole country.`,
      );
    placements.push(placement);
  }
  const themeCodes = themesOf(run, activity, warn);
  const base: ImportedActivity = { index, identifier, title, outcome: ImportOutcome.UNCHANGED, projectId: null, placements, warnings };
  try {
    return await run.em.fork().transactional(async (tx) => {
      const item = await writeActivity(run, tx, activity, base, themeCodes, warn);
      if (run.options.dryRun && item.outcome !== ImportOutcome.SKIPPED && item.outcome !== ImportOutcome.UNCHANGED) throw new DryRunRollback(item);
      return item;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.item;
    // Nothing of the activity was written (its transaction rolled back); the next one goes on.
    // Knex prefixes PostgreSQL's own message with the statement: the report keeps PostgreSQL's.
    const message =
      error instanceof DomainError ? error.message : `The database refused the activity, so nothing of it was written: ${(error as Error).message.split(' - ').pop()}`;
    run.options.log?.warn({ err: error, identifier }, 'an IATI activity failed to import');
    return { ...base, outcome: ImportOutcome.FAILED, reason: { code: 'DATABASE_REFUSED', message } };
  }
}

function themesOf(run: ImportRun, activity: ParsedActivity, warn: Warn): string[] {
  const codes = new Set<string>();
  for (const sector of activity.sectors) {
    const theme =
      sector.vocabulary === '1'
        ? run.themeByDac.get(sector.code)
        : sector.vocabulary === '99' || sector.vocabulary === '98'
          ? run.themeCodes.has(sector.code)
            ? sector.code
            : undefined
          : undefined;
    if (theme) {
      codes.add(theme);
      continue;
    }
    warn(
      IatiImportWarning.UNMAPPED_SECTOR,
      `No theme maps to sector ${sector.code} (vocabulary ${sector.vocabulary}); the secretariat can add the DAC code to a theme (updateTheme).`,
    );
    const key = `${sector.vocabulary}|${sector.code}`;
    const entry = run.unmapped.get(key) ?? { vocabulary: sector.vocabulary, code: sector.code, activities: 0 };
    entry.activities += 1;
    run.unmapped.set(key, entry);
  }
  return [...codes];
}

/** The project an activity updates: by its identifier, or (a file the hub exported) by the project id the identifier ends with. */
async function existingProject(tx: EntityManager, identifier: string): Promise<Project | null> {
  const own = await tx.findOne(Project, { iatiIdentifier: identifier }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (own) return own;
  const formed = /-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(identifier);
  return formed ? tx.findOne(Project, { id: formed[1].toLowerCase(), iatiIdentifier: null }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
}

/** When the hub's own record of a project last changed: the project, a budget or a transaction (what the export writes as last-updated-datetime). */
async function lastChange(tx: EntityManager, projectId: string): Promise<Date> {
  const [row] = await tx.getConnection().execute<{ changed: Date }[]>(
    `select greatest(p.updated_at, (select max(b.updated_at) from budget b where b.project_id = p.id), (select max(t.updated_at) from funding_transaction t where t.project_id = p.id)) as changed
     from project p where p.id = ?`,
    [projectId],
  );
  return new Date(row.changed);
}

/**
 * Whether an activity dated `lastUpdated` is no newer than what the hub holds of the project:
 * - not newer than the activity last imported into it (a publisher's older file);
 * - dated exactly the hub's last change of the record: it is the hub's own export of it (the
 *   export writes that instant as last-updated-datetime), so a round trip changes nothing;
 * - for a project never imported, not newer than the hub's last change.
 */
async function notNewer(tx: EntityManager, project: Project, lastUpdated: Date, warn: Warn): Promise<boolean> {
  const time = lastUpdated.getTime();
  if (project.iatiLastUpdated && time <= project.iatiLastUpdated.getTime()) {
    warn(
      IatiImportWarning.NOT_NEWER,
      `The activity differs from the one last imported, but its last-updated-datetime (${lastUpdated.toISOString()}) is not newer than that one's (${project.iatiLastUpdated.toISOString()}): the project is kept as it is.`,
    );
    return true;
  }
  const changed = (await lastChange(tx, project.id)).getTime();
  return time === changed || (!project.iatiImportDigest && time <= changed);
}

/** Organisations of the activity by IATI ref, then by name; those the hub does not know are created (needsConfirmation). */
class OrganisationResolver {
  private readonly known = new Map<string, Organisation | null>();

  constructor(
    private readonly run: ImportRun,
    private readonly tx: EntityManager,
    private readonly warn: Warn,
  ) {}

  private names(organisation: ParsedOrganisation): string[] {
    const { names } = organisation;
    return [names.en, names.ru, names.ky, ...names.other.map((entry) => entry.text)].filter((name): name is string => !!name);
  }

  private key(organisation: ParsedOrganisation): string {
    return organisation.ref ? `ref:${organisation.ref}` : `name:${this.names(organisation)[0]?.toLowerCase() ?? ''}`;
  }

  /** The hub's organisation, or null when it has none such (nothing is created). */
  async match(organisation: ParsedOrganisation): Promise<Organisation | null> {
    const key = this.key(organisation);
    if (this.known.has(key)) return this.known.get(key)!;
    let found: Organisation | null = organisation.ref ? await this.tx.findOne(Organisation, { iatiIdentifier: organisation.ref }) : null;
    const names = this.names(organisation).map((name) => name.toLowerCase());
    if (!found && names.length) {
      const rows = await this.tx.getConnection().execute<{ id: string }[]>(
        `select id from organisation
         where (lower(name_en) in (?) or lower(name_ru) in (?) or lower(name_ky) in (?) or lower(acronym) in (?))
           and (iati_identifier is null or ?::text is null)
         order by id limit 2`,
        [names, names, names, names, organisation.ref],
      );
      // A name two organisations share says nothing for certain.
      if (rows.length === 1) found = await this.tx.findOneOrFail(Organisation, { id: rows[0].id });
    }
    this.known.set(key, found);
    return found;
  }

  /** The hub's organisation, created from the file when it has none; null for one without a name or ref. */
  async resolve(organisation: ParsedOrganisation): Promise<Organisation | null> {
    const found = await this.match(organisation);
    if (found) return found;
    const names = hubText(organisation.names, 'organisation name', this.warn);
    if (!names.ky && !names.ru && !names.en) {
      if (!organisation.ref) {
        this.warn(IatiImportWarning.ORGANISATION_WITHOUT_NAME, 'An organisation of the activity has neither a ref nor a name; it is left out.');
        return null;
      }
      names.en = organisation.ref;
    }
    const name = TranslatedText.of(names);
    const created = this.tx.create(Organisation, {
      name,
      kind: KIND_OF_CODE.get(organisation.type ?? '') ?? OrganisationKind.OTHER,
      iatiIdentifier: organisation.ref,
      needsConfirmation: true,
      source: `Created by the IATI import of ${this.run.options.fileName} on ${new Date().toISOString().slice(0, 10)}, from the file's name${organisation.ref ? ' and identifier' : ''}; to be confirmed by the secretariat.`,
      searchText: organisationSearchText({ name, acronym: null }),
    });
    const shown = name.en ?? name.ru ?? name.ky ?? organisation.ref ?? '';
    this.warn(
      IatiImportWarning.ORGANISATION_CREATED,
      `The hub did not know "${shown}"${organisation.ref ? ` (${organisation.ref})` : ''}: it is created, marked for the secretariat to confirm.`,
    );
    this.known.set(this.key(organisation), created);
    const runKey = this.key(organisation);
    if (!this.run.createdOrganisations.has(runKey)) this.run.createdOrganisations.set(runKey, { id: created.id, iatiIdentifier: organisation.ref, name: shown });
    return created;
  }
}

async function writeActivity(run: ImportRun, tx: EntityManager, activity: ParsedActivity, base: ImportedActivity, themeCodes: string[], warn: Warn): Promise<ImportedActivity> {
  const project = await existingProject(tx, activity.identifier!);
  const organisations = new OrganisationResolver(run, tx, warn);
  const reporting = activity.reportingOrg && !activity.reportingOrg.secondaryReporter ? activity.reportingOrg : null;
  const parties = [...(reporting ? [{ role: 'REPORTING', organisation: reporting }] : []), ...activity.participants];

  if (run.organisationId) {
    const matched = await Promise.all(parties.map(async (party) => (await organisations.match(party.organisation))?.id));
    if (!matched.includes(run.organisationId))
      return skippedItem(base.index, base.identifier, base.title, IatiImportSkipReason.NOT_OF_ORGANISATION, { placements: base.placements, warnings: [] });
  }
  const digest = activityDigest(activity);
  if (project) {
    base.projectId = project.id;
    if (project.iatiImportDigest === digest) return base;
    if (activity.lastUpdated && (await notNewer(tx, project, activity.lastUpdated, warn))) return base;
    if (run.partnerOrganisationId && (await tx.count(ProjectParticipant, { project, organisation: run.partnerOrganisationId, role: { $in: EDITING_ROLES } })) === 0) {
      return skippedItem(base.index, base.identifier, base.title, IatiImportSkipReason.NOT_YOURS, { projectId: project.id, placements: base.placements, warnings: [] });
    }
  } else if (run.partnerOrganisationId) {
    const runs = await Promise.all(
      parties.map(
        async (party) =>
          (party.role === 'REPORTING' || EDITING_ROLES.includes(ROLE_OF_CODE.get(party.role)!)) &&
          (await organisations.match(party.organisation))?.id === run.partnerOrganisationId,
      ),
    );
    if (!runs.includes(true)) return skippedItem(base.index, base.identifier, base.title, IatiImportSkipReason.NOT_YOURS, { placements: base.placements, warnings: [] });
  }

  const target = project ?? newProject(tx, activity.identifier!);
  if (project) await tx.populate(project, ['coverage', 'participants', 'themes']);
  applyTexts(target, activity, warn);
  applyStatusAndDates(target, activity, warn);
  target.iatiLastUpdated = activity.lastUpdated;
  target.iatiImportDigest = digest;
  target.updatedAt = new Date();

  // Participants: the file's are added; those the hub has are kept.
  const participantKeys = new Set(target.participants.getItems().map((entry) => `${entry.organisation.id}/${entry.role}`));
  const addParticipant = (organisation: Organisation, role: ParticipantRole) => {
    const key = `${organisation.id}/${role}`;
    if (participantKeys.has(key)) return;
    participantKeys.add(key);
    target.participants.add(tx.create(ProjectParticipant, { project: target, organisation, role }));
  };
  const participantIds = new Set<string>();
  for (const participant of activity.participants) {
    const role = ROLE_OF_CODE.get(participant.role);
    const organisation = role ? await organisations.resolve(participant.organisation) : null;
    if (role && organisation) {
      addParticipant(organisation, role);
      participantIds.add(organisation.id);
    }
  }
  if (reporting) {
    const organisation = await organisations.resolve(reporting);
    if (organisation && !participantIds.has(organisation.id)) addParticipant(organisation, ParticipantRole.ACCOUNTABLE);
  }

  // Themes: the file's sectors' themes are added; those the hub gave are kept.
  const themes = new Set(target.themes.getItems().map((theme) => theme.code));
  for (const code of themeCodes) if (!themes.has(code)) target.themes.add(tx.getReference(Theme, code));

  await addCoverage(tx, target, base.placements.length ? base.placements.map((placement) => placement.unitCode) : [COUNTRY_CODE]);
  if (!base.placements.length) base.placements.push({ location: '(the activity names no location)', unitCode: COUNTRY_CODE, rule: PlacementRule.COUNTRY, noLocation: true });
  await addMoney(tx, target, activity, organisations, warn, !project);
  base.projectId = target.id;
  base.outcome = project ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
  return base;
}

function newProject(tx: EntityManager, identifier: string): Project {
  const project = new Project();
  Object.assign(project, { status: ProjectStatus.PIPELINE, iatiIdentifier: identifier, source: 'Imported from IATI.' });
  tx.persist(project);
  return project;
}

function applyTexts(project: Project, activity: ParsedActivity, warn: Warn): void {
  // The file's languages replace the hub's; a language only the hub has is kept.
  const merge = (current: TranslatedText | undefined, names: Narratives, what: string) => {
    const text = hubText(names, what, warn);
    return TranslatedText.of({ ky: text.ky ?? current?.ky, ru: text.ru ?? current?.ru, en: text.en ?? current?.en });
  };
  project.title = merge(project.title, activity.title, 'title');
  project.description = merge(project.description, activity.description, 'description');
  project.objectives = merge(project.objectives, activity.objectives, 'objectives');
  project.searchText = projectSearchText(project.title);
}

function applyStatusAndDates(project: Project, activity: ParsedActivity, warn: Warn): void {
  const status = activity.status ? STATUS_OF_CODE.get(activity.status) : undefined;
  if (status) project.status = status;
  else warn(IatiImportWarning.UNKNOWN_STATUS, `The activity-status ${activity.status ?? '(none)'} is not one of IATI's 1–6; the project's status stays ${project.status}.`);
  const fields = { '1': 'plannedStart', '2': 'actualStart', '3': 'plannedEnd', '4': 'actualEnd' } as const;
  for (const date of activity.dates) {
    const field = fields[date.type as keyof typeof fields];
    if (!field) continue;
    const value = calendarDate(date.isoDate);
    if (value) project[field] = value;
    else warn(IatiImportWarning.INVALID_DATE, `The activity-date of type ${date.type} (${date.isoDate}) is not a date; it is left out.`);
  }
  for (const [start, end] of [
    ['plannedStart', 'plannedEnd'],
    ['actualStart', 'actualEnd'],
  ] as const) {
    if (project[start] && project[end] && project[end]! < project[start]!) {
      warn(IatiImportWarning.INVALID_DATE, `The ${end} (${project[end]}) is before the ${start} (${project[start]}); the end is left out.`);
      project[end] = null;
    }
  }
}

/**
 * Adds the file's units to the coverage, unless the project already covers the unit or a unit
 * inside it (a refinement the hub made); nothing is removed. The country is added only to a
 * project with no coverage, and only when the file places nothing more precisely.
 */
async function addCoverage(tx: EntityManager, project: Project, codes: string[]): Promise<void> {
  let wanted = [...new Set(codes)];
  if (wanted.some((code) => code !== COUNTRY_CODE)) wanted = wanted.filter((code) => code !== COUNTRY_CODE);
  const existing = project.coverage.getItems().map((entry) => entry.unit.code);
  if (wanted.length === 1 && wanted[0] === COUNTRY_CODE && existing.length > 0) return;
  const units = await tx.find(AdminUnit, { code: { $in: [...new Set([...wanted, ...existing])] } });
  const pathOf = new Map(units.map((unit) => [unit.code, unit.path]));
  const existingPaths = existing.map((code) => pathOf.get(code) ?? code);
  for (const code of wanted) {
    const path = pathOf.get(code);
    if (!path || existingPaths.some((covered) => covered === path || covered.startsWith(`${path}.`))) continue;
    project.coverage.add(tx.create(ProjectCoverage, { project, unit: tx.getReference(AdminUnit, code), share: null }));
    existingPaths.push(path);
  }
}

/**
 * Budgets and transactions of the file. A budget is the same when its period and type are: its
 * amount and currency follow the file. A transaction is the same when its type, date, amount,
 * currency and parties are: it is not added twice. Nothing the hub recorded is removed.
 */
async function addMoney(tx: EntityManager, project: Project, activity: ParsedActivity, organisations: OrganisationResolver, warn: Warn, isNew: boolean): Promise<void> {
  const budgets = isNew ? [] : await tx.find(Budget, { project });
  for (const budget of activity.budgets) {
    const periodStart = calendarDate(budget.periodStart);
    const periodEnd = calendarDate(budget.periodEnd);
    const amount = money(budget.value);
    const currency = budget.currency ?? activity.defaultCurrency;
    if (!periodStart || !periodEnd || periodEnd < periodStart || !amount || !currency || !isCurrency(currency)) {
      warn(
        IatiImportWarning.INVALID_VALUE,
        `A budget (${budget.periodStart ?? '?'} – ${budget.periodEnd ?? '?'}, ${budget.value || '?'} ${currency ?? '?'}) lacks a valid period, amount or currency; it is left out.`,
      );
      continue;
    }
    const revised = budget.type === '2';
    const same = budgets.find((entry) => entry.periodStart === periodStart && entry.periodEnd === periodEnd && entry.revised === revised);
    if (same) {
      if (same.amount !== amount || same.currency !== currency) Object.assign(same, { amount, currency });
    } else {
      budgets.push(tx.create(Budget, { project, periodStart, periodEnd, amount, currency, revised }));
    }
  }
  const transactions = isNew ? [] : await tx.find(FundingTransaction, { project });
  for (const transaction of activity.transactions) {
    const type = TRANSACTION_OF_CODE.get(transaction.type ?? '') as TransactionType | undefined;
    if (!type) {
      warn(
        IatiImportWarning.UNSUPPORTED_TRANSACTION_TYPE,
        `A transaction of type ${transaction.type ?? '(none)'} is not one the hub records (1 incoming funds, 2 commitment, 3 disbursement, 4 expenditure); it is left out.`,
      );
      continue;
    }
    const valueDate = calendarDate(transaction.date);
    const amount = money(transaction.value);
    const currency = transaction.currency ?? activity.defaultCurrency;
    if (!valueDate || !amount || !currency || !isCurrency(currency)) {
      warn(
        IatiImportWarning.INVALID_VALUE,
        `A transaction (${transaction.date ?? '?'}, ${transaction.value || '?'} ${currency ?? '?'}) lacks a valid date, amount or currency; it is left out.`,
      );
      continue;
    }
    // The parties are matched, not created: a publisher's receivers are often people and firms the hub need not list.
    const provider = transaction.provider ? await organisations.match(transaction.provider) : null;
    const receiver = transaction.receiver ? await organisations.match(transaction.receiver) : null;
    const same = transactions.some(
      (entry) =>
        entry.type === type &&
        entry.valueDate === valueDate &&
        entry.amount === amount &&
        entry.currency === currency &&
        (entry.provider?.id ?? null) === (provider?.id ?? null) &&
        (entry.receiver?.id ?? null) === (receiver?.id ?? null),
    );
    if (!same) transactions.push(tx.create(FundingTransaction, { project, type, valueDate, amount, currency, provider, receiver }));
  }
}
