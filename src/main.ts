/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set) → migrations → reference data
 * → HTTP server. SIGTERM/SIGINT drain requests, close the database and exit 0.
 */
import 'reflect-metadata';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { type DatabaseLocation, openDatabase } from './db/database';
import { initOrm, migrate, type Orm, withStartupLock } from './db/orm';
import { type App, createApp } from './server/app';
import { createLogger } from './common/logger';
import { seedReferenceData } from '../seeds';

const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();

  let database: DatabaseLocation | undefined;
  let orm: Orm | undefined;
  let app: App | undefined;
  let stopping = false;

  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app?.close();
      await orm?.close(true);
      await database?.embedded?.stop();
      logger.info('stopped');
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      exitCode = 1;
    }
    logger.flush();
    process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void shutdown(signal, 0));
  }

  try {
    database = await openDatabase(config, logger, {
      // Without its database the hub cannot serve; exit so a supervisor (or the operator) starts
      // it again, and PostgreSQL recovers from its write-ahead log on that start.
      onUnexpectedExit: (reason) => {
        logger.fatal({ reason }, `The embedded PostgreSQL stopped unexpectedly (${reason}); stopping. Run npm start again: it recovers the data.`);
        void shutdown('embedded PostgreSQL stopped', 1);
      },
    });
    orm = await initOrm({ url: database.url, logger, poolMax: config.dbPoolMax, statementTimeoutMs: config.dbStatementTimeoutMs });
    const ready = orm;
    await withStartupLock(ready, async () => {
      const applied = await migrate(ready);
      if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
      if (config.seedOnStart) await seedReferenceData(ready, logger);
    });
    app = await createApp(config, orm, logger);
    await app.http.listen({ host: config.host, port: config.port });
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await shutdown('start-up failed', 1);
    return;
  }
  if (stopping) return;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/graphql`;
  logger.info({ graphql: url, data: database.describe, node: process.version, startedInMs: Date.now() - started }, `Yntymak serves GraphQL at ${url}; data: ${database.describe}`);
}

void main();
