/**
 * `npm run bench:peers`: the hub side by side with PostGraphile 5 on the same synthetic database
 * (10,000 projects unless PEERS_SIZE says otherwise), in one run. PostGraphile (Amber preset,
 * simplified inflection, connection filters) runs read-only under Node 24 from the npm `node`
 * package (PostGraphile 5 needs Node 22+; see scripts/node-versions.ts); the hub runs as deployed.
 * Both answer the same four questions with the same fields and rows, checked equal before any
 * timing; then autocannon sends each question to one server and then the other, in alternating
 * rounds, at 1 and at 16 connections. Writes the "peers" section of BENCHMARKS.md and prints it.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client, Pool } from 'pg';
import pino from 'pino';
import { projectOverlapStatement } from '../src/analytics/overlap.service';
import { issueAdminToken } from '../src/auth/auth.service';
import { leanFromJson } from '../src/common/lean-rows';
import { Language, pickTranslation, type Translations } from '../src/common/localized-text';
import { projectRoot } from '../src/config/paths';
import { initOrm } from '../src/db/orm';
import { AdminUnit } from '../src/geography/admin-unit.entity';
import { Project } from '../src/projects/project.entity';
import { Theme } from '../src/themes/theme.entity';
import { createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { NODE_VERSIONS, nodeBinary } from '../scripts/node-versions';
import { freePort } from '../test/support/ports';
import { createOverlapFunction, OVERLAP_PAGE_COLUMNS } from './peers/overlap-function';
import { percentile, processCpuMs, replaceSection, startServer } from './server';

const SIZE = Number(process.env.PEERS_SIZE ?? 10_000);
/**
 * Seconds per round per server; each question gets ROUNDS rounds on each server at each load.
 * Short rounds, many of them: this machine's speed wanders by a fifth over minutes, and rounds
 * that interleave finely spread that over every server alike (six rounds: each of three servers
 * goes first, second and third twice).
 */
const SECONDS = Number(process.env.PEERS_SECONDS ?? 3);
const ROUNDS = Number(process.env.PEERS_ROUNDS ?? 6);
const WARMUP = 100;
const CONNECTIONS = [1, 16];
const PEER_NODE = process.env.PEERS_NODE_VERSION ?? NODE_VERSIONS[NODE_VERSIONS.length - 1];

type Json = Record<string, unknown>;
/**
 * `hub` runs on the same Node as PostGraphile, so that the comparison is of the two GraphQL
 * layers and not of two V8s; `hubHere` on this machine's Node (the oldest line the hub supports),
 * for the record, when that is another version.
 */
type Side = 'hub' | 'hubHere' | 'postgraphile';
const SIDE_LABELS: Record<Side | 'raw', string> = {
  hub: `hub, Node ${PEER_NODE}`,
  hubHere: `hub, Node ${process.versions.node}`,
  postgraphile: `PostGraphile, Node ${PEER_NODE}`,
  raw: 'raw SQL through pg',
};
interface Operation {
  query: string;
  variables: Json;
}
interface Question {
  key: string;
  label: string;
  hub: (index: number) => Operation;
  /** Absent where only the hub is measured. */
  peer?: (index: number) => Operation;
  /** The answers reduced to what must be equal (order of nested lists aside). */
  normaliseHub?: (data: Json) => unknown;
  normalisePeer?: (data: Json) => unknown;
  /** Indexes whose answers are compared before timing. */
  checked?: number[];
  headers?: Record<string, string>;
}

interface Server {
  side: Side;
  url: string;
  child: ChildProcess;
  /** Statements sent to PostgreSQL for the last request (hub, from its header) or so far (PostGraphile, over IPC). */
  statements: () => Promise<number>;
}

const sorted = (values: string[]) => [...values].sort();
const at = <T>(value: unknown, ...path: string[]): T => path.reduce<unknown>((node, key) => (node as Json | null)?.[key], value) as T;

// ---- the questions -------------------------------------------------------------------------

const HUB_PROJECT_FIELDS = `id title themes { code name } participants { organisation { name } }
  coverage { unit { code name parent { code name } } }`;
