import { DomainError } from '../common/errors';
import { Language, languageFromHeader } from '../common/localized-text';
import { CurrencyCode, currencyCode, inputRule, NotBefore, shown } from '../common/input-rules';
import { checkInput } from '../common/input-validation';
import { badInput } from '../common/validation';
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

const quoted = (name: string) => `"${name}"`;

/** Refuses parameters the export does not know (a misspelt filter would otherwise export everything). */
function checkKnown(query: Query, known: string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      throw badInput(ExportErrorCode.UNKNOWN_PARAMETER, `Unknown parameter "${name}". This export takes: ${known.join(', ')}.`, name);
    }
  }
}

/** A parameter that may be given once (a repeated one arrives as an array). */
const Once = () =>
  inputRule({
    name: 'once',
    reason: ExportErrorCode.REPEATED_PARAMETER,
    test: (value) => !Array.isArray(value),
    message: () => 'The parameter $path may be given only once.',
  });

/** A single parameter's value (null when left out, or repeated — which `@Once()` refuses). */
const given = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A day written as YYYY-MM-DD that is in the calendar. */
const Day = () =>
  inputRule({
    name: 'day',
    reason: ExportErrorCode.INVALID_PARAMETER,
    test: (value) => {
      const text = given(value);
      if (text === null) return true;
      const match = DAY.exec(text);
      return Boolean(match) && new Date(Date.UTC(Number(match![1]), Number(match![2]) - 1, Number(match![3]))).toISOString().slice(0, 10) === text;
    },
    message: (value) => `$path must be a day written as YYYY-MM-DD, e.g. 2026-05-04; got "${shown(value)}".`,
  });

/** One of `allowed`, in any case; a list parameter (an array) is checked value by value. */
const OneOf = (allowed: readonly string[], valuesName = 'a value') =>
  inputRule({
    name: 'oneOf',
    reason: ExportErrorCode.INVALID_PARAMETER,
    test: (value) => (Array.isArray(value) ? value : [value]).every((item) => typeof item !== 'string' || allowed.includes(item.toUpperCase())),
    message: (value) => {
      const bad = (Array.isArray(value) ? value : [value]).find((item) => typeof item === 'string' && !allowed.includes(item.toUpperCase()));
      return `"${shown(bad)}" is not ${valuesName} of $path; use one of ${allowed.join(', ')}.`;
    },
  });

/** A parameter that narrows another one, which must be given too. */
const Needs = (other: string, message: string) =>
  inputRule({ name: `needs_${other}`, reason: ExportErrorCode.CONFLICTING_PARAMETERS, test: (value, query) => value == null || query[other] != null, message: () => message });

const LanguageCode = () =>
  inputRule({
    name: 'language',
    reason: ExportErrorCode.INVALID_PARAMETER,
    test: (value) => typeof value !== 'string' || (Object.values(Language) as string[]).includes(value.toLowerCase()),
    message: (value) => `$path must be ky, ru or en; got "${shown(value)}".`,
  });

/** One day or a period, not both. */
const DayOrPeriod = () =>
  inputRule({
    name: 'dayOrPeriod',
    reason: ExportErrorCode.CONFLICTING_PARAMETERS,
    test: (on, query) => on == null || (query.activeFrom == null && query.activeTo == null),
    message: () => 'Give either "activeOn" (one day) or "activeFrom"/"activeTo" (a period), not both.',
  });

/** The parameters every export takes, as Fastify parsed them (blank ones left out, list parameters split). */
class CommonQuery {
  @Once()
  @LanguageCode()
  lang?: string | string[];

  @Once()
  @CurrencyCode()
  currency?: string | string[];

  @Once()
  @Day()
  @DayOrPeriod()
  activeOn?: string | string[];

  @Once()
  @Day()
  activeFrom?: string | string[];

  @Once()
  @Day()
  @NotBefore('activeFrom', ExportErrorCode.INVALID_PARAMETER)
  activeTo?: string | string[];

  theme?: string[];
  organisation?: string[];
}

