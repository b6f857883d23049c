/**
 * A consistent backup of a running hub's database into one file.
 *
 * With a `pg_dump` on PATH as new as the server, its custom format (`.dump`). Otherwise (the
 * embedded PostgreSQL ships none, and Debian's is older than it) the hub's own format (see
 * `backup-file.ts`): every table through `COPY … TO STDOUT`, all inside one read-only
 * REPEATABLE READ transaction, so the file is one moment of the database however long the copy
 * takes and whatever is written meanwhile; with the last migration applied, to rebuild the schema.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupWriter } from './backup-file';
import { materializedViewNames, MIGRATIONS_TABLE, quoted, sequenceNames, tablesInLoadOrder } from './catalogue';
import { OpsError } from './ops.errors';

const run = promisify(execFile);

export type BackupFormat = 'copy' | 'pg_dump';

export interface BackupResult {
  path: string;
  format: BackupFormat;
  bytes: number;
  tables: number;
  /** Rows copied (unknown for pg_dump's format). */
  rows: number | null;
  migration: string;
  durationMs: number;
}

export interface BackupOptions {
  /** `auto` (default): pg_dump when a recent enough one is on PATH, else the COPY format. */
  format?: BackupFormat | 'auto';
  /** Progress lines for a person. */
  log?: (line: string) => void;
}

/** The file name of a backup taken now: `yntymak-2026-12-02T031205Z.pgcopy.gz` or `.dump`. */
export function backupFileName(format: BackupFormat, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const readable = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}${stamp.slice(8)}`;
  return `yntymak-${readable}.${format === 'copy' ? 'pgcopy.gz' : 'dump'}`;
}

/** The major version of the `pg_dump` on PATH, or null when there is none. */
export async function pgDumpMajor(command = 'pg_dump'): Promise<number | null> {
  try {
    const { stdout } = await run(command, ['--version']);
    return majorOf(stdout);
  } catch {
    return null;
  }
}

/** `pg_dump (PostgreSQL) 15.18 (Debian …)` → 15. */
export function majorOf(versionText: string): number | null {
  const match = /\)\s+(\d+)(?:\.\d+)?/.exec(versionText) ?? /(\d+)\.\d+/.exec(versionText);
  return match ? Number(match[1]) : null;
}

/**
 * pg_dump reads servers of its own major version and older ones; an older pg_dump refuses a
 * newer server. So it is used when its major version is at least the server's.
 */
export function chooseFormat(requested: BackupOptions['format'], serverMajor: number, dumpMajor: number | null): BackupFormat {
  if (requested === 'copy') return 'copy';
  const usable = dumpMajor !== null && dumpMajor >= serverMajor;
  if (requested === 'pg_dump' && !usable) {
    throw new OpsError(
      dumpMajor === null
        ? 'No pg_dump on PATH; leave out --format=pg_dump to use the built-in format.'
        : `pg_dump ${dumpMajor} cannot read PostgreSQL ${serverMajor}; install pg_dump ${serverMajor} or leave out --format=pg_dump.`,
    );
  }
  return usable ? 'pg_dump' : 'copy';
}

/** Where to write: a file of this name, or a new file named for its time in this folder. */
export type BackupDestination = { file: string } | { folder: string };

/**
 * Writes a backup of the database at `url`. The file appears only when complete (it is written
 * as `….partial` first) and never replaces an existing one.
 */
export async function backupDatabase(url: string, destination: BackupDestination, options: BackupOptions = {}): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const client = new Client({ connectionString: url });
  // A dropped connection fails the statement waiting on it; without a listener it would also crash the process.
  client.on('error', () => undefined);
  await client.connect();
  let partial: string | undefined;
  try {
    const serverMajor = Math.floor(Number((await client.query<{ v: string }>('show server_version_num')).rows[0].v) / 10000);
    const format = chooseFormat(options.format ?? 'auto', serverMajor, options.format === 'copy' ? null : await pgDumpMajor());
    const path = 'file' in destination ? destination.file : join(destination.folder, backupFileName(format));
    if (existsSync(path)) throw new OpsError(`${path} exists already; choose another name.`);
    await mkdir(dirname(path), { recursive: true });
    partial = `${path}.partial`;
    let summary: { tables: number; rows: number | null; migration: string };
    if (format === 'pg_dump') {
      log(`pg_dump ${serverMajor} found on PATH: writing its custom format`);
      summary = await writePgDump(client, url, partial);
    } else {
      summary = await writeCopyBackup(client, partial, log);
    }
    await rename(partial, path);
    return { path, format, bytes: (await stat(path)).size, ...summary, durationMs: Date.now() - started };
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

async function lastMigration(client: Client): Promise<string> {
  const exists = (await client.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [MIGRATIONS_TABLE])).rows[0].ok;
  const last = exists ? (await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id desc limit 1`)).rows[0] : undefined;
  if (!last) throw new OpsError('The database has no Yntymak schema (no migrations applied): nothing to back up.');
  return last.name;
}

async function writeCopyBackup(client: Client, path: string, log: (line: string) => void): Promise<{ tables: number; rows: number; migration: string }> {
  // One snapshot for every table; no timeout of the server's or a pooler's cuts a long copy short.
  await client.query('begin isolation level repeatable read read only');
  try {
    await client.query(`set local statement_timeout = 0`);
    await client.query(`set local idle_in_transaction_session_timeout = 0`);
    const tables = await tablesInLoadOrder(client);
    // Like pg_dump: a migration that would drop or change a table waits until the copy is done.
    if (tables.length > 0) await client.query(`lock table ${tables.map((table) => quoted(table.name)).join(', ')} in access share mode`);
    const migration = await lastMigration(client);
    const sequences = [];
    for (const name of await sequenceNames(client)) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${quoted(name)}`);
      sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const version = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    const writer = new BackupWriter(path);
    let total = 0;
    try {
      await writer.header({
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migration,
        postgresVersion: version,
        sequences,
        materializedViews: await materializedViewNames(client),
      });
      for (const table of tables) {
        const columns = table.columns.map(quoted).join(', ');
        const rows = client.query(copyTo(`copy ${quoted(table.name)} (${columns}) to stdout`));
        const count = await writer.table({ table: table.name, columns: table.columns }, rows);
        total += count;
        if (count >= 10_000) log(`${table.name}: ${count.toLocaleString('en')} rows`);
      }
      await writer.close();
    } catch (error) {
      writer.abort();
      throw error;
    }
    return { tables: tables.length, rows: total, migration };
  } finally {
    await client.query('rollback').catch(() => undefined);
  }
}

async function writePgDump(client: Client, url: string, path: string): Promise<{ tables: number; rows: null; migration: string }> {
  const migration = await lastMigration(client);
  const tables = (await tablesInLoadOrder(client)).length;
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path}`, `--dbname=${target.toString()}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new OpsError(`pg_dump failed: ${stderr || (error as Error).message}`);
  }
  return { tables, rows: null, migration };
}