// The hub answers in the asked-for language (English here) or, where a text is missing, in Kyrgyz,
// then Russian; PostGraphile gives the three columns and its client picks (`english` below).
const NAMES = 'nameEn nameKy nameRu';
const PEER_PROJECT_FIELDS = `rowId titleEn titleKy titleRu projectThemes { nodes { themeByThemeCode { code ${NAMES} } } }
  projectParticipants { nodes { organisation { ${NAMES} } } }
  projectCoverages { nodes { adminUnitByUnitCode { code ${NAMES} adminUnitByParentCode { code ${NAMES} } } } }`;

interface HubProject {
  id: string;
  title: string;
  themes: { code: string; name: string }[];
  participants: { organisation: { name: string } }[];
  coverage: { unit: { code: string; name: string; parent: { code: string; name: string } | null } }[];
}
interface PeerNames {
  nameEn: string | null;
  nameKy: string | null;
  nameRu: string | null;
}
interface PeerUnit extends PeerNames {
  code: string;
}
interface PeerProject {
  rowId: string;
  titleEn: string | null;
  titleKy: string | null;
  titleRu: string | null;
  projectThemes: { nodes: { themeByThemeCode: PeerUnit }[] };
  projectParticipants: { nodes: { organisation: PeerNames }[] };
  projectCoverages: { nodes: { adminUnitByUnitCode: PeerUnit & { adminUnitByParentCode: PeerUnit | null } }[] };
}

function hubProject(project: HubProject | null) {
  if (!project) return null;
  return {
    id: project.id,
    title: project.title,
    themes: sorted(project.themes.map((theme) => `${theme.code} ${theme.name}`)),
    organisations: sorted(project.participants.map((participant) => participant.organisation.name)),
    units: sorted(project.coverage.map(({ unit }) => `${unit.code} ${unit.name} < ${unit.parent?.code ?? '-'} ${unit.parent?.name ?? '-'}`)),
  };
}

/** The text in English, else in Kyrgyz, else in Russian, as the hub picks it (src/common/localized-text.ts). */
const english = (en: string | null, ky: string | null, ru: string | null) => en || ky || ru || null;
const name = (names: PeerNames | null) => (names ? english(names.nameEn, names.nameKy, names.nameRu) : '-');

function peerProject(project: PeerProject | null) {
  if (!project) return null;
  return {
    id: project.rowId,
    title: english(project.titleEn, project.titleKy, project.titleRu),
    themes: sorted(project.projectThemes.nodes.map(({ themeByThemeCode: theme }) => `${theme.code} ${name(theme)}`)),
    organisations: sorted(project.projectParticipants.nodes.map((participant) => name(participant.organisation) ?? '-')),
    units: sorted(
      project.projectCoverages.nodes.map(({ adminUnitByUnitCode: unit }) => {
        const parent = unit.adminUnitByParentCode;
        return `${unit.code} ${name(unit)} < ${parent?.code ?? '-'} ${name(parent)}`;
      }),
    ),
  };
}

interface Sample {
  projectIds: string[];
  overlapProjectIds: string[];
  theme: string;
  district: { code: string; path: string; name: string; projects: number };
}

