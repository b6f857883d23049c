import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import type { Logger } from 'pino';
import { migrationsList } from '../../migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { MAINTENANCE_STATEMENT_TIMEOUT_MS, setLocalStatementTimeout } from '../common/statement-timeout';
import { watchStatements } from './availability';
import { entities } from './entities';
import { OrmLogger } from './orm-logger';

export type Orm = MikroORM<PostgreSqlDriver>;

export interface OrmOptions {
  url: string;
  logger: Logger;
  poolMax?: number;
  /** PostgreSQL's statement_timeout for every pooled connection, in ms; 0: none. */
  statementTimeoutMs?: number;
}

/** Default of DB_STATEMENT_TIMEOUT_MS: no statement of a request should take longer. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
/** Longest wait for a free pooled connection (the pool is full, or the server does not answer). */
export const ACQUIRE_TIMEOUT_MS = 5000;
/** Longest wait for a new connection to be established (pg's default is no limit at all). */
export const CONNECT_TIMEOUT_MS = 3000;

/** How like a word of a name a search must be to find it, for pg_trgm's `<%`. */
export const WORD_SIMILARITY_THRESHOLD = 0.4;

/**
 * Connects MikroORM to PostgreSQL with the hub's entities and committed migrations. Every wait on
 * the database is bounded, so a request answers within about 5 s even when PostgreSQL hangs:
 * acquiring a pooled connection, opening one, each statement (statement_timeout, sent when the
 * connection opens), and a statement already sent to a server that stopped (the watchdog of
 * `watchStatements`). Batch work that needs longer raises the limit for its own transaction
 * (`setLocalStatementTimeout`).
 */
export function initOrm({ url, logger, poolMax = 10, statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS }: OrmOptions): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    pool: {
      min: 0,
      max: poolMax,
      acquireTimeoutMillis: ACQUIRE_TIMEOUT_MS,
      // The place search's "similar words" (pg_trgm's `<%`, which its index serves) start at
      // 0.4, not the default 0.6, so small misspellings are found (see unit-search.sql.ts). A server
      // without pg_trgm keeps the setting as a placeholder.
      afterCreate: (connection: Client, done: (error: Error | null, connection: unknown) => void) => {
        watchStatements(connection, url);
        connection.query(`set pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`, (error) => done(error, connection));
      },
    },
    // The analytics tables are maintained by triggers in SQL (see the analytics migrations), not by entities.
    schemaGenerator: { skipTables: [/^analytics_/] },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    loggerFactory: () => new OrmLogger(logger.child({ component: 'orm' })),
    // Knex (under MikroORM) would print pool errors with console.log; send them to pino.
    driverOptions: {
      // Merged into the connection settings MikroORM builds from `clientUrl`. pg sends
      // statement_timeout when it connects (0 leaves the server's default, no limit).
      connection: { connectionTimeoutMillis: CONNECT_TIMEOUT_MS, statement_timeout: statementTimeoutMs },
      log: {
        warn: (message: unknown) => logger.warn({ component: 'knex' }, String(message)),
        error: (message: unknown) => logger.error({ component: 'knex' }, String(message)),
        deprecate: (message: unknown) => logger.debug({ component: 'knex' }, String(message)),
        debug: (message: unknown) => logger.debug({ component: 'knex' }, String(message)),
      },
    },
    debug: false,
  });
}

/**
 * Applies the committed migrations that the database has not seen yet, all in one transaction
 * whose statements may run up to MAINTENANCE_STATEMENT_TIMEOUT_MS (an index or an analytics rebuild on
 * a large database takes longer than a request's limit).
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const connection = orm.em.getConnection();
  const applied = await connection.transactional(async (transaction) => {
    await setLocalStatementTimeout(connection, transaction, MAINTENANCE_STATEMENT_TIMEOUT_MS);
    return orm.getMigrator().up({ transaction });
  });
  return applied.map((migration) => migration.name);
}

/** Advisory lock key of start-up work (migrations, reference data): "yntymak" in ASCII, shortened. */
const STARTUP_LOCK = 7_959_156;

/**
 * Runs `work` (migrating, loading reference data) while holding a PostgreSQL advisory lock, so
 * that replicas started together on one database take turns: the first migrates, the others
 * wait, then find nothing left to do. The lock is held on a connection of its own and ends with
 * it, also if the process dies.
 */
export async function withStartupLock<T>(orm: Orm, work: () => Promise<T>): Promise<T> {
  const client = orm.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<{ query(sql: string): Promise<unknown> }>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    await connection.query(`select pg_advisory_lock(${STARTUP_LOCK})`);
    try {
      return await work();
    } finally {
      await connection.query(`select pg_advisory_unlock(${STARTUP_LOCK})`);
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
