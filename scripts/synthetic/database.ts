/**
 * The benchmark's own PostgreSQL (never the development one): an embedded cluster under
 * SYNTHETIC_DATA_DIR (default `.data-bench`) on SYNTHETIC_PG_PORT (default 54339), with one
 * database per dataset size, `yntymak_synthetic_<projects>`.
 */
import { resolve } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import pino from 'pino';
import { seedReferenceData } from '../../seeds';
import { projectRoot } from '../../src/config/paths';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { generateDataset, SYNTHETIC_SOURCE, type SyntheticDataset, type UnitRef } from './generate';

/** Bumped whenever the generator changes what it writes, so that old datasets are rebuilt. */
export const GENERATOR_VERSION = 2;

export interface BenchCluster {
  cluster: EmbeddedPostgres;
  urlOf(projects: number): string;
}

export function databaseName(projects: number): string {
  return `yntymak_synthetic_${projects}`;
}

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name}="${raw}": expected a port from 1 to 65535`);
  return value;
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const dataDir = resolve(projectRoot, process.env.SYNTHETIC_DATA_DIR || '.data-bench');
  const port = whole('SYNTHETIC_PG_PORT', 54339);
  const cluster = await startEmbeddedPostgres({ dataDir, port, database: 'postgres' });
  return { cluster, urlOf: (projects) => cluster.urlFor(databaseName(projects)) };
}

const marker = (projects: number) => `yntymak synthetic v${GENERATOR_VERSION} projects=${projects} complete`;

/** What a complete run recorded on its database. */
export interface DatasetInfo {
  /** Seconds the analytics triggers took to compute every overlapping pair of the fresh dataset. */
  pairsSeconds: number;
}

/**
 * What the run that filled the database of this size recorded, or null when the database is
 * missing or was not filled completely by this generator version.
 */
export async function datasetInfo(bench: BenchCluster, projects: number): Promise<DatasetInfo | null> {
  const client = new Client({ connectionString: bench.cluster.urlFor('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>("select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1", [
      databaseName(projects),
    ]);
    const comment = rows[0]?.comment ?? '';
    if (!comment.startsWith(`${marker(projects)} `)) return null;
    return { pairsSeconds: Number(/pairs_seconds=([\d.]+)/.exec(comment)?.[1] ?? NaN) };
  } finally {
    await client.end();
  }
}

const CHUNK = 5000;

async function insertChunked<T>(client: Client, rows: T[], sql: string, columns: ((row: T) => unknown)[], bar: SingleBar) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await client.query(
      sql,
      columns.map((column) => chunk.map(column)),
    );
    bar.increment(chunk.length);
  }
}

/**
 * Drops and recreates the database of this size, migrates it, loads the reference data and then
 * the synthetic rows with multi-row INSERTs (unnest of arrays, 5,000 rows a statement).
 */
export async function createDataset(bench: BenchCluster, projects: number, log: (line: string) => void = console.log): Promise<void> {
  const name = databaseName(projects);
  const admin = new Client({ connectionString: bench.cluster.urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }

  const started = Date.now();
  const logger = pino({ level: 'warn' });
  const orm = await initOrm({ url: bench.urlOf(projects), logger });
  try {
    await migrate(orm);
    await seedReferenceData(orm, logger);
  } finally {
    await orm.close(true);
  }

  const client = new Client({ connectionString: bench.urlOf(projects) });
  await client.connect();
  try {
    const { rows: units } = await client.query<UnitRef>('select code, level, path, name_en as "nameEn" from admin_unit order by path');
    const data = generateDataset(projects, units);
    const total = countRows(data);
    log(`Generating ${projects} projects (${data.organisations.length} organisations, ${total} rows) into ${name}`);
    const bar = new SingleBar({ format: '  {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left', etaBuffer: 50 }, Presets.shades_classic);
    bar.start(total, 0);
    await client.query('begin');
    await insertAll(client, data, bar);
    bar.stop();
    // Statistics first, so that the pair computation below plans its joins on real row counts.
    await client.query('analyze');
    log('Computing every overlapping pair in the country (analytics_overlap)');
    const pairsStarted = Date.now();
    // The analytics triggers would do this at commit; run them now to time them.
    await client.query('set constraints all immediate');
    await client.query('commit');
    const {
      rows: [{ pairs }],
    } = await client.query<{ pairs: string }>('select count(*) as pairs from analytics_overlap');
    const pairsSeconds = ((Date.now() - pairsStarted) / 1000).toFixed(1);
    log(`  ${Number(pairs).toLocaleString('en')} pairs in ${pairsSeconds} s`);
    log('Vacuuming and analysing');
    await client.query('vacuum analyze');
    await client.query(`comment on database ${client.escapeIdentifier(name)} is '${marker(projects)} pairs_seconds=${pairsSeconds}'`);
  } finally {
    await client.end();
  }
  log(`Dataset of ${projects} projects ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function countRows(data: SyntheticDataset): number {
  return (
    data.rates.length +
    data.organisations.length +
    data.projects.length * 1 +
    data.projects.reduce((sum, project) => sum + project.themes.length + project.units.length + project.participants.length + project.transactions.length, 0)
  );
}

