import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AuditEvent } from '../audit/audit-event.entity';
import { AccessErrorCode, type Caller, forbidden, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { allowLongStatements } from '../common/statement-timeout';
import { badInput, InputErrorCode } from '../common/validation';
import { PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { resolveUnitCodes } from '../geography/admin-unit.service';
import { ActivityType, ReportStatus } from './activity-report.entity';
import { ActivityErrorCode } from './activity.errors';
import { checkParticipants } from './activity.service';

/** The columns of the import template, in order (see README). */
export const IMPORT_COLUMNS = [
  'project_id',
  'organisation_id',
  'type',
  'title_en',
  'title_ru',
  'title_ky',
  'start_date',
  'end_date',
  'unit_codes',
  'theme_codes',
  'participants_total',
  'participants_women',
  'participants_men',
  'participants_youth',
  'outputs',
] as const;

type Column = (typeof IMPORT_COLUMNS)[number];
type Row = Record<Column, string>;

const MAX_ROWS = 20_000;
const MAX_ERRORS = 500;
const BATCH = 1000;

/** What is wrong with a cell of an imported file, for clients that say it in their own words. */
export enum ImportProblemReason {
  UNKNOWN_PROJECT = 'UNKNOWN_PROJECT',
  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  UNKNOWN_TYPE = 'UNKNOWN_TYPE',
  TITLE_REQUIRED = 'TITLE_REQUIRED',
  INVALID_DATE = 'INVALID_DATE',
  END_BEFORE_START = 'END_BEFORE_START',
  NO_PLACE = 'NO_PLACE',
  UNKNOWN_UNIT = 'UNKNOWN_UNIT',
  UNKNOWN_THEME = 'UNKNOWN_THEME',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  TOTAL_REQUIRED = 'TOTAL_REQUIRED',
  PARTICIPANTS_EXCEED_TOTAL = 'PARTICIPANTS_EXCEED_TOTAL',
}

registerEnumType(ImportProblemReason, {
  name: 'ImportProblemReason',
  description: 'What is wrong with a cell of an imported file (the `message` says it in English).',
  valuesConfig: {
    UNKNOWN_PROJECT: { description: 'No project has this id (or it has no participants).' },
    NOT_A_PARTICIPANT: { description: 'The organisation does not take part in the project.' },
    UNKNOWN_TYPE: { description: 'Not one of the activity types.' },
    TITLE_REQUIRED: { description: 'No title in any of title_en, title_ru, title_ky.' },
    INVALID_DATE: { description: 'Not a date written YYYY-MM-DD.' },
    END_BEFORE_START: { description: 'The end date is before the start date.' },
    NO_PLACE: { description: 'No unit code given.' },
    UNKNOWN_UNIT: { description: 'Unit code(s) the hub does not know; `value` lists them.' },
    UNKNOWN_THEME: { description: 'Theme code(s) the hub does not know; `value` lists them.' },
    NOT_A_NUMBER: { description: 'A head count that is not a whole number ≥ 0.' },
    TOTAL_REQUIRED: { description: 'A breakdown (women, men, youth) without a total.' },
    PARTICIPANTS_EXCEED_TOTAL: { description: 'Women and men, or youth, add up to more than the total.' },
  },
});

@ObjectType({ description: 'A problem with one cell (or row) of an imported file.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number as a spreadsheet shows it (the header is row 1).' })
  row: number;

  @Field(() => String, { nullable: true, description: 'Column name, or null for the whole row.' })
  column: string | null;

  @Field(() => ImportProblemReason, { description: "What is wrong, as a code (to say it in the reader's language)." })
  reason: ImportProblemReason;

  @Field(() => String, { nullable: true, description: 'The offending text: the cell, or the unknown codes in it; null when the cell is empty.' })
  value: string | null;

  @Field({ description: 'What is wrong and how to fix it (English).' })
  message: string;
}

@ObjectType({ description: 'The outcome of an import: either every row is valid and imported (unless a dry run), or nothing is written and the problems are listed.' })
export class ImportResult {
  @Field({ description: 'True when nothing was to be written.' })
  dryRun: boolean;

  @Field(() => Int, { description: 'Data rows in the file.' })
  rows: number;

  @Field({ description: 'True when every row is valid.' })
  valid: boolean;

  @Field(() => Int, { description: 'Reports created (0 for a dry run or an invalid file).' })
  created: number;

  @Field(() => [ImportProblem], { description: `Problems found, by row (at most ${MAX_ERRORS}).` })
  problems: ImportProblem[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (text: string) => DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
const list = (text: string) =>
  text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);

interface Reference {
  participants: Map<string, Set<string>>;
  coveragePaths: Map<string, string[]>;
  projectThemes: Map<string, string[]>;
  unitPaths: Map<string, string>;
  themes: Set<string>;
}

/** Everything the rows refer to, fetched in a handful of statements for the whole file. */
async function loadReferences(em: EntityManager, rows: Row[]): Promise<Reference> {
  const projectIds = [...new Set(rows.map((row) => row.project_id).filter(isUuid))];
  const unitCodes = [...new Set(rows.flatMap((row) => list(row.unit_codes)))];
  const connection = em.getConnection();
  const [participants, coverage, projectThemes, units, themes] = await Promise.all([
    projectIds.length
      ? connection.execute<{ project_id: string; organisation_id: string }[]>('select project_id, organisation_id from project_participant where project_id in (?)', [projectIds])
      : [],
    projectIds.length
      ? connection.execute<{ project_id: string; path: string }[]>(
          'select c.project_id, u.path from project_coverage c join admin_unit u on u.code = c.unit_code where c.project_id in (?)',
          [projectIds],
        )
      : [],
    projectIds.length
      ? connection.execute<{ project_id: string; theme_code: string }[]>('select project_id, theme_code from project_theme where project_id in (?)', [projectIds])
      : [],
    resolveUnitCodes(em, unitCodes),
    connection.execute<{ code: string }[]>('select code from theme'),
  ]);
  const reference: Reference = { participants: new Map(), coveragePaths: new Map(), projectThemes: new Map(), unitPaths: new Map(), themes: new Set() };
  const push = <V>(map: Map<string, V[]>, key: string, value: V) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const row of participants) reference.participants.set(row.project_id, new Set([...(reference.participants.get(row.project_id) ?? []), row.organisation_id]));
  for (const row of coverage) push(reference.coveragePaths, row.project_id, row.path);
  for (const row of projectThemes) push(reference.projectThemes, row.project_id, row.theme_code);
  for (const [given, unit] of units) reference.unitPaths.set(given, unit.path);
  for (const row of themes) reference.themes.add(row.code);
  return reference;
}

interface ValidRow {
  id: string;
  row: Row;
  unitCodes: string[];
  themeCodes: string[];
  counts: { participantsTotal: number | null; participantsWomen: number | null; participantsMen: number | null; participantsYouth: number | null };
}

/** Checks one row; returns its problems (empty when valid). */
function checkRow(row: Row, line: number, reference: Reference): { problems: ImportProblem[]; valid?: ValidRow } {
  const problems: ImportProblem[] = [];
  const problem = (column: Column | null, reason: ImportProblemReason, message: string, value: string | null = column ? row[column] || null : null) =>
    problems.push(Object.assign(new ImportProblem(), { row: line, column, reason, value, message }));
  if (!isUuid(row.project_id) || !reference.participants.has(row.project_id))
    problem('project_id', ImportProblemReason.UNKNOWN_PROJECT, 'No project with this id (or it has no participants).');
  else if (!reference.participants.get(row.project_id)!.has(row.organisation_id))
    problem('organisation_id', ImportProblemReason.NOT_A_PARTICIPANT, 'This organisation does not take part in the project.');
  if (!Object.values(ActivityType).includes(row.type as ActivityType))
    problem('type', ImportProblemReason.UNKNOWN_TYPE, `Unknown type "${row.type}"; use one of ${Object.values(ActivityType).join(', ')}.`);
  if (!row.title_en && !row.title_ru && !row.title_ky) problem('title_en', ImportProblemReason.TITLE_REQUIRED, 'Give a title in at least one of title_en, title_ru, title_ky.');
  if (!isDate(row.start_date)) problem('start_date', ImportProblemReason.INVALID_DATE, `"${row.start_date}" is not a date like 2026-03-15.`);
  if (row.end_date && !isDate(row.end_date)) problem('end_date', ImportProblemReason.INVALID_DATE, `"${row.end_date}" is not a date like 2026-03-15.`);
  else if (row.end_date && isDate(row.start_date) && row.end_date < row.start_date)
    problem('end_date', ImportProblemReason.END_BEFORE_START, 'The end date is before the start date.');
  const unitCodes = list(row.unit_codes);
  if (unitCodes.length === 0) problem('unit_codes', ImportProblemReason.NO_PLACE, 'Give at least one place (unit codes separated by ";").');
  const unknownUnits = unitCodes.filter((code) => !reference.unitPaths.has(code));
  if (unknownUnits.length) problem('unit_codes', ImportProblemReason.UNKNOWN_UNIT, `Unknown unit code(s): ${unknownUnits.join(', ')}.`, unknownUnits.join('; '));
  const themeCodes = row.theme_codes ? list(row.theme_codes) : (reference.projectThemes.get(row.project_id) ?? []);
  const unknownThemes = themeCodes.filter((code) => !reference.themes.has(code));
  if (unknownThemes.length) problem('theme_codes', ImportProblemReason.UNKNOWN_THEME, `Unknown theme code(s): ${unknownThemes.join(', ')}.`, unknownThemes.join('; '));
  const counts: ValidRow['counts'] = { participantsTotal: null, participantsWomen: null, participantsMen: null, participantsYouth: null };
  for (const [column, field] of [
    ['participants_total', 'participantsTotal'],
    ['participants_women', 'participantsWomen'],
    ['participants_men', 'participantsMen'],
    ['participants_youth', 'participantsYouth'],
  ] as const) {
    if (row[column] === '') continue;
    if (!/^\d{1,7}$/.test(row[column])) problem(column, ImportProblemReason.NOT_A_NUMBER, `"${row[column]}" is not a whole number ≥ 0.`);
    else counts[field] = Number(row[column]);
  }
  if (problems.length === 0) {
    try {
      checkParticipants(counts, '');
    } catch (error) {
      const field = (error as { field?: string }).field ?? 'participantsTotal';
      const reason =
        (error as { reason?: string }).reason === ActivityErrorCode.TOTAL_REQUIRED ? ImportProblemReason.TOTAL_REQUIRED : ImportProblemReason.PARTICIPANTS_EXCEED_TOTAL;
      problem(field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as Column, reason, (error as Error).message);
    }
  }
  if (problems.length > 0) return { problems };
  return { problems, valid: { id: randomUUID(), row, unitCodes: [...new Set(unitCodes)], themeCodes: [...new Set(themeCodes)], counts } };
}

/**
 * Imports activity reports from CSV (template in the README) as SUBMITTED reports: the file is
 * read, every row is checked first, and nothing is written unless all are valid; then everything
 * is written in one transaction, in batches, with progress in the log.
 */
export async function importActivityReports(ctx: RequestContext, csv: string, dryRun: boolean): Promise<ImportResult> {
  const records = readCsv(csv);
  assertOwnOrganisation(ctx.caller, records);
  const reference = await loadReferences(ctx.em, records);
  const { problems, valid } = checkRows(ctx, records, reference);
  const result = Object.assign(new ImportResult(), { dryRun, rows: records.length, valid: problems.length === 0, created: 0, problems: problems.slice(0, MAX_ERRORS) });
  if (!result.valid || dryRun) return result;
  await writeReports(ctx, valid, reference);
  result.created = valid.length;
  return result;
}

/** The file's rows, or BAD_USER_INPUT on `csv` for a file that is not CSV, lacks columns or is too long. */
function readCsv(csv: string): Row[] {
  let records: Row[];
  try {
    records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (error) {
    throw badInput(InputErrorCode.OUT_OF_RANGE, `The file is not valid CSV: ${(error as Error).message}`, 'csv');
  }
  const header = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .split(',')
    .map((name) => name.trim());
  const missing = IMPORT_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) throw badInput('MISSING_COLUMNS', `The header lacks column(s): ${missing.join(', ')}. See the template in the README.`, 'csv');
  if (records.length > MAX_ROWS) throw badInput(InputErrorCode.OUT_OF_RANGE, `At most ${MAX_ROWS} rows per file; this one has ${records.length}.`, 'csv');
  return records;
}

/** A partner imports its own organisation's reports only (ADMIN any). */
function assertOwnOrganisation(caller: Caller | null, records: Row[]): void {
  const ownOrganisation = caller?.role === Role.ADMIN ? null : (caller?.organisationId ?? '');
  const foreign = records.flatMap((record, index) => (ownOrganisation !== null && record.organisation_id !== ownOrganisation ? [index + 2] : []));
  if (foreign.length > 0) {
    throw forbidden(
      `A partner imports reports of its own organisation only; row(s) ${foreign.slice(0, 20).join(', ')}${foreign.length > 20 ? ', …' : ''} name another.`,
      AccessErrorCode.NOT_YOUR_ORGANISATION,
    );
  }
}

/** Every row checked against the references; rows are numbered as in the file (the header is row 1). */
function checkRows(ctx: RequestContext, records: Row[], reference: Reference): { problems: ImportProblem[]; valid: ValidRow[] } {
  const problems: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  records.forEach((record, index) => {
    const checked = checkRow(record, index + 2, reference);
    problems.push(...checked.problems);
    if (checked.valid) valid.push(checked.valid);
    if ((index + 1) % BATCH === 0) ctx.log.info({ checked: index + 1, of: records.length }, 'activity import: rows checked');
  });
  return { problems, valid };
}

/** The valid rows written in one transaction, in batches, then one audit row listing the reports; analytics follow at COMMIT. */
async function writeReports(ctx: RequestContext, valid: ValidRow[], reference: Reference): Promise<void> {
  const now = new Date();
  await ctx.em.transactional(async (em) => {
    await allowLongStatements(em);
    const knex = em.getKnex();
    // Knex builders must be told the transaction explicitly.
    const run = (query: ReturnType<typeof knex>) => em.getConnection().execute(query, [], 'run', em.getTransactionContext());
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      await run(knex('activity_report').insert(batch.map((row) => reportRow(em, ctx.caller, row, now))));
      const places = batch.flatMap((row) => placeRows(row, reference));
      const themes = batch.flatMap(({ id, themeCodes }) => themeCodes.map((code) => ({ report_id: id, theme_code: code })));
      if (places.length) await run(knex('activity_place').insert(places));
      if (themes.length) await run(knex('activity_report_theme').insert(themes));
      ctx.log.info({ written: Math.min(start + BATCH, valid.length), of: valid.length }, 'activity import: reports written');
    }
    // One audit row for the whole import, listing what it created.
    em.create(AuditEvent, {
      userId: ctx.caller?.userId ?? null,
      organisationId: ctx.caller?.organisationId ?? null,
      entityType: 'ActivityReport',
      entityId: `import:${valid.length}`,
      action: 'IMPORT',
      changes: { reports: { before: null, after: valid.map((row) => row.id) } },
      requestId: ctx.requestId,
    });
  });
}