function questions(sample: Sample, em: EntityManager, token: string): Question[] {
  const projectId = (index: number) => sample.projectIds[index % sample.projectIds.length];
  const overlapId = (index: number) => sample.overlapProjectIds[index % sample.overlapProjectIds.length];
  const first = [0, 1, 2, 3, 4];
  const { theme, district } = sample;
  return [
    {
      key: 'page',
      label: '1. projects page: 50 with title, themes, participants → organisation, coverage → unit and its parent (and the total)',
      hub: () => ({ query: `{ projects(first: 50) { totalCount nodes { ${HUB_PROJECT_FIELDS} } } }`, variables: {} }),
      // The hub's default order: last updated first, then by id.
      peer: () => ({ query: `{ projects(first: 50, orderBy: [UPDATED_AT_DESC, ROW_ID_ASC]) { totalCount nodes { ${PEER_PROJECT_FIELDS} } } }`, variables: {} }),
      normaliseHub: (data) => ({ total: at(data, 'projects', 'totalCount'), nodes: at<HubProject[]>(data, 'projects', 'nodes').map(hubProject) }),
      normalisePeer: (data) => ({ total: at(data, 'projects', 'totalCount'), nodes: at<PeerProject[]>(data, 'projects', 'nodes').map(peerProject) }),
      checked: [0],
    },
    {
      key: 'project',
      label: '2. one project by id, with the same relations (200 projects in turn)',
      hub: (index) => ({ query: `query ($id: ID!) { project(id: $id) { ${HUB_PROJECT_FIELDS} } }`, variables: { id: projectId(index) } }),
      peer: (index) => ({ query: `query ($id: UUID!) { project(rowId: $id) { ${PEER_PROJECT_FIELDS} } }`, variables: { id: projectId(index) } }),
      normaliseHub: (data) => hubProject(at<HubProject>(data, 'project')),
      normalisePeer: (data) => peerProject(at<PeerProject>(data, 'project')),
      checked: first,
    },
    {
      key: 'organisations',
      label: `3. organisations of one theme in one district: projects on ${theme} covering ${district.name} or a unit inside it (${district.projects}), with their organisations`,
      hub: () => ({
        query: `query ($theme: String!, $unit: String!) { projects(filter: { themeCodes: [$theme], unitCode: $unit, coverageMatch: WITHIN }, first: 500) {
          totalCount nodes { id participants { organisation { id name } } } } }`,
        variables: { theme, unit: district.code },
      }),
      peer: () => ({
        query: `query ($theme: String!, $path: String!, $inside: String!) { projects(orderBy: [UPDATED_AT_DESC, ROW_ID_ASC], first: 500, filter: {
          projectThemes: { some: { themeCode: { equalTo: $theme } } },
          projectCoverages: { some: { adminUnitByUnitCode: { or: [{ path: { equalTo: $path } }, { path: { startsWith: $inside } }] } } } }) {
          totalCount nodes { rowId projectParticipants { nodes { organisation { rowId ${NAMES} } } } } } }`,
        variables: { theme, path: district.path, inside: `${district.path}.` },
      }),
      normaliseHub: (data) => ({
        total: at(data, 'projects', 'totalCount'),
        nodes: at<{ id: string; participants: { organisation: { id: string; name: string } }[] }[]>(data, 'projects', 'nodes').map((project) => ({
          id: project.id,
          organisations: sorted(project.participants.map(({ organisation }) => `${organisation.id} ${organisation.name}`)),
        })),
      }),
      normalisePeer: (data) => ({
        total: at(data, 'projects', 'totalCount'),
        nodes: at<{ rowId: string; projectParticipants: { nodes: { organisation: PeerNames & { rowId: string } }[] } }[]>(data, 'projects', 'nodes').map((project) => ({
          id: project.rowId,
          organisations: sorted(project.projectParticipants.nodes.map(({ organisation }) => `${organisation.rowId} ${name(organisation)}`)),
        })),
      }),
      checked: [0],
    },
    {
      key: 'overlaps',
      label: '4. overlaps of one project (first 20, with the total; 200 projects in turn)',
      hub: (index) => ({
        query: `query ($id: ID!) { overlaps(filter: { projectId: $id }, first: 20) { totalCount nodes { score components { geographic time themes }
          periodStart periodEnd projectA { id title } projectB { id title } sharedUnits { code name } sharedThemes { code } } } }`,
        variables: { id: overlapId(index) },
      }),
      peer: (index) => ({
        query: `query ($id: UUID!) { peersProjectOverlapsList(projectId: $id, pageSize: 20) { projectA projectB score geographic timeShare themeSimilarity
          periodStart periodEnd unitIds themeIds total related } }`,
        variables: { id: overlapId(index) },
      }),
      normaliseHub: (data) => {
        type Node = {
          score: number;
          components: { geographic: number; time: number; themes: number };
          periodStart: string | null;
          periodEnd: string | null;
          projectA: { id: string; title: string };
          projectB: { id: string; title: string };
          sharedUnits: { code: string; name: string }[];
          sharedThemes: { code: string }[];
        };
        const nodes = at<Node[]>(data, 'overlaps', 'nodes');
        return {
          total: at<number>(data, 'overlaps', 'totalCount'),
          nodes: nodes.map((node) => ({
            pair: `${node.projectA.id} ${node.projectB.id}`,
            titles: `${node.projectA.title} | ${node.projectB.title}`,
            numbers: [node.score, node.components.geographic, node.components.time, node.components.themes],
            period: `${node.periodStart} ${node.periodEnd}`,
            units: node.sharedUnits.map((unit) => `${unit.code} ${unit.name}`),
            themes: node.sharedThemes.map((sharedTheme) => sharedTheme.code),
          })),
        };
      },
      normalisePeer: (data) => {
        type Row = {
          projectA: string;
          projectB: string;
          score: string;
          geographic: string;
          timeShare: string;
          themeSimilarity: string;
          periodStart: string | null;
          periodEnd: string | null;
          unitIds: string | null;
          themeIds: string | null;
          total: string | null;
          related: { projects: Json[] | null; units: [number, Json][] | null; themes: [number, Json][] | null } | null;
        };
        const rows = at<Row[]>(data, 'peersProjectOverlapsList');
        // The statement's first row carries the projects, units and themes of the page as lean rows in
        // JSON, the units and themes with the ids that the rows name them by.
        const related = rows[0]?.related;
        const titles = new Map(
          (related?.projects ?? []).map((json) => {
            const record = leanFromJson<{ id: string; title: Translations }>(em, Project.name, json);
            return [record.id, pickTranslation(record.title, Language.EN)];
          }),
        );
        const units = new Map(
          (related?.units ?? []).map(([id, json]) => {
            const record = leanFromJson<{ code: string; nameKy: string | null; nameRu: string | null; nameEn: string | null }>(em, AdminUnit.name, json);
            return [String(id), `${record.code} ${pickTranslation({ ky: record.nameKy, ru: record.nameRu, en: record.nameEn }, Language.EN)}`];
          }),
        );
        const themes = new Map((related?.themes ?? []).map(([id, json]) => [String(id), leanFromJson<{ code: string }>(em, Theme.name, json).code]));
        const named = (ids: string | null, names: Map<string, string>) => (ids ? ids.split(',').map((id) => names.get(id)) : []);
        return {
          total: rows.length ? Number(rows[0].total) : 0,
          nodes: rows.map((row) => ({
            pair: `${row.projectA} ${row.projectB}`,
            titles: `${titles.get(row.projectA)} | ${titles.get(row.projectB)}`,
            numbers: [row.score, row.geographic, row.timeShare, row.themeSimilarity].map(Number),
            period: `${row.periodStart} ${row.periodEnd === 'infinity' ? null : row.periodEnd}`,
            units: named(row.unitIds, units),
            themes: named(row.themeIds, themes),
          })),
        };
      },
      checked: first,
    },
    {
      key: 'floor',
      label: 'fixed cost of a request: `{ __typename }`, anonymous',
      hub: () => ({ query: '{ __typename }', variables: {} }),
      peer: () => ({ query: '{ __typename }', variables: {} }),
    },
    {
      key: 'floorToken',
      label: 'fixed cost of a request: `{ __typename }` with a bearer token (the hub looks it up, then remembers it for 2 s)',
      hub: () => ({ query: '{ __typename }', variables: {} }),
      headers: { authorization: `Bearer ${token}` },
    },
  ];
}

