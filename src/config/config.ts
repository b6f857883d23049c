import { resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

/** Thrown when the environment does not describe a usable configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const booleanFromEnv = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).transform((value) => ['true', '1', 'yes'].includes(value));

const port = z.coerce
  .number({ message: 'expected a whole number from 1 to 65535' })
  .int({ message: 'expected a whole number from 1 to 65535' })
  .min(1, { message: 'expected a whole number from 1 to 65535' })
  .max(65535, { message: 'expected a whole number from 1 to 65535' });

/** TRUST_PROXY: true, false, a hop count, or addresses (IPv4/IPv6, optionally with a /prefix), comma-separated. */
const TRUST_PROXY_FORMAT = /^(true|false|\d{1,2}|[0-9a-fA-F:.]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*)$/;

/** An IATI organisation identifier: `{agency}-{number}` or a bare DAC code (44000), without spaces. */
const IATI_ORGANISATION_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/;
/** The IATI OrganisationType codes (seeds/reference/iati/codelists/OrganisationType.xml). */
const IATI_ORGANISATION_TYPE_CODES = ['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'] as const;

const count = (message: string, min: number, max: number) => z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

/** CORS_ORIGINS: origins (scheme://host[:port], no path), comma-separated. */
const ORIGIN_LIST_FORMAT = /^https?:\/\/[^\s/,]+(\s*,\s*https?:\/\/[^\s/,]+)*$/;

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'expected development, production or test' }).default('development'),
  HOST: z.string().min(1, { message: 'expected a host name or address' }).default('127.0.0.1'),
  PORT: port.default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// or postgresql:// connection URL' })
    .optional(),
  DATA_DIR: z.string().min(1, { message: 'expected a directory path' }).default('.data'),
  EMBEDDED_PG_PORT: port.default(54329),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SEED_ON_START: booleanFromEnv.default(true),
  SQL_COUNT_HEADER: booleanFromEnv.optional(),
  DB_POOL_MAX: z.coerce
    .number({ message: 'expected a whole number from 1 to 100' })
    .int({ message: 'expected a whole number from 1 to 100' })
    .min(1, { message: 'expected a whole number from 1 to 100' })
    .max(100, { message: 'expected a whole number from 1 to 100' })
    .default(10),
  WEB_DIR: z.string().min(1, { message: 'expected a directory path' }).default('dist/web'),
  TRUST_PROXY: z
    .string()
    .regex(TRUST_PROXY_FORMAT, { message: 'expected false, true, a number of proxies, or a comma-separated list of proxy addresses (CIDR allowed)' })
    .optional(),
  RATE_LIMITS: booleanFromEnv.default(true),
  RATE_LIMIT_PER_TOKEN: count('expected a whole number from 1 to 1000000', 1, 1_000_000).default(600),
  RATE_LIMIT_ANONYMOUS: count('expected a whole number from 1 to 1000000', 1, 1_000_000).default(120),
  RATE_LIMIT_LOGIN: count('expected a whole number from 1 to 1000000', 1, 1_000_000).default(10),
  RATE_LIMIT_WINDOW_SECONDS: count('expected a whole number of seconds from 1 to 86400', 1, 86_400).default(60),
  CORS_ORIGINS: z.string().regex(ORIGIN_LIST_FORMAT, { message: 'expected origins such as https://partner.example.org, comma-separated (scheme and host, no path)' }).optional(),
  DB_STATEMENT_TIMEOUT_MS: count('expected a whole number of milliseconds from 0 (no limit) to 3600000', 0, 3_600_000).default(5000),
  METRICS_PORT: port.optional(),
  METRICS_TOKEN: z.string().min(16, { message: 'expected a secret of at least 16 characters' }).optional(),
  IATI_PUBLISHER_REF: z
    .string()
    .regex(IATI_ORGANISATION_REF, { message: 'expected an IATI organisation identifier such as XM-DAC-41114 or KG-INN-01234567890123 (letters, digits, - . _ :, no spaces)' })
    .optional(),
  IATI_PUBLISHER_NAME: z
    .string()
    .trim()
    .min(1, { message: 'expected the name of the publishing organisation' })
    .max(500, { message: 'expected at most 500 characters' })
    .default('Yntymak coordination hub'),
  IATI_PUBLISHER_TYPE: z.enum(IATI_ORGANISATION_TYPE_CODES, { message: `expected an IATI OrganisationType code: ${IATI_ORGANISATION_TYPE_CODES.join(', ')}` }).default('90'),
});

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
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    const given = env[variable];
    throw new ConfigError(`Invalid configuration: ${variable}=${JSON.stringify(given)}: ${issue.message}`);
  }
  const values = parsed.data;
  return {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    dataDir: resolve(projectRoot, values.DATA_DIR),
    embeddedPostgresPort: values.EMBEDDED_PG_PORT,
    logLevel: values.LOG_LEVEL,
    seedOnStart: values.SEED_ON_START,
    sqlCountHeader: values.SQL_COUNT_HEADER ?? values.NODE_ENV !== 'production',
    dbPoolMax: values.DB_POOL_MAX,
    webDir: resolve(projectRoot, values.WEB_DIR),
    trustProxy: trustProxyOf(values.TRUST_PROXY),
    rateLimits: values.RATE_LIMITS
      ? {
          perToken: values.RATE_LIMIT_PER_TOKEN,
          anonymous: values.RATE_LIMIT_ANONYMOUS,
          login: values.RATE_LIMIT_LOGIN,
          windowMs: values.RATE_LIMIT_WINDOW_SECONDS * 1000,
        }
      : null,
    corsOrigins: values.CORS_ORIGINS ? values.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    dbStatementTimeoutMs: values.DB_STATEMENT_TIMEOUT_MS,
    metricsPort: values.METRICS_PORT,
    metricsToken: values.METRICS_TOKEN,
    iatiPublisher: values.IATI_PUBLISHER_REF ? { ref: values.IATI_PUBLISHER_REF, name: values.IATI_PUBLISHER_NAME, type: values.IATI_PUBLISHER_TYPE } : null,
  };
}

function trustProxyOf(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
