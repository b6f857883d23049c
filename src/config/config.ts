import { resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

/** Thrown when the environment does not describe a usable configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const port = z.coerce
  .number({ message: 'expected a whole number from 1 to 65535' })
  .int({ message: 'expected a whole number from 1 to 65535' })
  .min(1, { message: 'expected a whole number from 1 to 65535' })
  .max(65535, { message: 'expected a whole number from 1 to 65535' });

/** TRUST_PROXY: true, false, a hop count, or addresses (IPv4/IPv6, optionally with a /prefix), comma-separated. */
const TRUST_PROXY_FORMAT = /^(true|false|\d{1,2}|[0-9a-fA-F:.]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*)$/;

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
  METRICS_PORT: port.optional(),
  METRICS_TOKEN: z.string().min(16, { message: 'expected a secret of at least 16 characters' }).optional(),
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
  /** Prometheus metrics on a port of their own (GET /metrics there), off when unset. */
  metricsPort?: number;
  /** Prometheus metrics at /metrics of the main port, for `Authorization: Bearer <token>`; off when unset. */
  metricsToken?: string;
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
    metricsPort: values.METRICS_PORT,
    metricsToken: values.METRICS_TOKEN,
  };
}

function trustProxyOf(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}