// ---- servers --------------------------------------------------------------------------------

async function post(url: string, operation: Operation, headers: Record<string, string> = {}): Promise<{ data: Json; statements: number | null }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(operation),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { data?: Json; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(body.errors).slice(0, 800)}`);
  const header = response.headers.get('x-sql-statements');
  return { data: body.data, statements: header === null ? null : Number(header) };
}

async function startPeer(databaseUrl: string): Promise<Server> {
  const binary = nodeBinary(PEER_NODE);
  const port = await freePort();
  const child = spawn(binary, [join(projectRoot, 'dist', 'bench', 'peers', 'postgraphile-server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const statements = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message: { statements: number }) => resolve(message.statements));
      child.send({ statements: true });
    });
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) break;
    const ready = await post(url, { query: '{ __typename }', variables: {} }).then(
      () => true,
      () => false,
    );
    if (ready) return { side: 'postgraphile', url, child, statements };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`PostGraphile did not become ready within 60 s:\n${stderr.slice(-2000)}`);
}

// ---- measuring ------------------------------------------------------------------------------

/**
 * CPU time (ms) of each of the cluster's backends (the children of the postmaster) so far, by pid.
 * Compared by pid: a backend that ends between two readings (an idle pool connection closed)
 * takes its time with it, which would otherwise make the difference negative.
 */
function databaseCpu(clusterDir: string): Map<number, number> {
  const cpu = new Map<number, number>();
  try {
    const postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
        if (Number(fields[1]) === postmaster) cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
      } catch {
        // The process ended while being read.
      }
    }
  } catch {
    // No postmaster.pid: not Linux, or the cluster is gone; the figures then read 0.
  }
  return cpu;
}

function databaseCpuSince(clusterDir: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of databaseCpu(clusterDir)) total += ms - (before.get(pid) ?? 0);
  return total;
}

interface Tally {
  latencies: number[];
  seconds: number;
  serverCpuMs: number;
  databaseCpuMs: number;
  failures: number;
}

const emptyTally = (): Tally => ({ latencies: [], seconds: 0, serverCpuMs: 0, databaseCpuMs: 0, failures: 0 });

async function round(server: Server, question: Question, connections: number, clusterDir: string, tally: Tally, seconds = SECONDS): Promise<void> {
  let index = 0;
  const operation = server.side === 'postgraphile' ? question.peer! : question.hub;
  const cpuBefore = processCpuMs(server.child.pid);
  const dbBefore = databaseCpu(clusterDir);
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}/graphql`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...question.headers },
            setupRequest: (request) => ({ ...request, body: JSON.stringify(operation(index++)) }),
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) tally.failures += 1;
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => tally.latencies.push(responseTime));
  });
  tally.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  tally.serverCpuMs += (processCpuMs(server.child.pid) ?? NaN) - (cpuBefore ?? NaN);
  tally.databaseCpuMs += databaseCpuSince(clusterDir, dbBefore);
}

