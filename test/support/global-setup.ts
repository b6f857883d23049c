import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { seedReferenceData } from '../../seeds';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from './cluster';
import { freePort } from './ports';

/**
 * One throwaway PostgreSQL for the whole run. A template database is migrated and seeded once;
 * every test file then copies it into a database of its own (see `test-server.ts`).
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yntymak-test-'));
  const cluster = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: TEMPLATE_DATABASE,
    throwaway: true,
  });
  const logger = pino({ level: 'warn' });
  const orm = await initOrm({ url: cluster.url, logger });
  try {
    await migrate(orm);
    await seedReferenceData(orm, logger);
  } finally {
    await orm.close(true);
  }
  // MikroORM keeps entity metadata on globalThis; when jest runs a test file in this same
  // process, metadata built here (in another realm) would break its discovery.
  for (const key of Object.keys(globalThis).filter((name) => name.startsWith('mikro-orm-'))) {
    delete (globalThis as Record<string, unknown>)[key];
  }
  process.env[ADMIN_URL_VARIABLE] = cluster.urlFor('postgres');
  (globalThis as { testCluster?: typeof cluster }).testCluster = cluster;
}
