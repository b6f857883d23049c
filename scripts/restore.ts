/**
 * `npm run restore -- FILE`: restores a backup of `npm run backup` into an empty database:
 * DATABASE_URL's, or the embedded one in DATA_DIR (created when the folder is empty). Refuses a
 * database that holds anything, and a DATA_DIR a running hub uses.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config/config';
import { openOpsDatabase } from '../src/ops/ops-database';
import { runOpsCommand } from '../src/ops/command';
import { OpsError } from '../src/ops/ops.errors';
import { backupKind, restoreDatabase } from '../src/ops/restore';

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length !== 1 || files[0].startsWith('-')) throw new OpsError('Usage: npm run restore -- FILE (a backup written by npm run backup)');
  const file = resolve(files[0]);
  await backupKind(file);
  const config = loadConfig();
  const database = await openOpsDatabase(config, 'restore');
  let restored = false;
  try {
    const result = await restoreDatabase(database.url, file, { describe: database.describe, log: (line) => console.error(line) });
    restored = true;
    const what = result.rows === null ? 'pg_restore done' : `${result.tables} tables, ${result.rows.toLocaleString('en')} rows, schema ${result.migration}`;
    console.log(`Restored ${files[0]} into ${database.describe.replace(/^The/, 'the')} (${what}, ${(result.durationMs / 1000).toFixed(1)} s).`);
    console.log('Start the hub (npm start) to apply any newer migrations.');
  } finally {
    if (restored) await database.close();
    else await database.discard();
  }
}

runOpsCommand(main);