/** The hub's own statement for question 4 straight through pg (a pool of 10, as the servers have). */
async function rawRound(databaseUrl: string, sql: string, ids: string[], connections: number, clusterDir: string, tally: Tally): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const dbBefore = databaseCpu(clusterDir);
  let index = 0;
  const started = process.hrtime.bigint();
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const begun = process.hrtime.bigint();
        await pool.query(sql, [ids[index++ % ids.length]]);
        tally.latencies.push(Number(process.hrtime.bigint() - begun) / 1e6);
      }
    }),
  );
  tally.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  tally.databaseCpuMs += databaseCpuSince(clusterDir, dbBefore);
  await pool.end();
}

interface Row {
  label: string;
  side: Side | 'raw';
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  serverCpuMs: number | null;
  databaseCpuMs: number;
  statements: number | null;
  requests: number;
  failures: number;
}

function rowOf(label: string, side: Row['side'], connections: number, tally: Tally, statements: number | null, withServer: boolean): Row {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    label,
    side,
    connections,
    p50: requests ? percentile(latencies, 50) : NaN,
    p95: requests ? percentile(latencies, 95) : NaN,
    p99: requests ? percentile(latencies, 99) : NaN,
    perSecond: requests / tally.seconds,
    serverCpuMs: withServer ? tally.serverCpuMs / requests : null,
    databaseCpuMs: tally.databaseCpuMs / requests,
    statements,
    requests,
    failures: tally.failures,
  };
}

// ---- the run --------------------------------------------------------------------------------