class ThreeWQuery extends CommonQuery {
  @Once()
  @OneOf(Object.values(ParticipantRole))
  @Needs('organisation', '"role" narrows "organisation": give an organisation too.')
  role?: string | string[];

  @Once()
  unit?: string | string[];

  @Once()
  @OneOf(Object.values(CoverageMatch))
  @Needs('unit', '"coverageMatch" says how projects relate to "unit": give a unit too.')
  coverageMatch?: string | string[];

  @OneOf(Object.values(ProjectStatus))
  status?: string[];

  @Once()
  search?: string | string[];
}

class CoverageMapQuery extends CommonQuery {
  @Once()
  @OneOf([AdminLevel.REGION, AdminLevel.DISTRICT])
  level?: string | string[];
}

/**
 * The query as an instance of `Type`, checked by its class-validator rules (failures name the
 * parameter): a blank parameter counts as not given; a list parameter may be given repeated
 * (`theme=A&theme=B`) or comma-separated (`theme=A,B`).
 */
function checkedQuery<T extends object>(Type: new () => T, query: Query, known: string[]): T {
  checkKnown(query, known);
  const values: Record<string, string | string[]> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (LIST_PARAMETERS.has(name)) {
      const items = [
        ...new Set(
          (Array.isArray(raw) ? raw : [raw])
            .flatMap((value) => value.split(','))
            .map((value) => value.trim())
            .filter(Boolean),
        ),
      ];
      if (items.length) values[name] = items;
    } else if (Array.isArray(raw)) {
      values[name] = raw;
    } else if (raw.trim()) {
      values[name] = raw.trim();
    }
  }
  const checked = Object.assign(new Type(), values);
  checkInput(checked, '', quoted);
  return checked;
}

/** `activeOn` (one day) or `activeFrom`/`activeTo` (a period, either end open); null for any time. */
function period(query: CommonQuery): PeriodInput | null {
  const on = given(query.activeOn);
  if (on) return { from: on, to: on };
  const [from, to] = [given(query.activeFrom), given(query.activeTo)];
  return from || to ? { from, to } : null;
}

/**
 * The language of names: `lang` when given, else the Accept-Language header, as for /graphql
 * (where no language fits, English); and the currency of money.
 */
function common(query: CommonQuery, acceptLanguage: string | undefined): CommonOptions {
  const lang = given(query.lang);
  const currency = given(query.currency);
  return {
    language: lang ? (lang.toLowerCase() as Language) : languageFromHeader(acceptLanguage),
    currency: currency ? currencyCode(currency) : REPORTING_CURRENCY,
  };
}

/** The 3W export's parameters: the filter of the GraphQL `projects` list, as query parameters. */
export function threeWOptions(raw: Query, acceptLanguage: string | undefined): ThreeWOptions {
  const query = checkedQuery(ThreeWQuery, raw, THREE_W_PARAMETERS);
  const role = given(query.role);
  const coverageMatch = given(query.coverageMatch);
  return {
    ...common(query, acceptLanguage),
    filter: {
      themeCodes: query.theme ?? null,
      organisationIds: query.organisation ?? null,
      role: role ? (role.toUpperCase() as ParticipantRole) : null,
      unitCode: given(query.unit),
      coverageMatch: coverageMatch ? (coverageMatch.toUpperCase() as CoverageMatch) : CoverageMatch.INTERSECTING,
      status: query.status?.map((status) => status.toUpperCase() as ProjectStatus) ?? null,
      activeDuring: period(query),
      search: given(query.search),
    },
  };
}

/** The coverage map's parameters: level, the coverage filter and the currency. */
export function coverageMapOptions(raw: Query, acceptLanguage: string | undefined): CoverageMapOptions {
  const query = checkedQuery(CoverageMapQuery, raw, COVERAGE_MAP_PARAMETERS);
  const level = given(query.level);
  return {
    ...common(query, acceptLanguage),
    level: level ? (level.toUpperCase() as MapLevel) : AdminLevel.DISTRICT,
    themeCodes: query.theme ?? null,
    organisationIds: query.organisation ?? null,
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
