import { DomainError } from '../common/errors';
import { Language, languageFromHeader } from '../common/localized-text';
import { badInput, normaliseCurrency } from '../common/validation';
import { REPORTING_CURRENCY } from '../funding/exchange-rate.entity';
import { AdminLevel } from '../geography/admin-unit.entity';
import { ParticipantRole } from '../projects/project-participant.entity';
import { ProjectStatus } from '../projects/project.entity';
import { CoverageMatch, type PeriodInput, type ProjectFilter } from '../projects/project.inputs';
import { ExportErrorCode } from './exports.errors';

/** A query string as Fastify parses it: a repeated parameter is an array. */
export type Query = Record<string, string | string[] | undefined>;

/** Options every export takes: the language of names and the currency of money. */
export interface CommonOptions {
  language: Language;
  currency: string;
}

export interface ThreeWOptions extends CommonOptions {
  filter: ProjectFilter;
}

/** The levels that have boundaries. */
export type MapLevel = AdminLevel.REGION | AdminLevel.DISTRICT;

export interface CoverageMapOptions extends CommonOptions {
  level: MapLevel;
  themeCodes: string[] | null;
  organisationIds: string[] | null;
  activeDuring: PeriodInput | null;
}

const COMMON_PARAMETERS = ['lang', 'currency', 'activeOn', 'activeFrom', 'activeTo'];
export const THREE_W_PARAMETERS = [...COMMON_PARAMETERS, 'theme', 'organisation', 'role', 'unit', 'coverageMatch', 'status', 'search'];
export const COVERAGE_MAP_PARAMETERS = [...COMMON_PARAMETERS, 'level', 'theme', 'organisation'];
const LIST_PARAMETERS = new Set(['theme', 'organisation', 'status']);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(parameter: string, message: string): DomainError {
  return badInput(ExportErrorCode.INVALID_PARAMETER, message, parameter);
}

/** Refuses parameters the export does not know (a misspelt filter would otherwise export everything). */
function checkKnown(query: Query, known: string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      throw badInput(ExportErrorCode.UNKNOWN_PARAMETER, `Unknown parameter "${name}". This export takes: ${known.join(', ')}.`, name);
    }
  }
}

/** One value of a parameter that may be given once; empty counts as not given. */
function single(query: Query, name: string): string | null {
  const value = query[name];
  if (Array.isArray(value)) {
    throw badInput(ExportErrorCode.REPEATED_PARAMETER, `The parameter "${name}" may be given only once.`, name);
  }
  return value?.trim() ? value.trim() : null;
}

/** The values of a list parameter, given repeated (`theme=A&theme=B`) or comma-separated (`theme=A,B`). */
function list(query: Query, name: string): string[] | null {
  const raw = query[name];
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length ? [...new Set(values)] : null;
}

function oneOf<T extends string>(parameter: string, value: string, allowed: readonly T[]): T {
  const upper = value.toUpperCase();
  if (!(allowed as readonly string[]).includes(upper)) {
    throw invalid(parameter, `"${value}" is not a value of "${parameter}"; use one of ${allowed.join(', ')}.`);
  }
  return upper as T;
}

function day(query: Query, name: string): string | null {
  const value = single(query, name);
  if (value === null) return null;
  const match = DAY.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw invalid(name, `"${name}" must be a day written as YYYY-MM-DD, e.g. 2026-05-04; got "${value}".`);
  }
  return value;
}

/**
 * The language of names: `lang` when given, else the Accept-Language header, as for /graphql
 * (where no language fits, English).
 */
function language(query: Query, acceptLanguage: string | undefined): Language {
  const asked = single(query, 'lang');
  if (asked === null) return languageFromHeader(acceptLanguage);
  const code = asked.toLowerCase();
  if (!(Object.values(Language) as string[]).includes(code)) throw invalid('lang', `"lang" must be ky, ru or en; got "${asked}".`);
  return code as Language;
}