async function sampleOf(client: Client): Promise<Sample> {
  const { rows: projects } = await client.query<{ id: string }>('select id from project order by md5(id::text) limit 200');
  const { rows: overlapping } = await client.query<{ id: string }>('select id from analytics_project order by md5(id::text) limit 200');
  // The district in the middle (by count) of those with projects on conflict prevention: a typical answer, not the largest.
  const theme = 'CONFLICT_PREVENTION';
  const { rows: districts } = await client.query<{ code: string; path: string; name: string; projects: number }>(
    `select d.code, d.path, d.name_en as name, count(distinct c.project_id)::int as projects
       from admin_unit d join admin_unit u on u.path = d.path or u.path like d.path || '.%'
       join project_coverage c on c.unit_code = u.code join project_theme pt on pt.project_id = c.project_id and pt.theme_code = $1
      where d.level = 'DISTRICT' group by d.code, d.path, d.name_en order by 4, 1`,
    [theme],
  );
  return { projectIds: projects.map((row) => row.id), overlapProjectIds: overlapping.map((row) => row.id), theme, district: districts[Math.floor(districts.length / 2)] };
}

async function checkEqual(hub: Server, peer: Server, question: Question): Promise<string> {
  for (const index of question.checked ?? []) {
    const [ours, theirs] = await Promise.all([post(hub.url, question.hub(index)), post(peer.url, question.peer!(index))]);
    const a = question.normaliseHub!(ours.data);
    const b = question.normalisePeer!(theirs.data);
    if (!isDeepStrictEqual(a, b)) {
      throw new Error(
        `The answers to "${question.label}" differ (request ${index}):\nhub:          ${JSON.stringify(a).slice(0, 1500)}\npostgraphile: ${JSON.stringify(b).slice(0, 1500)}`,
      );
    }
  }
  const answer = question.normaliseHub!((await post(hub.url, question.hub(0))).data) as { nodes?: unknown[] } | null;
  return Array.isArray(answer?.nodes) ? `${answer.nodes.length} rows` : 'one project';
}

async function main() {
  const bench = await startBenchCluster();
  const children: ChildProcess[] = [];
  try {
    if (!(await datasetInfo(bench, SIZE))) await createDataset(bench, SIZE);
    const databaseUrl = bench.urlOf(SIZE);
    const clusterDir = bench.cluster.clusterDir;
    const orm = await initOrm({ url: databaseUrl, logger: pino({ level: 'warn' }) });
    const em = orm.em.fork();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    let token: string;
    let sample: Sample;
    let rawSql: string;
    try {
      token = (await issueAdminToken(em, 'bench-peers@example.org', 1)).secret;
      sample = await sampleOf(client);
      await createOverlapFunction(client, em, sample.overlapProjectIds[0]);
      const statement = projectOverlapStatement(em, '00000000-0000-0000-0000-000000000000', { limit: 20, offset: 0 }, OVERLAP_PAGE_COLUMNS);
      let parameter = 0;
      rawSql = statement.sql.replace(/\?/g, () => (parameter++ === 0 ? '$1' : String(statement.params[parameter - 1])));
      await client.query('analyze');
    } finally {
      await client.end();
    }

    // A hub's statements come from its answers' header (below), not from this.
    const noCounter = async () => NaN;
    const hubStarted = await startServer(databaseUrl, 'warn', nodeBinary(PEER_NODE));
    children.push(hubStarted.child);
    const hub: Server = { side: 'hub', url: hubStarted.url, child: hubStarted.child, statements: noCounter };
    const servers: Server[] = [hub];
    if (process.versions.node !== PEER_NODE) {
      const here = await startServer(databaseUrl);
      children.push(here.child);
      servers.push({ side: 'hubHere', url: here.url, child: here.child, statements: noCounter });
    }
    const peer = await startPeer(databaseUrl);
    children.push(peer.child);
    servers.push(peer);
    const peerVersion = (JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string }).version;

    const all = questions(sample, em, token);
    const shapes = new Map<string, string>();
    for (const question of all) {
      if (!question.peer || !question.normaliseHub) continue;
      process.stdout.write(`Checking "${question.label}" … `);
      shapes.set(question.key, await checkEqual(hub, peer, question));
      console.log(`equal (${shapes.get(question.key)})`);
    }

    // Warm-up, and statements per request: the hub's header; PostGraphile's pool counter over 20 requests.
    const statements = new Map<string, number>();
    for (const question of all) {
      for (const server of servers) {
        const operation = server.side === 'postgraphile' ? question.peer : question.hub;
        if (!operation) continue;
        for (let index = 0; index < WARMUP; index += 1) await post(server.url, operation(index), question.headers);
        const before = await server.statements();
        const counted = 20;
        let hubTotal = 0;
        for (let index = 0; index < counted; index += 1) hubTotal += (await post(server.url, operation(WARMUP + index), question.headers)).statements ?? NaN;
        statements.set(`${question.key} ${server.side}`, server.side === 'postgraphile' ? ((await server.statements()) - before) / counted : hubTotal / counted);
      }
    }

    const rows: Row[] = [];
    for (const question of all) {
      for (const connections of CONNECTIONS) {
        const tallies: Record<Side | 'raw', Tally> = { hub: emptyTally(), hubHere: emptyTally(), postgraphile: emptyTally(), raw: emptyTally() };
        for (let index = 0; index < ROUNDS; index += 1) {
          // Rotate which server goes first, so none always follows another's backlog.
          const order = servers.map((_, at) => servers[(at + index) % servers.length]);
          for (const server of order) {
            if (server.side === 'postgraphile' && !question.peer) continue;
            await round(server, question, connections, clusterDir, tallies[server.side]);
          }
          if (question.key === 'overlaps') await rawRound(databaseUrl, rawSql, sample.overlapProjectIds, connections, clusterDir, tallies.raw);
        }
        for (const { side } of servers) {
          if (side === 'postgraphile' && !question.peer) continue;
          rows.push(rowOf(question.label, side, connections, tallies[side], statements.get(`${question.key} ${side}`) ?? null, true));
          console.log(formatRow(rows[rows.length - 1]));
        }
        if (question.key === 'overlaps') {
          rows.push(rowOf(question.label, 'raw', connections, tallies.raw, 1, false));
          console.log(formatRow(rows[rows.length - 1]));
        }
      }
    }
    await orm.close(true);

    const section = report(rows, sample, shapes, peerVersion);
    const file = join(projectRoot, 'BENCHMARKS.md');
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', 'peers', section));
    console.log(section);
    if (rows.some((row) => row.failures > 0)) process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await bench.cluster.stop();
  }
}

