/**
 * `npm run backup [-- --format=copy|pg_dump] [FILE or FOLDER]`: a consistent backup of the hub's
 * database (DATABASE_URL, or the embedded one in DATA_DIR, running or not) into one file,
 * by default `backups/yntymak-<UTC time>.pgcopy.gz` (or `.dump` when pg_dump is used).
 */
import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { backupDatabase, type BackupDestination, type BackupOptions } from '../src/ops/backup';
import { openOpsDatabase } from '../src/ops/ops-database';
import { runOpsCommand } from '../src/ops/command';
import { OpsError } from '../src/ops/ops.errors';

const USAGE = 'Usage: npm run backup -- [--format=auto|copy|pg_dump] [FILE or FOLDER]';

function parseArguments(argv: string[]): { format: BackupOptions['format']; destination: BackupDestination } {
  let format: BackupOptions['format'] = 'auto';
  let target: string | undefined;
  for (const argument of argv) {
    const option = /^--format=(.*)$/.exec(argument);
    if (option) {
      if (!['auto', 'copy', 'pg_dump'].includes(option[1])) throw new OpsError(`--format must be auto, copy or pg_dump; got "${option[1]}". ${USAGE}`);
      format = option[1] as BackupOptions['format'];
    } else if (argument.startsWith('-') || target !== undefined) {
      throw new OpsError(`Unexpected argument ${argument}. ${USAGE}`);
    } else {
      target = resolve(argument);
    }
  }
  if (target === undefined) return { format, destination: { folder: join(projectRoot, 'backups') } };
  const isFolder = existsSync(target) ? statSync(target).isDirectory() : !/\.(gz|dump)$/.test(target);
  return { format, destination: isFolder ? { folder: target } : { file: target } };
}

function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath.startsWith('..') ? path : relativePath;
}

async function main(): Promise<void> {
  const { format, destination } = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  const database = await openOpsDatabase(config, 'backup');
  try {
    const result = await backupDatabase(database.url, destination, { format, log: (line) => console.error(line) });
    const rows = result.rows === null ? '' : `, ${result.rows.toLocaleString('en')} rows`;
    const kind = result.format === 'copy' ? 'COPY format' : 'pg_dump custom format';
    console.log(`Backup written: ${shown(result.path)}`);
    console.log(
      `(${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ${kind}, ${result.tables} tables${rows}, schema ${result.migration}, ${(result.durationMs / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
}

runOpsCommand(main);
