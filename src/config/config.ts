import { resolve } from 'node:path';
import { IsOptional, registerDecorator, validateSync } from 'class-validator';
import { projectRoot } from './paths';

/** Thrown when the environment does not describe a usable configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** TRUST_PROXY: true, false, a hop count, or addresses (IPv4/IPv6, optionally with a /prefix), comma-separated. */
const TRUST_PROXY_FORMAT = /^(true|false|\d{1,2}|[0-9a-fA-F:.]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*)$/;

/** An IATI organisation identifier: `{agency}-{number}` or a bare DAC code (44000), without spaces. */
const IATI_ORGANISATION_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/;
/** The IATI OrganisationType codes (seeds/reference/iati/codelists/OrganisationType.xml). */
const IATI_ORGANISATION_TYPE_CODES = ['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'] as const;

/** CORS_ORIGINS: origins (scheme://host[:port], no path), comma-separated. */
const ORIGIN_LIST_FORMAT = /^https?:\/\/[^\s/,]+(\s*,\s*https?:\/\/[^\s/,]+)*$/;

/** What a variable of this kind must be; the message of the one line that stops start-up. */
const expect = (message: string, test: (value: string) => boolean) =>
  function (target: object, property: string | symbol): void {
    registerDecorator({
      name: 'environment',
      target: target.constructor,
      propertyName: String(property),
      options: { message },
      validator: { validate: (value: unknown) => test(String(value)) },
    });
  };

const wholeNumber = (min: number, max: number, message = `expected a whole number from ${min} to ${max}`) =>
  expect(message, (value) => value.trim() !== '' && Number.isInteger(Number(value)) && Number(value) >= min && Number(value) <= max);
const oneOf = (values: readonly string[], message: string) => expect(message, (value) => values.includes(value));
const matching = (pattern: RegExp, message: string) => expect(message, (value) => pattern.test(value));
const nonEmpty = (message: string) => expect(message, (value) => value.trim().length > 0);

const BOOLEANS = ['true', 'false', '1', '0', 'yes', 'no'];
const booleanValue = oneOf(BOOLEANS, 'expected true or false');
const port = wholeNumber(1, 65535);
const count = wholeNumber(1, 1_000_000);

/**
 * The environment variables the hub reads, as strings with their defaults; each carries the one
 * check of its value (class-validator, as the hub's inputs). Left-out ones keep the default.
 */
class Environment {
  @oneOf(['development', 'production', 'test'], 'expected development, production or test')
  NODE_ENV = 'development';

  @nonEmpty('expected a host name or address')
  HOST = '127.0.0.1';

  @port
  PORT = '4000';

  @IsOptional()
  @matching(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// connection URL')
  DATABASE_URL?: string;

  @nonEmpty('expected a directory path')
  DATA_DIR = '.data';

  @port
  EMBEDDED_PG_PORT = '54329';

  @oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected one of fatal, error, warn, info, debug, trace, silent')
  LOG_LEVEL = 'info';

  @booleanValue
  SEED_ON_START = 'true';

  @IsOptional()
  @booleanValue
  SQL_COUNT_HEADER?: string;

  @wholeNumber(1, 100)
  DB_POOL_MAX = '10';

  @nonEmpty('expected a directory path')
  WEB_DIR = 'dist/web';

  @IsOptional()
  @matching(TRUST_PROXY_FORMAT, 'expected false, true, a number of proxies, or a comma-separated list of proxy addresses (CIDR allowed)')
  TRUST_PROXY?: string;

  @booleanValue
  RATE_LIMITS = 'true';

  @count
  RATE_LIMIT_PER_TOKEN = '600';

  @count
  RATE_LIMIT_ANONYMOUS = '120';

  @count
  RATE_LIMIT_LOGIN = '10';

  @wholeNumber(1, 86_400, 'expected a whole number of seconds from 1 to 86400')
  RATE_LIMIT_WINDOW_SECONDS = '60';

  @IsOptional()
  @matching(ORIGIN_LIST_FORMAT, 'expected origins such as https://partner.example.org, comma-separated (scheme and host, no path)')
  CORS_ORIGINS?: string;

  @wholeNumber(0, 3_600_000, 'expected a whole number of milliseconds from 0 (no limit) to 3600000')
  DB_STATEMENT_TIMEOUT_MS = '5000';

  @IsOptional()
  @port
  METRICS_PORT?: string;

  @IsOptional()
  @expect('expected a secret of at least 16 characters', (value) => value.length >= 16)
  METRICS_TOKEN?: string;

  @IsOptional()
  @matching(IATI_ORGANISATION_REF, 'expected an IATI organisation identifier such as XM-DAC-41114 or KG-INN-01234567890123 (letters, digits, - . _ :, no spaces)')
  IATI_PUBLISHER_REF?: string;

  @nonEmpty('expected the name of the publishing organisation')
  @expect('expected at most 500 characters', (value) => value.trim().length <= 500)
  IATI_PUBLISHER_NAME = 'Yntymak coordination hub';

  @oneOf(IATI_ORGANISATION_TYPE_CODES, `expected an IATI OrganisationType code: ${IATI_ORGANISATION_TYPE_CODES.join(', ')}`)
  IATI_PUBLISHER_TYPE: (typeof IATI_ORGANISATION_TYPE_CODES)[number] = '90';
}

const isTrue = (value: string) => ['true', '1', 'yes'].includes(value);

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** External PostgreSQL; when absent an embedded one is started under `dataDir`. */
  databaseUrl?: string;
  /** Absolute path of the folder that holds the embedded PostgreSQL cluster. */
  dataDir: string;
  embeddedPostgresPort: number;
  logLevel: string;
  seedOnStart: boolean;
  /** Adds `x-sql-statements` to every GraphQL response (on unless production). */
  sqlCountHeader: boolean;
  dbPoolMax: number;
  /** Absolute path of the built web UI (Vite's output). */
  webDir: string;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client's address (Fastify's
   * `trustProxy`): none (false), all (true), the nearest N, or those at these addresses.
   */
  trustProxy: boolean | number | string[];
  /** Requests per window; `null` when RATE_LIMITS=false. */
  rateLimits: RateLimits | null;
  /** Origins whose pages may call the API from a browser (CORS), with cookies; empty: none. */
  corsOrigins: string[];
  /** Longest a single SQL statement of a request may run (PostgreSQL's statement_timeout); 0: no limit. */
  dbStatementTimeoutMs: number;
  /** Prometheus metrics on a port of their own (GET /metrics there), off when unset. */
  metricsPort?: number;
  /** Prometheus metrics at /metrics of the main port, for `Authorization: Bearer <token>`; off when unset. */
  metricsToken?: string;
  /** Who publishes the IATI export where no organisation of a project can report it (README, "IATI export"). */
  iatiPublisher: IatiPublisher | null;
}