const ms = (value: number) => value.toFixed(1);

function formatRow(row: Row): string {
  return `| ${SIDE_LABELS[row.side]} | ${row.connections} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${row.perSecond.toFixed(0)} | ${row.serverCpuMs === null ? '–' : row.serverCpuMs.toFixed(2)} | ${row.databaseCpuMs.toFixed(2)} | ${row.statements === null ? '–' : Number(row.statements.toFixed(1))} | ${row.requests}${row.failures ? ` (${row.failures} failed)` : ''} |`;
}

function report(rows: Row[], sample: Sample, shapes: Map<string, string>, peerVersion: string): string {
  const find = (key: string, side: Row['side'], connections: number) => rows.find((row) => row.label.startsWith(key) && row.side === side && row.connections === connections);
  const lines = [
    '## Against a peer: PostGraphile (`npm run bench:peers`)',
    '',
    `_Written by bench/peers.ts on ${new Date().toISOString().slice(0, 10)}: N = ${SIZE.toLocaleString('en')} projects; the hub as deployed (NODE_ENV=production, rate limits off, a pool of 10) and PostGraphile ${peerVersion} (Amber preset, simplified inflection, connection-filter plugin; a pool of 10, read-only sessions, no mutations), both on Node ${PEER_NODE} from the npm \`node\` package${process.versions.node === PEER_NODE ? '' : `, and the hub once more on this machine's Node ${process.versions.node}`}, on the same database, with autocannon on the same 2-core machine._`,
    '',
    '| question | server | connections | p50, ms | p95, ms | p99, ms | requests per second | server CPU per request, ms | database CPU per request, ms | SQL statements per request | requests measured |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  let previous = '';
  for (const row of rows) {
    lines.push(`| ${row.label === previous ? '' : row.label} ${formatRow(row)}`);
    previous = row.label;
  }
  const verdicts: string[] = [];
  for (const key of ['1.', '2.', '3.', '4.']) {
    const ours = find(key, 'hub', 16);
    const theirs = find(key, 'postgraphile', 16);
    if (!ours || !theirs) continue;
    const holds = ours.p50 <= theirs.p50 && ours.perSecond >= theirs.perSecond;
    verdicts.push(
      `| question ${key.slice(0, 1)} at 16 connections: hub p50 ≤ PostGraphile's and throughput ≥ | ${ms(ours.p50)} vs ${ms(theirs.p50)} ms; ${ours.perSecond.toFixed(0)} vs ${theirs.perSecond.toFixed(0)} per s | ${holds ? 'yes' : '**no**'} |`,
    );
  }
  const overlapsHub = find('4.', 'hub', 1);
  const overlapsRaw = find('4.', 'raw', 1);
  const floor = find('fixed cost of a request: `{ __typename }`, anonymous', 'hub', 1);
  const floorToken = find('fixed cost of a request: `{ __typename }` with', 'hub', 1);
  if (overlapsHub && overlapsRaw) {
    const added = overlapsHub.p50 - overlapsRaw.p50;
    verdicts.push(
      `| GraphQL adds at most 3 ms at p50 to the raw overlap statement (1 connection) | ${ms(added)} ms (${ms(overlapsHub.p50)} − ${ms(overlapsRaw.p50)}) | ${added <= 3 ? 'yes' : '**no**'} |`,
    );
  }
  for (const [name, row] of [
    ['anonymous', floor],
    ['with a token', floorToken],
  ] as const) {
    if (row) verdicts.push(`| fixed cost of a request (${name}) under 1 ms at p50 | ${ms(row.p50)} ms | ${row.p50 < 1 ? 'yes' : '**no**'} |`);
  }
  lines.push(
    '',
    '| target (issue 19) | measured | holds |',
    '|---|---|---|',
    ...verdicts,
    '',
    '### Method',
    '',
    `- Before any timing, both servers answer each question and the answers are compared after sorting nested lists (order inside a project's themes, participants and coverage is not part of the question): equal for ${[...shapes].map(([key, shape]) => `${key} (${shape})`).join(', ')}. Question 2 and 4 compare five different projects.`,
    `- Question 3: theme ${sample.theme}, district ${sample.district.name} (${sample.district.code}), the district in the middle by the number of such projects; "covering it or a unit inside it" is the hub's \`coverageMatch: WITHIN\` (the unit's path, or a path below it) and PostGraphile's connection filter on the unit's path (\`equalTo\` or \`startsWith\`) through \`some\` on coverage and themes.`,
    "- Question 4: the hub's statement for `overlaps(filter: { projectId }, first: 20)` (`projectOverlapStatement`) is created by the benchmark as `peers.project_overlaps(project_id, page_size)` in the benchmark database (bench/peers/overlap-function.ts; a migration would freeze a copy of SQL that the service builds), and PostGraphile calls it. Its answer carries the page's projects, units and themes as the statement gives them (one JSON column on the first row, with the columns the hub reads for this selection: the projects' ids and titles, the units' codes and names; each row names its shared units and themes by their ids in that column); the hub turns that into typed fields.",
    `- Each question gets ${ROUNDS} rounds of ${SECONDS} s on each server at each load, the servers taking turns (which goes first rotates); percentiles are over all requests of a server's rounds, from autocannon's per-response times. Before timing, each server answers ${WARMUP} requests of each question.`,
    `- The targets compare the hub and PostGraphile on the same Node (${PEER_NODE}; PostGraphile 5 needs 22 or later), so that the figures are of the two GraphQL layers, not of two versions of V8.${process.versions.node === PEER_NODE ? '' : ` The hub on this machine's Node ${process.versions.node} (the oldest line it supports) is measured in the same rounds, for the record.`}`,
    '- Server CPU: user + system time of the server process (/proc) over its rounds ÷ its requests. Database CPU: the same for the PostgreSQL backends (children of the postmaster) while that server was measured.',
    "- SQL statements per request: the hub's `x-sql-statements` header; for PostGraphile, every `query` its pool's clients were sent (a counter in bench/peers/postgraphile-server.ts), over 20 requests.",
    '- "Raw SQL through pg" sends the overlap statement itself, with a pool of 10, in the same rounds.',
    '- The machine is shared with other work: figures move by a third from run to run. Compare the two servers within one run, not runs with each other.',
  );
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
