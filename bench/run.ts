/**
 * `npm run bench`: for N = 1,000 and 10,000 projects (creating a dataset when missing, see
 * scripts/seed-synthetic.ts), starts the server on it as a child process and measures over HTTP,
 * after warm-up, p50 and p95 of a fixed number of requests per scenario, one at a time; runs the
 * per-project overlap SQL directly through pg for the GraphQL overhead ratio; writes BENCHMARKS.md.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { issueAdminToken } from '../src/auth/auth.service';
import { initOrm } from '../src/db/orm';
import { projectRoot } from '../src/config/paths';
import { PROJECT_PAIRS_SQL } from '../src/analytics/overlap.service';
import { freePort } from '../test/support/ports';
import { type BenchCluster, createDataset, datasetReady, startBenchCluster } from '../scripts/synthetic/database';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const WARMUP = 20;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const REQUEST_TIMEOUT_MS = 60_000;

const OVERLAP_FIELDS = `totalCount nodes { score components { geographic time themes } periodStart periodEnd
  projectA { id title } projectB { id title } sharedUnits { code name } sharedThemes { code } }`;
const SCENARIOS = {
  projectOverlaps: `query ($id: ID!) { overlaps(filter: { projectId: $id }, first: 20) { ${OVERLAP_FIELDS} } }`,
  organisationOverlaps: `query ($id: ID!) { overlaps(filter: { organisationId: $id }, first: 20) { ${OVERLAP_FIELDS} } }`,
  nationalOverlaps: `{ overlaps(first: 100) { ${OVERLAP_FIELDS} } }`,
  coverage: `{ coverage(level: DISTRICT, filter: { byTheme: true }, first: 250) { totalCount nodes { unit { code name } theme { code }
    coverage projectCount directProjectCount organisationCount funding { committed disbursed complete } } } }`,
  gaps: `{ gaps(filter: { level: MUNICIPALITY, themeCodes: ["CONFLICT_PREVENTION"] }, first: 100) { totalCount nodes { unit { code name borderArea } inheritedProjectCount lastProjectEnd } } }`,
  projects: `{ projects(first: 50) { totalCount nodes { id title themes { code name } participants { role organisation { id name } }
    coverage { share unit { code name parent { code name } } } fundingTotals(currency: "EUR") { complete committed disbursed } } } }`,
} as const;
type Scenario = keyof typeof SCENARIOS | 'rawProjectOverlapSql';

const LABELS: Record<Scenario, string> = {
  projectOverlaps: 'overlaps of one project (first: 20)',
  organisationOverlaps: 'overlaps of one organisation (first: 20)',
  nationalOverlaps: 'first national page of overlaps (first: 100)',
  coverage: 'coverage by district × theme (first 250 of 530 cells)',
  gaps: 'gaps: ayil aimaks without conflict prevention today',
  projects: 'projects(first: 50) with relations',
  rawProjectOverlapSql: 'per-project overlap SQL directly through pg',
};

interface Result {
  p50: number;
  p95: number;
  statements: number | null;
  count: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

async function measure(run: (index: number) => Promise<number | null>): Promise<Result> {
  for (let index = 0; index < WARMUP; index += 1) await run(index);
  const times: number[] = [];
  let statements: number | null = null;
  for (let index = 0; index < REQUESTS; index += 1) {
    const started = process.hrtime.bigint();
    statements = await run(WARMUP + index);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), statements, count: times.length };
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', SEED_ON_START: 'false', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not become ready within 60 s');
}

let token = '';

async function graphql(url: string, query: string, variables: object): Promise<number | null> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  const header = response.headers.get('x-sql-statements');
  return header === null ? null : Number(header);
}

async function benchSize(bench: BenchCluster, size: number) {
  if (!(await datasetReady(bench, size))) await createDataset(bench, size);
  const databaseUrl = bench.urlOf(size);
  // The API wants a signed-in caller: a short-lived administrator token of the dataset's own.
  const orm = await initOrm({ url: databaseUrl, logger: pino({ level: 'warn' }) });
  try {
    token = (await issueAdminToken(orm.em.fork(), 'bench@example.org', 1)).secret;
  } finally {
    await orm.close(true);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const results = {} as Record<Scenario, Result>;
  const explains: Record<string, string> = {};
  let child: ChildProcess | undefined;
  try {
    // Bring the materialised views up to date once, outside the measurements.
    const refreshStarted = Date.now();
    await client.query('select analytics_ensure_fresh(true)');
    const refreshMs = Date.now() - refreshStarted;
    const { rows: projectRows } = await client.query<{ id: string }>(
      `select id from analytics_project order by md5(id::text) limit ${WARMUP + REQUESTS}`,
    );
    const { rows: organisationRows } = await client.query<{ id: string }>(
      `select organisation_id as id from project_participant group by 1 order by md5(organisation_id::text) limit ${WARMUP + REQUESTS}`,
    );
    const projectIds = projectRows.map((row) => row.id);
    const organisationIds = organisationRows.map((row) => row.id);
    const server = await startServer(databaseUrl);
    child = server.child;
    for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
      const query = SCENARIOS[scenario];
      const ids = scenario === 'projectOverlaps' ? projectIds : scenario === 'organisationOverlaps' ? organisationIds : null;
      process.stdout.write(`  N=${size}: ${LABELS[scenario]} … `);
      results[scenario] = await measure((index) => graphql(server.url, query, ids ? { id: ids[index % ids.length] } : {}));
      console.log(`p50 ${results[scenario].p50.toFixed(1)} ms, p95 ${results[scenario].p95.toFixed(1)} ms`);
    }
    const rawSql = PROJECT_PAIRS_SQL.replace('?', '$1');
    const pageSql = `select * from (${rawSql}) o where not o.same_organisation order by o.score desc, o.project_b limit 20`;
    results.rawProjectOverlapSql = await measure(async (index) => {
      await client.query(pageSql, [projectIds[index % projectIds.length]]);
      return 1;
    });
    console.log(`  N=${size}: raw SQL p50 ${results.rawProjectOverlapSql.p50.toFixed(1)} ms, p95 ${results.rawProjectOverlapSql.p95.toFixed(1)} ms`);
    if (size === Math.max(...SIZES)) {
      const explain = async (name: string, sql: string, params: unknown[]) => {
        const { rows } = await client.query(`explain (analyze, buffers) ${sql}`, params);
        explains[name] = rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      await explain('Overlaps of one project', pageSql, [projectIds[0]]);
      await explain('First national page of overlaps', 'select * from analytics_overlap o where not o.same_organisation order by o.score desc, o.project_a, o.project_b limit 100', []);
      await explain('Total of the national list', 'select count(*) from analytics_overlap o where not o.same_organisation', []);
    }
    const { rows: counts } = await client.query<{ projects: string; pairs: string; coverage: string; transactions: string }>(
      `select (select count(*) from project) as projects, (select count(*) from analytics_overlap where not same_organisation) as pairs,
        (select count(*) from project_coverage) as coverage, (select count(*) from funding_transaction) as transactions`,
    );
    return { results, explains, counts: counts[0], refreshMs };
  } finally {
    child?.kill('SIGTERM');
    await client.end();
  }
}

function report(all: Map<number, Awaited<ReturnType<typeof benchSize>>>, pgVersion: string): string {
  const sizes = [...all.keys()];
  const scenarios = Object.keys(LABELS) as Scenario[];
  const lines = [
    '# Benchmarks',
    '',
    '_Written by `npm run bench` (bench/run.ts); re-run it to refresh these figures._',
    '',
    '## Machine',
    '',
    `- ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}`,
    `- Node ${process.version}; ${pgVersion} (embedded, default settings)`,
    `- Run on ${new Date().toISOString().slice(0, 10)}`,
    '',
    '## Method',
    '',
    '- Datasets from `npm run seed:synthetic -- --projects N` (deterministic; about N/20 organisations; 1–30 units per project at mixed levels, mostly districts and ayil aimaks; 1–3 themes; 1–5 years between 2010 and 2030; 2–6 transactions) on top of the reference data.',
    `- The server runs as its own process (\`node dist/src/main.js\`) on the dataset; requests go one at a time over HTTP on 127.0.0.1. Each scenario: ${WARMUP} warm-up requests, then ${REQUESTS} measured; p50/p95 are of those.`,
    '- "Overlaps of one project" and "of one organisation" rotate through different projects and organisations (a deterministic sample), so caches do not flatter them.',
    '- The raw SQL row runs the per-project overlap statement of `src/analytics/overlap.service.ts` (`PROJECT_PAIRS_SQL`, first 20 by score) through `pg` on the same projects.',
    '- SQL statements per request come from the `x-sql-statements` header.',
    '',
    '## Results (milliseconds)',
    '',
    `| scenario | ${sizes.map((size) => `N=${size} p50 | N=${size} p95`).join(' | ')} | SQL statements | growth p50 ×${sizes.length > 1 ? (sizes[1] / sizes[0]).toFixed(0) : ''} projects |`,
    `|---|${sizes.map(() => '---:|---:').join('|')}|---:|---:|`,
  ];
  for (const scenario of scenarios) {
    const cells = sizes.map((size) => {
      const result = all.get(size)!.results[scenario];
      return `${result.p50.toFixed(1)} | ${result.p95.toFixed(1)}`;
    });
    const last = all.get(sizes[sizes.length - 1])!.results[scenario];
    const growth = sizes.length > 1 ? (last.p50 / all.get(sizes[0])!.results[scenario].p50).toFixed(2) : '–';
    lines.push(`| ${LABELS[scenario]} | ${cells.join(' | ')} | ${scenario === 'rawProjectOverlapSql' ? 1 : (last.statements ?? '–')} | ${growth}× |`);
  }
  const largest = all.get(sizes[sizes.length - 1])!;
  const ratio = largest.results.projectOverlaps.p95 / largest.results.rawProjectOverlapSql.p95;
  lines.push(
    '',
    `GraphQL overhead, overlaps of one project at N=${sizes[sizes.length - 1]}: p95 through GraphQL ÷ p95 of the raw SQL = ${ratio.toFixed(2)}.`,
    '',
    '## Datasets',
    '',
    '| N | projects (with reference seeds) | coverage rows | transactions | overlapping pairs (different organisations) | refresh of the analytics views |',
    '|---:|---:|---:|---:|---:|---:|',
    ...sizes.map((size) => {
      const { counts, refreshMs } = all.get(size)!;
      return `| ${size} | ${counts.projects} | ${counts.coverage} | ${counts.transactions} | ${counts.pairs} | ${(refreshMs / 1000).toFixed(1)} s |`;
    }),
    '',
    '## Query plans (EXPLAIN ANALYZE, largest N)',
    '',
  );
  for (const [name, plan] of Object.entries(largest.explains)) lines.push(`### ${name}`, '', '```', plan, '```', '');
  return `${lines.join('\n')}\n`;
}

async function main() {
  const deadline = setTimeout(() => {
    console.error('The benchmark ran longer than 40 minutes; stopping.');
    process.exit(1);
  }, 40 * 60_000);
  deadline.unref();
  const bench = await startBenchCluster();
  const all = new Map<number, Awaited<ReturnType<typeof benchSize>>>();
  let pgVersion = 'PostgreSQL';
  try {
    for (const size of SIZES) {
      console.log(`Benchmark at N=${size}`);
      all.set(size, await benchSize(bench, size));
    }
    const client = new Client({ connectionString: bench.urlOf(SIZES[0]) });
    await client.connect();
    pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0].server_version;
    await client.end();
    writeFileSync(join(projectRoot, 'BENCHMARKS.md'), report(all, `PostgreSQL ${pgVersion}`));
    console.log('Wrote BENCHMARKS.md');
  } finally {
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
