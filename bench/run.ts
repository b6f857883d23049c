/**
 * `npm run bench`: for N = 1,000 and 10,000 projects (creating a dataset when missing, see
 * scripts/seed-synthetic.ts), starts the server on it as a child process and measures over HTTP,
 * after warm-up, p50 and p95 of a fixed number of requests per scenario, one at a time; runs the
 * per-project overlap SQL directly through pg for the GraphQL overhead ratio; writes BENCHMARKS.md.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { issueAdminToken } from '../src/auth/auth.service';
import { initOrm } from '../src/db/orm';
import { projectRoot } from '../src/config/paths';
import { projectOverlapStatement } from '../src/analytics/overlap.service';
import { OVERLAP_PAGE_COLUMNS } from './peers/overlap-function';
import { type BenchCluster, createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { keepSection, percentile, processCpuMs, startServer } from './server';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
// A long-running server's steady state: V8 has optimised the request path after about a hundred requests.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const REQUEST_TIMEOUT_MS = 60_000;

const OVERLAP_FIELDS = `totalCount nodes { score components { geographic time themes } periodStart periodEnd
  projectA { id title } projectB { id title } sharedUnits { code name } sharedThemes { code } }`;
const SCENARIOS = {
  projectOverlaps: `query ($id: ID!) { overlaps(filter: { projectId: $id }, first: 20) { ${OVERLAP_FIELDS} } }`,
  // The same project's pairs computed on request from analytics_project, without the pair table:
  // the project sent as a draft of itself (its units, themes, period, participants), itself left out.
  overlapPreview: `query ($draft: OverlapDraftInput!) { overlapPreview(draft: $draft, first: 20) { totalCount nodes { score
    components { geographic time themes } periodStart periodEnd project { id title } sharedUnits { code name } sharedThemes { code } } } }`,
  organisationOverlaps: `query ($id: ID!) { overlaps(filter: { organisationId: $id }, first: 20) { ${OVERLAP_FIELDS} } }`,
  nationalOverlaps: `{ overlaps(first: 100) { ${OVERLAP_FIELDS} } }`,
  coverage: `{ coverage(level: DISTRICT, filter: { byTheme: true }, first: 250) { totalCount nodes { unit { code name } theme { code }
    coverage projectCount directProjectCount organisationCount funding { committed disbursed complete } } } }`,
  gaps: `{ gaps(filter: { level: MUNICIPALITY, themeCodes: ["CONFLICT_PREVENTION"] }, first: 100) { totalCount nodes { unit { code name borderArea } inheritedProjectCount lastProjectEnd } } }`,
  projects: `{ projects(first: 50) { totalCount nodes { id title themes { code name } participants { role organisation { id name } }
    coverage { share unit { code name parent { code name } } } fundingTotals(currency: "EUR") { complete committed disbursed } } } }`,
  requestFloor: '{ __typename }',
} as const;
type Scenario = keyof typeof SCENARIOS | 'rawProjectOverlapSql' | 'editProject';

const LABELS: Record<Scenario, string> = {
  projectOverlaps: 'overlaps of one project (first: 20)',
  overlapPreview: 'the same computed on request without the pair table (`overlapPreview` of the project as a draft)',
  organisationOverlaps: 'overlaps of one organisation (first: 20)',
  nationalOverlaps: 'first national page of overlaps (first: 100)',
  coverage: 'coverage by district × theme (first 250 of 530 cells)',
  gaps: 'gaps: ayil aimaks without conflict prevention today',
  projects: 'projects(first: 50) with relations',
  requestFloor: 'fixed cost of a request: `{ __typename }` over HTTP with a token',
  rawProjectOverlapSql: 'per-project overlap SQL directly through pg',
  editProject: "edit one project's period through pg, its pairs recomputed at commit",
};

interface Result {
  p50: number;
  p95: number;
  statements: number | null;
  count: number;
  /** CPU time the server process spent per measured request (user + system); null where no server answered. */
  serverCpuMs: number | null;
}