async function insertAll(client: Client, data: SyntheticDataset, bar: SingleBar) {
  await insertChunked(
    client,
    data.rates,
    `insert into exchange_rate (id, currency, date, rate, source)
     select gen_random_uuid(), c, d, r, 'synthetic' from unnest($1::text[], $2::date[], $3::numeric[]) as t(c, d, r)
     on conflict (currency, date) do nothing`,
    [(row) => row.currency, (row) => row.date, (row) => row.rate],
    bar,
  );
  await insertChunked(
    client,
    data.organisations,
    `insert into organisation (id, created_at, updated_at, version, name_en, name_ru, acronym, kind, country, source, search_text)
     select i, now(), now(), 1, en, ru, a, k, c, '${SYNTHETIC_SOURCE}', lower(en || ' | ' || ru || ' | ' || a)
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(i, en, ru, a, k, c)`,
    [(row) => row.id, (row) => row.nameEn, (row) => row.nameRu, (row) => row.acronym, (row) => row.kind, (row) => row.country],
    bar,
  );
  await insertChunked(
    client,
    data.projects,
    `insert into project (id, created_at, updated_at, version, title_en, title_ru, status, planned_start, planned_end, actual_start, actual_end,
       target_groups, contacts, links, source, search_text)
     select i, now(), now(), 1, en, ru, s, ps, pe, ast, aen, array[tg], '[]'::jsonb, '[]'::jsonb, '${SYNTHETIC_SOURCE}', lower(en || ' | ' || ru)
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::date[], $9::text[])
       as t(i, en, ru, s, ps, pe, ast, aen, tg)`,
    [
      (row) => row.id,
      (row) => row.titleEn,
      (row) => row.titleRu,
      (row) => row.status,
      (row) => row.plannedStart,
      (row) => row.plannedEnd,
      (row) => row.actualStart,
      (row) => row.actualEnd,
      (row) => row.targetGroups[0],
    ],
    bar,
  );
  const themes = data.projects.flatMap((project) => project.themes.map((theme) => ({ project: project.id, theme })));
  await insertChunked(
    client,
    themes,
    'insert into project_theme (project_id, theme_code) select * from unnest($1::uuid[], $2::text[])',
    [(row) => row.project, (row) => row.theme],
    bar,
  );
  const coverage = data.projects.flatMap((project) => project.units.map((unit) => ({ project: project.id, unit })));
  await insertChunked(
    client,
    coverage,
    'insert into project_coverage (id, project_id, unit_code) select gen_random_uuid(), p, u from unnest($1::uuid[], $2::text[]) as t(p, u)',
    [(row) => row.project, (row) => row.unit],
    bar,
  );
  const participants = data.projects.flatMap((project) => project.participants.map((participant) => ({ project: project.id, ...participant })));
  await insertChunked(
    client,
    participants,
    `insert into project_participant (id, project_id, organisation_id, role)
     select gen_random_uuid(), p, o, r from unnest($1::uuid[], $2::uuid[], $3::text[]) as t(p, o, r)`,
    [(row) => row.project, (row) => row.organisationId, (row) => row.role],
    bar,
  );
  const transactions = data.projects.flatMap((project) => project.transactions.map((transaction) => ({ project: project.id, ...transaction })));
  await insertChunked(
    client,
    transactions,
    `insert into funding_transaction (id, created_at, updated_at, version, project_id, type, amount, currency, value_date, provider_id)
     select i, now(), now(), 1, p, t, a, c, d, pr from unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::date[], $7::uuid[])
       as x(i, p, t, a, c, d, pr)`,
    [(row) => row.id, (row) => row.project, (row) => row.type, (row) => row.amount, (row) => row.currency, (row) => row.valueDate, (row) => row.providerId],
    bar,
  );
}
