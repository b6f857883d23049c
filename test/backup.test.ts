/**
 * `npm run backup` / `npm run restore` in the built-in COPY format: a seeded hub, changed over
 * GraphQL, goes through a backup into a fresh database and comes back row for row.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createDatabaseIfMissing } from '../src/db/embedded-postgres';
import { backupDatabase, chooseFormat, majorOf } from '../src/ops/backup';
import { tablesInLoadOrder } from '../src/ops/catalogue';
import { OpsError } from '../src/ops/ops.errors';
import { assertEmpty, restoreDatabase } from '../src/ops/restore';
import { ADMIN_URL_VARIABLE } from './support/cluster';
import { startTestServer, type TestServer } from './support/test-server';

/** A new, empty database of the test cluster. */
async function emptyDatabase(): Promise<string> {
  const adminUrl = process.env[ADMIN_URL_VARIABLE]!;
  const name = `restore_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table's row count and a checksum of its rows (in a fixed order), and the sequences. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const table of await tablesInLoadOrder(client)) {
      const { rows } = await client.query<{ count: string; md5: string | null }>(
        `select count(*)::text as count, md5(string_agg(t::text, '|' order by t::text)) as md5 from "${table.name}" t`,
      );
      result[table.name] = `${rows[0].count} ${rows[0].md5}`;
    }
    const { rows: migrations } = await client.query<{ names: string }>(`select string_agg(name, ',' order by name) as names from mikro_orm_migrations`);
    result.migrations = migrations[0].names;
    return result;
  } finally {
    await client.end();
  }
}

describe('backup and restore (COPY format)', () => {
  let server: TestServer;
  let folder: string;
  /** The backup of the first test, reused by the others. */
  let backup: Awaited<ReturnType<typeof backupDatabase>>;

  beforeAll(async () => {
    server = await startTestServer();
    folder = await mkdtemp(join(tmpdir(), 'yntymak-backup-'));
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trips a seeded hub with a new project into a fresh database: every table, row for row', async () => {
    const created = await server.graphql(
      `mutation { createProject(input: { title: { en: "Backup check", ky: "Камдык көчүрмө" }, status: IMPLEMENTATION,
          plannedStart: "2026-03-01", plannedEnd: "2027-02-28", themeCodes: ["CONFLICT_PREVENTION"],
          coverage: [{ unitCode: "KG05214849000" }] }) { id } }`,
    );
    expect(created.errors).toBeUndefined();

    backup = await backupDatabase(server.databaseUrl, { folder }, { format: 'copy' });
    expect(backup.path).toMatch(/yntymak-\d{4}-\d{2}-\d{2}T\d{6}Z\.pgcopy\.gz$/);
    expect(backup.rows).toBeGreaterThan(10_000);
    expect(await readdir(folder)).toEqual([backup.path.split('/').pop()]);

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, backup.path);
    expect(restored).toMatchObject({ format: 'copy', migration: backup.migration, tables: backup.tables, rows: backup.rows });

    const [before, after] = await Promise.all([fingerprint(server.databaseUrl), fingerprint(target)]);
    expect(Object.keys(after).length).toBeGreaterThan(40);
    expect(after).toEqual(before);
    expect(Number(after.project.split(' ')[0])).toBeGreaterThan(10);
  });

  it('refuses to restore into a database that holds anything, and writes nothing there', async () => {
    const before = await fingerprint(server.databaseUrl);
    await expect(restoreDatabase(server.databaseUrl, backup.path)).rejects.toThrow(/is not empty \(\d+ tables/);
    expect(await fingerprint(server.databaseUrl)).toEqual(before);
  });

  it('leaves the target empty when the file is damaged part-way (one transaction)', async () => {
    // The first half of the file, compressed properly, so the damage shows only in the middle of a table.
    const text = gunzipSync(await readFile(backup.path));
    const cut = join(folder, 'cut.pgcopy.gz');
    await writeFile(cut, gzipSync(text.subarray(0, Math.floor(text.length / 2))));
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, cut)).rejects.toThrow(OpsError);
    // Empty still (the migrations ran in the transaction that failed), so it can be tried again.
    await expect(assertEmpty(target, 'The target')).resolves.toBeUndefined();
  });

  it('chooses pg_dump only when it is at least as new as the server', () => {
    expect(majorOf('pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)')).toBe(15);
    expect(majorOf('pg_dump (PostgreSQL) 18.1')).toBe(18);
    expect(chooseFormat('auto', 18, 15)).toBe('copy');
    expect(chooseFormat('auto', 18, null)).toBe('copy');
    expect(chooseFormat('auto', 18, 18)).toBe('pg_dump');
    expect(chooseFormat('copy', 18, 18)).toBe('copy');
    expect(() => chooseFormat('pg_dump', 18, 15)).toThrow(/pg_dump 15 cannot read PostgreSQL 18/);
  });
});