async function measure(run: (index: number) => Promise<number | null>, serverPid?: number): Promise<Result> {
  for (let index = 0; index < WARMUP; index += 1) await run(index);
  const times: number[] = [];
  let statements: number | null = null;
  const cpuBefore = processCpuMs(serverPid);
  for (let index = 0; index < REQUESTS; index += 1) {
    const started = process.hrtime.bigint();
    statements = await run(WARMUP + index);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const cpuAfter = processCpuMs(serverPid);
  times.sort((a, b) => a - b);
  const serverCpuMs = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / REQUESTS;
  return { p50: percentile(times, 50), p95: percentile(times, 95), statements, count: times.length, serverCpuMs };
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
  let info = await datasetInfo(bench, size);
  if (!info) {
    await createDataset(bench, size);
    info = (await datasetInfo(bench, size))!;
  }
  const databaseUrl = bench.urlOf(size);
  // The API wants a signed-in caller: a short-lived administrator token of the dataset's own.
  const orm = await initOrm({ url: databaseUrl, logger: pino({ level: 'warn' }) });
  // Kept for its metadata: the raw SQL row builds the service's statement with it.
  const em = orm.em.fork();
  try {
    token = (await issueAdminToken(em, 'bench@example.org', 1)).secret;
  } finally {
    await orm.close(true);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Earlier runs' edit rows leave dead pairs behind; measure a database autovacuum has caught up with.
  await client.query('vacuum analyze');
  const results = {} as Record<Scenario, Result>;
  let explains: Record<string, Explained> = {};
  let child: ChildProcess | undefined;
  try {
    const { rows: projectRows } = await client.query<{ id: string }>(`select id from analytics_project order by md5(id::text) limit ${WARMUP + REQUESTS}`);
    const { rows: organisationRows } = await client.query<{ id: string }>(
      `select organisation_id as id from project_participant group by 1 order by md5(organisation_id::text) limit ${WARMUP + REQUESTS}`,
    );
    const projectIds = projectRows.map((row) => row.id);
    const { rows: draftRows } = await client.query<{ draft: object }>(
      `select json_build_object('excludeProjectId', p.id, 'start', coalesce(p.actual_start, p.planned_start), 'end', coalesce(p.actual_end, p.planned_end),
        'unitCodes', array(select c.unit_code from project_coverage c where c.project_id = p.id order by c.unit_code),
        'themeCodes', array(select t.theme_code from project_theme t where t.project_id = p.id order by t.theme_code),
        'participants', coalesce((select json_agg(json_build_object('organisationId', pp.organisation_id, 'role', pp.role) order by pp.organisation_id, pp.role)
          from project_participant pp where pp.project_id = p.id), '[]')) as draft
      from unnest($1::uuid[]) with ordinality as x(id, n) join project p on p.id = x.id order by x.n`,
      [projectIds],
    );
    const drafts = draftRows.map((row) => row.draft);
    const organisationIds = organisationRows.map((row) => row.id);
    const variablesOf = (scenario: keyof typeof SCENARIOS, index: number) => {
      if (scenario === 'overlapPreview') return { draft: drafts[index % drafts.length] };
      const ids = scenario === 'projectOverlaps' ? projectIds : scenario === 'organisationOverlaps' ? organisationIds : null;
      return ids ? { id: ids[index % ids.length] } : {};
    };
    const server = await startServer(databaseUrl);
    child = server.child;
    const scenarios = Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[];
    // A long-running server has run every kind of request many times: one round of each first,
    // so the scenario measured first is not the one that pays for V8's optimising.
    for (const scenario of scenarios) {
      for (let index = 0; index < WARMUP; index += 1) await graphql(server.url, SCENARIOS[scenario], variablesOf(scenario, index));
    }
    for (const scenario of scenarios) {
      process.stdout.write(`  N=${size}: ${LABELS[scenario]} … `);
      results[scenario] = await measure((index) => graphql(server.url, SCENARIOS[scenario], variablesOf(scenario, index)), child.pid);
      console.log(`p50 ${results[scenario].p50.toFixed(1)} ms, p95 ${results[scenario].p95.toFixed(1)} ms`);
    }
    child.kill('SIGTERM');
    child = undefined;

    results.rawProjectOverlapSql = await measure(async (index) => {
      const statement = projectOverlapStatement(em, projectIds[index % projectIds.length], { limit: 20, offset: 0 }, OVERLAP_PAGE_COLUMNS);
      let parameter = 0;
      await client.query(
        statement.sql.replace(/\?/g, () => `$${(parameter += 1)}`),
        statement.params,
      );
      return 1;
    });
    console.log(`  N=${size}: raw SQL p50 ${results.rawProjectOverlapSql.p50.toFixed(1)} ms, p95 ${results.rawProjectOverlapSql.p95.toFixed(1)} ms`);

    // One statement that moves a project's end by a day and back (every other time): the
    // analytics triggers recompute its row and all its pairs before the commit returns.
    results.editProject = await measure(async (index) => {
      await client.query(`update project set planned_end = planned_end + (case when $2 then 1 else -1 end) where id = $1 and planned_end is not null`, [
        projectIds[Math.floor(index / 2) % projectIds.length],
        index % 2 === 0,
      ]);
      return 1;
    });
    console.log(`  N=${size}: edit p50 ${results.editProject.p50.toFixed(1)} ms, p95 ${results.editProject.p95.toFixed(1)} ms`);

    if (size === Math.max(...SIZES)) {
      explains = await explainScenarios(databaseUrl, client, variablesOf);
      // Its logged statement has no values (see explainScenarios): the raw SQL row's statement is the same one.
      const statement = projectOverlapStatement(em, projectIds[0], { limit: 20, offset: 0 }, OVERLAP_PAGE_COLUMNS);
      let parameter = 0;
      const sql = statement.sql.replace(/\?/g, () => `$${(parameter += 1)}`);
      const { rows } = await client.query(`explain (analyze, buffers) ${sql}`, statement.params);
      explains[LABELS.projectOverlaps] ??= { sql: statement.sql.trim(), plan: rows.map((row) => row['QUERY PLAN'] as string).join('\n') };
    }
    const { rows: counts } = await client.query<{ projects: string; pairs: string; coverage: string; transactions: string }>(
      `select (select count(*) from project) as projects, (select count(*) from analytics_overlap where not same_organisation) as pairs,
        (select count(*) from project_coverage) as coverage, (select count(*) from funding_transaction) as transactions`,
    );
    return { results, explains, counts: counts[0], pairsSeconds: info.pairsSeconds };
  } finally {
    child?.kill('SIGTERM');
    await client.end();
  }
}

interface Explained {
  sql: string;
  plan: string;
}

/**
 * The plan of the slowest statement of each scenario: a server logging its SQL at debug level
 * answers one request per scenario, and that statement (parameters inlined by the ORM's log) is
 * run again under EXPLAIN ANALYZE.
 */
async function explainScenarios(databaseUrl: string, client: Client, variablesOf: (scenario: keyof typeof SCENARIOS, index: number) => object): Promise<Record<string, Explained>> {
  const server = await startServer(databaseUrl, 'debug');
  const statements: { sql: string; tookMs: number }[] = [];
  let buffered = '';
  server.child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const entry = JSON.parse(line) as { sql?: string; tookMs?: number };
      if (entry.sql && typeof entry.tookMs === 'number') statements.push({ sql: entry.sql, tookMs: entry.tookMs });
    }
  });
  const explains: Record<string, Explained> = {};
  try {
    // The start-up statements' log lines may still be on their way: let them arrive first.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
      if (scenario === 'requestFloor') continue;
      // Only this request's statements: not the server's start-up checks nor the previous request's.
      statements.length = 0;
      await graphql(server.url, SCENARIOS[scenario], variablesOf(scenario, 0));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The analytics statement when there is one: the loaders' statements run at the same time
      // and their times include waiting for each other.
      const analytics = statements.filter((statement) => statement.sql.includes('analytics_'));
      const slowest = (analytics.length ? analytics : statements).sort((a, b) => b.tookMs - a.tookMs)[0];
      statements.length = 0;
      if (!slowest) continue;
      // Statements of the sql tag (src/common/sql.ts) are logged with ? placeholders, without their values: no plan for those.
      if (/\?(::|[\s,)])/.test(slowest.sql)) {
        console.warn(`  no plan for ${scenario}: its statement was logged without its parameters`);
        continue;
      }
      const { rows } = await client.query(`explain (analyze, buffers) ${slowest.sql}`);
      explains[LABELS[scenario]] = { sql: slowest.sql.trim(), plan: rows.map((row) => row['QUERY PLAN'] as string).join('\n') };
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  return explains;
}