function reportRow(em: EntityManager, caller: Caller | null, { id, row, counts }: ValidRow, now: Date) {
  return {
    id,
    project_id: row.project_id,
    organisation_id: row.organisation_id,
    type: row.type,
    title_ky: row.title_ky || null,
    title_ru: row.title_ru || null,
    title_en: row.title_en || null,
    start_date: row.start_date,
    end_date: row.end_date || row.start_date,
    participants_total: counts.participantsTotal,
    participants_women: counts.participantsWomen,
    participants_men: counts.participantsMen,
    participants_youth: counts.participantsYouth,
    outputs: em.getPlatform().marshallArray(list(row.outputs)),
    links: JSON.stringify([]),
    status: ReportStatus.SUBMITTED,
    submitted_at: now,
    submitted_by: caller?.userId ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** A report's places: codes may be aliases, so each place is stored once under the unit's current code, flagged when outside the project's coverage. */
function placeRows({ id, row, unitCodes }: ValidRow, reference: Reference) {
  return [...new Set(unitCodes.map((code) => reference.unitPaths.get(code)!))].map((path) => {
    const inside = (reference.coveragePaths.get(row.project_id) ?? []).some(
      (covered) => covered === path || path.startsWith(covered + PATH_SEPARATOR) || covered.startsWith(path + PATH_SEPARATOR),
    );
    return { id: randomUUID(), report_id: id, unit_code: path.slice(path.lastIndexOf(PATH_SEPARATOR) + 1), outside_coverage: !inside };
  });
}
