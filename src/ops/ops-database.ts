import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pino from 'pino';
import type { AppConfig } from '../config/config';
import { EMBEDDED_DATABASE_NAME, openDatabase } from '../db/database';
import { projectRoot } from '../config/paths';
import { OpsError } from './ops.errors';

/** The database `npm start` would use, opened for an operations command. */
export interface OpsDatabase {
  url: string;
  /** e.g. `The embedded database in .data/postgres` or `The database at db.example:5432/yntymak`. */
  describe: string;
  /** Stops the embedded PostgreSQL if this command started it; otherwise leaves it running. */
  close(): Promise<void>;
  /** After a failed restore into a data folder this command created: removes that cluster. */
  discard(): Promise<void>;
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `The database at ${parsed.host}${parsed.pathname} (DATABASE_URL)`;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR: shared with a server
 * that runs on it, or started for the command (and stopped after it) when none does.
 * `purpose` `backup` and `import` need a cluster to exist (and share a running server's); `restore` creates one in an empty DATA_DIR and
 * refuses one that a server is running on.
 */
export async function openOpsDatabase(config: AppConfig, purpose: 'backup' | 'restore' | 'import'): Promise<OpsDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, describe: describeUrl(config.databaseUrl), close: async () => undefined, discard: async () => undefined };
  }
  const clusterDir = join(config.dataDir, 'postgres');
  const shown = relative(projectRoot, clusterDir).startsWith('..') ? clusterDir : relative(projectRoot, clusterDir);
  const existed = existsSync(join(clusterDir, 'PG_VERSION'));
  if (purpose !== 'restore' && !existed) {
    throw new OpsError(
      `No embedded database in ${shown}: nothing to ${purpose === 'backup' ? 'back up' : 'import into (start the hub once first)'}. Set DATA_DIR (or DATABASE_URL) to the hub's data.`,
    );
  }
  let database;
  try {
    database = await openDatabase(config, pino({ level: 'silent' }), { shareRunning: purpose !== 'restore' });
  } catch (error) {
    const message = (error as Error).message;
    if (/in use by process/.test(message)) {
      throw new OpsError(`The hub is running on ${shown} (${/process \d+/.exec(message)?.[0]}): stop it before restoring into that folder.`);
    }
    // The first line says what failed; PostgreSQL's own line says why (e.g. the port is taken).
    const [first, ...rest] = message.split('\n');
    const why = rest.find((line) => /could not bind|FATAL:/.test(line))?.replace(/^.*?(LOG|FATAL):\s*/, '');
    throw new OpsError(`${first.trim()}${why ? ` ${why}` : ''}`);
  }
  const embedded = database.embedded!;
  return {
    url: database.url,
    describe: `The embedded database in ${shown} (${EMBEDDED_DATABASE_NAME})`,
    close: () => embedded.stop(),
    discard: async () => {
      await embedded.stop();
      if (!existed) await rm(clusterDir, { recursive: true, force: true });
    },
  };
}