/** The targets of issue 4 at N = 10,000, each with the measured figure and whether it holds. */
function targetLines(all: Map<number, Awaited<ReturnType<typeof benchSize>>>): string[] {
  const small = all.get(1000);
  const large = all.get(10000);
  if (!large) return [];
  const p95 = (scenario: Scenario) => large.results[scenario].p95;
  const rows: [string, string, number, boolean][] = [
    ['overlaps of one project, p95', '≤ 25 ms', p95('projectOverlaps'), p95('projectOverlaps') <= 25],
    ['coverage district × theme, p95', '≤ 150 ms', p95('coverage'), p95('coverage') <= 150],
    ['first national page of overlaps, p95', '≤ 500 ms', p95('nationalOverlaps'), p95('nationalOverlaps') <= 500],
  ];
  const ratio = p95('projectOverlaps') / p95('rawProjectOverlapSql');
  const lines = [
    '## Targets (issue 4, N = 10,000)',
    '',
    '| target | wanted | measured | holds |',
    '|---|---|---:|---|',
    ...rows.map(([name, wanted, value, holds]) => `| ${name} | ${wanted} | ${value.toFixed(1)} ms | ${holds ? 'yes' : 'no'} |`),
    `| per-project overlaps through GraphQL ÷ raw SQL, p95 | ≤ 1.5 | ${ratio.toFixed(2)} | ${ratio <= 1.5 ? 'yes' : 'no'} |`,
  ];
  if (small) {
    const scenarios = Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[];
    const worst = Math.max(...scenarios.map((scenario) => large.results[scenario].p50 / small.results[scenario].p50));
    lines.push(`| 10 × the projects costs at most 10 × the time (worst p50 growth over the GraphQL scenarios) | ≤ 10× | ${worst.toFixed(2)}× | ${worst <= 10 ? 'yes' : 'no'} |`);
  }
  return [...lines, ''];
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
    `- The server runs as its own process (\`node dist/src/main.js\`, \`NODE_ENV=production\` as deployed, with the SQL-count header on) on the dataset; requests go one at a time over HTTP on 127.0.0.1. The server first answers ${WARMUP} requests of every scenario; then each scenario gets ${WARMUP} more warm-up requests and ${REQUESTS} measured; p50/p95 are of those.`,
    '- "Server CPU" is the CPU time (user + system, from /proc) the server process spent per measured request: wall-clock times on this shared two-core machine vary by a third from run to run, the CPU time much less, so compare versions of the code by it.',
    '- "Overlaps of one project" and "of one organisation" rotate through different projects and organisations (a deterministic sample), so caches do not flatter them.',
    '- The raw SQL row runs the statement that `overlaps(filter: { projectId }, first: 20)` runs (`projectOverlapStatement` in `src/analytics/overlap.service.ts`: the page of pairs with the rows of the projects, units and themes it names) directly through `pg`, on the same projects. Through GraphQL the request also looks up the token (one statement; since issue 19 at most every 2 s, as the server remembers a valid token).',
    "- The edit row moves one project's planned end by a day (and back, alternately) with one UPDATE through `pg`; the analytics triggers recompute that project and all its pairs before the commit returns.",
    '- Query plans: a second server logging its SQL answers one request per scenario; the slowest statement of each request that reads the analytics tables (else the slowest of all) is run again under `EXPLAIN (ANALYZE, BUFFERS)`.',
    "- Each dataset is vacuumed and analysed before it is measured: earlier runs' edit rows leave dead pairs behind.",
    '- SQL statements per request come from the `x-sql-statements` header.',
    '',
    '## Results (milliseconds)',
    '',
    `| scenario | ${sizes.map((size) => `N=${size} p50 | N=${size} p95`).join(' | ')} | server CPU per request, N=${sizes[sizes.length - 1]} | SQL statements | growth p50 ×${sizes.length > 1 ? (sizes[sizes.length - 1] / sizes[0]).toFixed(0) : ''} projects |`,
    `|---|${sizes.map(() => '---:|---:').join('|')}|---:|---:|---:|`,
  ];
  for (const scenario of scenarios) {
    const cells = sizes.map((size) => {
      const result = all.get(size)!.results[scenario];
      return `${result.p50.toFixed(1)} | ${result.p95.toFixed(1)}`;
    });
    const last = all.get(sizes[sizes.length - 1])!.results[scenario];
    const growth = sizes.length > 1 ? (last.p50 / all.get(sizes[0])!.results[scenario].p50).toFixed(2) : '–';
    const statements = scenario === 'rawProjectOverlapSql' || scenario === 'editProject' ? 1 : (last.statements ?? '–');
    const cpu = last.serverCpuMs === null ? '–' : last.serverCpuMs.toFixed(2);
    lines.push(`| ${LABELS[scenario]} | ${cells.join(' | ')} | ${cpu} | ${statements} | ${growth}× |`);
  }
  const largest = all.get(sizes[sizes.length - 1])!;
  const { projectOverlaps, rawProjectOverlapSql, requestFloor } = largest.results;
  const ratio = projectOverlaps.p95 / rawProjectOverlapSql.p95;
  const added = projectOverlaps.p50 - rawProjectOverlapSql.p50;
  lines.push(
    '',
    `GraphQL overhead, overlaps of one project at N=${sizes[sizes.length - 1]}: p95 through GraphQL ÷ p95 of the raw SQL = ${ratio.toFixed(2)}. ` +
      `In time, GraphQL adds ${added.toFixed(1)} ms at p50, of which ${requestFloor.p50.toFixed(1)} ms is the fixed cost of any request ` +
      '(HTTP, the token lookup, parsing and validating the query).',
    '',
    ...targetLines(all),
    '## Datasets',
    '',
    '| N | projects (with reference seeds) | coverage rows | transactions | overlapping pairs (different organisations) | all pairs computed from scratch |',
    '|---:|---:|---:|---:|---:|---:|',
    ...sizes.map((size) => {
      const { counts, pairsSeconds } = all.get(size)!;
      return `| ${size} | ${counts.projects} | ${counts.coverage} | ${counts.transactions} | ${counts.pairs} | ${pairsSeconds} s |`;
    }),
    '',
    '## Query plans (EXPLAIN ANALYZE, largest N)',
    '',
  );
  for (const [name, { sql, plan }] of Object.entries(largest.explains)) {
    lines.push(`### ${name}`, '', 'The main statement of the request:', '', '```sql', sql, '```', '', '```', plan, '```', '');
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  // 40 minutes suit N up to 10,000; a dataset of 100,000 takes hours to build (BENCHMARKS.md).
  const minutes = Number(process.env.BENCH_DEADLINE_MINUTES ?? 40);
  const deadline = setTimeout(() => {
    console.error(`The benchmark ran longer than ${minutes} minutes; stopping.`);
    process.exit(1);
  }, minutes * 60_000);
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
    const file = join(projectRoot, 'BENCHMARKS.md');
    // The sections the other benchmarks write (bench:ui, bench:search, load, bench:peers, …); keep them.
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const kept = [...current.matchAll(/<!-- ([\w-]+):start -->/g)].map(([, name]) => keepSection(current, name)).filter(Boolean);
    writeFileSync(file, `${report(all, `PostgreSQL ${pgVersion}`).trimEnd()}\n${kept.map((section) => `\n${section}\n`).join('')}`);
    console.log('Wrote BENCHMARKS.md');
  } finally {
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