/** `activeOn` (one day) or `activeFrom`/`activeTo` (a period, either end open); null for any time. */
function period(query: Query): PeriodInput | null {
  const on = day(query, 'activeOn');
  const from = day(query, 'activeFrom');
  const to = day(query, 'activeTo');
  if (on && (from || to)) {
    throw badInput(ExportErrorCode.CONFLICTING_PARAMETERS, 'Give either "activeOn" (one day) or "activeFrom"/"activeTo" (a period), not both.', 'activeOn');
  }
  if (on) return { from: on, to: on };
  if (from && to && to < from) throw invalid('activeTo', `"activeTo" (${to}) is before "activeFrom" (${from}).`);
  return from || to ? { from, to } : null;
}

function common(query: Query, acceptLanguage: string | undefined): CommonOptions {
  const currency = single(query, 'currency');
  return {
    language: language(query, acceptLanguage),
    currency: currency ? normaliseCurrency(currency, 'currency') : REPORTING_CURRENCY,
  };
}

/** The 3W export's parameters: the filter of the GraphQL `projects` list, as query parameters. */
export function threeWOptions(query: Query, acceptLanguage: string | undefined): ThreeWOptions {
  checkKnown(query, THREE_W_PARAMETERS);
  for (const name of Object.keys(query)) if (!LIST_PARAMETERS.has(name)) single(query, name);
  const role = single(query, 'role');
  const coverageMatch = single(query, 'coverageMatch');
  const unitCode = single(query, 'unit');
  const organisationIds = list(query, 'organisation');
  if (role && !organisationIds) throw badInput(ExportErrorCode.CONFLICTING_PARAMETERS, '"role" narrows "organisation": give an organisation too.', 'role');
  if (coverageMatch && !unitCode) throw badInput(ExportErrorCode.CONFLICTING_PARAMETERS, '"coverageMatch" says how projects relate to "unit": give a unit too.', 'coverageMatch');
  return {
    ...common(query, acceptLanguage),
    filter: {
      themeCodes: list(query, 'theme'),
      organisationIds,
      role: role ? oneOf('role', role, Object.values(ParticipantRole)) : null,
      unitCode,
      coverageMatch: coverageMatch ? oneOf('coverageMatch', coverageMatch, Object.values(CoverageMatch)) : CoverageMatch.INTERSECTING,
      status: list(query, 'status')?.map((status) => oneOf('status', status, Object.values(ProjectStatus))) ?? null,
      activeDuring: period(query),
      search: single(query, 'search'),
    },
  };
}

/** The coverage map's parameters: level, the coverage filter and the currency. */
export function coverageMapOptions(query: Query, acceptLanguage: string | undefined): CoverageMapOptions {
  checkKnown(query, COVERAGE_MAP_PARAMETERS);
  for (const name of Object.keys(query)) if (!LIST_PARAMETERS.has(name)) single(query, name);
  const level = single(query, 'level');
  return {
    ...common(query, acceptLanguage),
    level: level ? oneOf('level', level, [AdminLevel.REGION, AdminLevel.DISTRICT] as const) : AdminLevel.DISTRICT,
    themeCodes: list(query, 'theme'),
    organisationIds: list(query, 'organisation'),
    activeDuring: period(query),
  };
}

/** Where the checks shared with GraphQL name a GraphQL argument, the parameter that carries it. */
const PARAMETER_OF_FIELD: [RegExp, string][] = [
  [/^filter\.themeCodes/, 'theme'],
  [/^filter\.organisationIds(\[\d+\])?/, 'organisation'],
  [/^filter\.unitCode/, 'unit'],
  [/^filter\.withinCode/, 'unit'],
  [/^filter\.activeDuring\.to/, 'activeTo'],
  [/^filter\.activeDuring/, 'activeFrom'],
];

/** A domain error raised by a check shared with GraphQL, told in terms of the export's parameters. */
export function inParameterTerms(error: DomainError): DomainError {
  const field = error.field;
  if (!field) return error;
  const match = PARAMETER_OF_FIELD.find(([pattern]) => pattern.test(field));
  if (!match) return error;
  const parameter = match[1];
  const message = error.message.split(`\`${field}\``).join(`"${parameter}"`);
  return new DomainError(error.kind, error.reason, message, parameter);
}
