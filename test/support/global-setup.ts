import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import pino from 'pino';
import { seedReferenceData } from '../../seeds';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { BROWSER_ENDPOINT_VARIABLE, CHROMIUM, launchBrowserServer } from './chromium';
import { ADMIN_URL_VARIABLE, TEMPLATE_DATABASE } from './cluster';
import { freePort } from './ports';

/** What the global teardown stops. */
export interface TestRunResources {
  cluster?: EmbeddedPostgres;
  browserServer?: BrowserServer;
}

async function startTemplateCluster(): Promise<EmbeddedPostgres> {
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
  return cluster;
}

/**
 * One throwaway PostgreSQL for the whole run. A template database is migrated and seeded once;
 * every test file then copies it into a database of its own (see `test-server.ts`). One chromium
 * for the whole run too, started meanwhile when there is one: the browser test files connect to
 * it (see `chromium.ts`) instead of each starting its own.
 */
export default async function globalSetup(): Promise<void> {
  const resources = ((globalThis as { testRun?: TestRunResources }).testRun = {} as TestRunResources);
  const browserServer = existsSync(CHROMIUM) ? launchBrowserServer().then((server) => (resources.browserServer = server)) : Promise.resolve(undefined);
  const [cluster, browser] = await Promise.allSettled([startTemplateCluster(), browserServer]);
  if (cluster.status === 'fulfilled') resources.cluster = cluster.value;
  if (cluster.status === 'rejected' || browser.status === 'rejected') {
    await resources.browserServer?.close();
    await resources.cluster?.stop();
    throw cluster.status === 'rejected' ? cluster.reason : (browser as PromiseRejectedResult).reason;
  }
  // MikroORM keeps entity metadata on globalThis; when jest runs a test file in this same
  // process, metadata built here (in another realm) would break its discovery.
  for (const key of Object.keys(globalThis).filter((name) => name.startsWith('mikro-orm-'))) {
    delete (globalThis as Record<string, unknown>)[key];
  }
  process.env[ADMIN_URL_VARIABLE] = cluster.value.urlFor('postgres');
  if (resources.browserServer) process.env[BROWSER_ENDPOINT_VARIABLE] = resources.browserServer.wsEndpoint();
}
