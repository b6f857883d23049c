import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { migrationsList } from '../../migrations';
import { AuditSubscriber } from '../audit/audit.subscriber';
import { entities } from './entities';
import { OrmLogger } from './orm-logger';

export type Orm = MikroORM<PostgreSqlDriver>;

export interface OrmOptions {
  url: string;
  logger: Logger;
  poolMax?: number;
}

/** How like a word of a name a search must be to find it, for pg_trgm's `<%`. */
export const WORD_SIMILARITY_THRESHOLD = 0.4;

/** Connects MikroORM to PostgreSQL with the hub's entities and committed migrations. */
export function initOrm({ url, logger, poolMax = 10 }: OrmOptions): Promise<Orm> {
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
      acquireTimeoutMillis: 5000,
      // The place search's "similar words" (pg_trgm's `<%`, which its index serves) start at
      // 0.4, not the default 0.6, so small misspellings are found (see unit-search.ts). A server
      // without pg_trgm keeps the setting as a placeholder.
      afterCreate: (connection: { query(sql: string, done: (error: Error | null) => void): void }, done: (error: Error | null, connection: unknown) => void) => {
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

/** Applies the committed migrations that the database has not seen yet. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
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
