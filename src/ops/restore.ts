/**
 * Restores a backup (see `backup.ts`) into an empty database.
 *
 * The hub's own format: in one transaction, the committed migrations up to the backup's last
 * one build the schema, every table is loaded with `COPY … FROM STDIN` (parents before
 * children, the analytics triggers off: the derived analytics tables are in the backup, as
 * consistent as the rest), sequences are set, materialized views refreshed. A restore that
 * fails part-way leaves the database as it was. pg_dump's format goes to `pg_restore`.
 */
import { execFile } from 'node:child_process';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Knex } from '@mikro-orm/knex';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import { migrationsList } from '../../migrations';
import { initOrm } from '../db/orm';
import { BackupReader, type TableHeader } from './backup-file';
import { majorOf } from './backup';
import { quoted, tablesInLoadOrder, userRelations } from './catalogue';
import { OpsError } from './ops.errors';

const run = promisify(execFile);

export interface RestoreOptions {
  /** How to name the target in messages, e.g. `the database in .data/postgres`. */
  describe?: string;
  log?: (line: string) => void;
}

export interface RestoreResult {
  format: 'copy' | 'pg_dump';
  migration: string | null;
  tables: number;
  rows: number | null;
  durationMs: number;
}

/** What kind of file this is, from its first bytes. */
export async function backupKind(file: string): Promise<'copy' | 'pg_dump'> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OpsError(code === 'ENOENT' ? `No backup file at ${file}.` : `Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return 'copy';
    if (bytesRead === 5 && buffer.toString('latin1') === 'PGDMP') return 'pg_dump';
    throw new OpsError(`${file} is neither a Yntymak backup (.pgcopy.gz) nor a pg_dump archive (.dump).`);
  } finally {
    await handle.close();
  }
}

/** Refuses a database that holds anything (an empty migrations table left by a failed restore is nothing). */
export async function assertEmpty(url: string, describe: string): Promise<void> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { relations, migrations } = await userRelations(client);
    if (relations > 0 || migrations > 0) {
      throw new OpsError(
        `${describe} is not empty (${relations} tables, views or sequences). Restore only into an empty database: ` +
          'create a new one (or, for the embedded PostgreSQL, choose a new DATA_DIR, or move the old folder away) and try again.',
      );
    }
  } finally {
    await client.end();
  }
}

export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const describe = options.describe ?? 'The database';
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const kind = await backupKind(file);
  await assertEmpty(url, describe);
  if (kind === 'pg_dump') {
    await runPgRestore(url, file);
    return { format: kind, migration: null, tables: 0, rows: null, durationMs: Date.now() - started };
  }
  const result = await restoreCopyBackup(url, file, log);
  return { format: kind, ...result, durationMs: Date.now() - started };
}

async function restoreCopyBackup(url: string, file: string, log: (line: string) => void): Promise<Omit<RestoreResult, 'format' | 'durationMs'>> {
  const reader = new BackupReader(file);
  const header = await reader.header();
  const known = migrationsList.map((migration) => migration.name);
  if (!known.includes(header.migration)) {
    throw new OpsError(`${file} was made by a newer version of the hub (its schema is at ${header.migration}, unknown here); update the hub first.`);
  }
  const orm = await initOrm({ url, logger: pino({ level: 'warn' }), poolMax: 2 });
  const knex = orm.em.getConnection().getKnex();
  const transaction = await knex.transaction();
  try {
    await orm.getMigrator().up({ to: header.migration, transaction });
    log(`schema built up to ${header.migration}`);
    // The one connection of the transaction, for COPY (knex hands out the transaction's own).
    const client = (await (transaction as unknown as { client: Knex.Client }).client.acquireConnection()) as Client;
    // Run now what the migrations queued for commit (analytics over empty tables), so the
    // triggers can be switched off.
    await client.query('set constraints all immediate');
    await client.query('set local statement_timeout = 0');
    const tables = new Map((await tablesInLoadOrder(client)).map((table) => [table.name, table]));
    const names = [...tables.keys()];
    for (const name of names) await client.query(`alter table ${quoted(name)} disable trigger user`);
    if (names.length > 0) await client.query(`truncate ${names.map(quoted).join(', ')}`);

    let section = await reader.nextSection();
    const loaded: Record<string, number> = {};
    while (!('end' in section)) {
      loaded[section.table] = await loadTable(client, tables, section, reader);
      if (loaded[section.table] >= 10_000) log(`${section.table}: ${loaded[section.table].toLocaleString('en')} rows`);
      section = await reader.nextSection();
    }
    for (const [table, count] of Object.entries(section.rows)) {
      if (loaded[table] !== count) throw new OpsError(`${file} is damaged: ${table} should have ${count} rows, ${loaded[table] ?? 0} were read.`);
    }
    for (const name of names) await client.query(`alter table ${quoted(name)} enable trigger user`);
    for (const sequence of header.sequences) {
      await client.query('select setval($1::regclass, $2::bigint, $3)', [quoted(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
    for (const view of header.materializedViews) await client.query(`refresh materialized view ${quoted(view)}`);
    await transaction.commit();
    return { migration: header.migration, tables: Object.keys(loaded).length, rows: Object.values(loaded).reduce((sum, count) => sum + count, 0) };
  } catch (error) {
    await transaction.rollback().catch(() => undefined);
    throw error;
  } finally {
    await orm.close(true);
  }
}

async function loadTable(client: Client, tables: Map<string, { columns: string[] }>, section: TableHeader, reader: BackupReader): Promise<number> {
  const target = tables.get(section.table);
  const missing = target ? section.columns.filter((column) => !target.columns.includes(column)) : [];
  if (!target || missing.length > 0) {
    throw new OpsError(
      `The backup does not fit the schema its migration builds: ${target ? `${section.table} has no column ${missing.join(', ')}` : `no table ${section.table}`}.`,
    );
  }
  const stream = client.query(copyFrom(`copy ${quoted(section.table)} (${section.columns.map(quoted).join(', ')}) from stdin`));
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch.join('');
    batch = [];
    size = 0;
    if (!stream.write(chunk)) await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), failed]);
  };
  for await (const row of reader.rows()) {
    batch.push(row);
    size += row.length;
    if (size >= 256 * 1024) await flush();
  }
  await flush();
  stream.end();
  await Promise.race([new Promise((resolve) => stream.once('finish', resolve)), failed]);
  return stream.rowCount;
}

async function runPgRestore(url: string, file: string): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  const version = await run('pg_restore', ['--version'])
    .then(({ stdout }) => majorOf(stdout))
    .catch(() => null);
  if (version === null) throw new OpsError(`${file} is a pg_dump archive: restoring it needs pg_restore on PATH (of the version that wrote it or newer).`);
  try {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.toString()}`, file], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new OpsError(`pg_restore failed: ${stderr || (error as Error).message}`);
  }
}
