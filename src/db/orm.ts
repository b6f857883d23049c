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
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 5000 },
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