export interface RateLimits {
  /** Per API token or browser session. */
  perToken: number;
  /** Per client address, for requests without valid credentials. */
  anonymous: number;
  /** `login` mutations per client address. */
  login: number;
  windowMs: number;
}

/** The hub's own publishing organisation in IATI terms, from IATI_PUBLISHER_REF / _NAME / _TYPE. */
export interface IatiPublisher {
  ref: string;
  name: string;
  /** IATI OrganisationType code. */
  type: string;
}

/**
 * Reads and validates the configuration once. The first bad variable stops start-up with a
 * single line that names it and says what is expected.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const values = new Environment();
  Object.assign(values, present);
  const [problem] = validateSync(values, { forbidUnknownValues: false });
  if (problem) {
    const variable = problem.property;
    throw new ConfigError(`Invalid configuration: ${variable}=${JSON.stringify(env[variable])}: ${Object.values(problem.constraints ?? {})[0]}`);
  }
  return {
    env: values.NODE_ENV as AppConfig['env'],
    host: values.HOST,
    port: Number(values.PORT),
    databaseUrl: values.DATABASE_URL,
    dataDir: resolve(projectRoot, values.DATA_DIR),
    embeddedPostgresPort: Number(values.EMBEDDED_PG_PORT),
    logLevel: values.LOG_LEVEL,
    seedOnStart: isTrue(values.SEED_ON_START),
    sqlCountHeader: values.SQL_COUNT_HEADER !== undefined ? isTrue(values.SQL_COUNT_HEADER) : values.NODE_ENV !== 'production',
    dbPoolMax: Number(values.DB_POOL_MAX),
    webDir: resolve(projectRoot, values.WEB_DIR),
    trustProxy: trustProxyOf(values.TRUST_PROXY),
    rateLimits: isTrue(values.RATE_LIMITS)
      ? {
          perToken: Number(values.RATE_LIMIT_PER_TOKEN),
          anonymous: Number(values.RATE_LIMIT_ANONYMOUS),
          login: Number(values.RATE_LIMIT_LOGIN),
          windowMs: Number(values.RATE_LIMIT_WINDOW_SECONDS) * 1000,
        }
      : null,
    corsOrigins: values.CORS_ORIGINS ? values.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    dbStatementTimeoutMs: Number(values.DB_STATEMENT_TIMEOUT_MS),
    metricsPort: values.METRICS_PORT !== undefined ? Number(values.METRICS_PORT) : undefined,
    metricsToken: values.METRICS_TOKEN,
    iatiPublisher: values.IATI_PUBLISHER_REF ? { ref: values.IATI_PUBLISHER_REF, name: values.IATI_PUBLISHER_NAME.trim(), type: values.IATI_PUBLISHER_TYPE } : null,
  };
}

function trustProxyOf(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
