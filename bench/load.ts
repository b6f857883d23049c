/**
 * `npm run load`: the hub under sustained load, as partners and the public would load it, on
 * the synthetic national dataset (10,000 projects unless LOAD_SIZE says otherwise). The server
 * runs as deployed (NODE_ENV=production, rate limits off: the load comes from one address) and
 * autocannon sends a mix of the requests the web UI and partners make, at 1, 16 and 64
 * connections (the pool has 10 database connections: 64 queue for them). Counts every answer by
 * status and every GraphQL error by code (a 5xx or an error under load is a failure), and the
 * server's memory before and after. Writes the "load" section of BENCHMARKS.md and prints it.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/config/paths';
import { createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { processCpuMs, replaceSection, startServer } from './server';

const SIZE = Number(process.env.LOAD_SIZE ?? 10_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = [1, 16, 64];

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLBody;
}

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const bench = await startBenchCluster();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    if (!(await datasetInfo(bench, SIZE))) await createDataset(bench, SIZE);
    server = await startServer(bench.urlOf(SIZE));
    const sample = await graphql(server.url, '{ projects(first: 1, offset: 100) { nodes { id } } overlaps(first: 1) { nodes { projectA { id } } } }');
    const data = sample.data as { projects: { nodes: { id: string }[] }; overlaps: { nodes: { projectA: { id: string } }[] } };
    const projectId = data.projects.nodes[0].id;
    const overlapping = data.overlaps.nodes[0].projectA.id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(new Date());

    // What a visitor's map, a project list page, a project page and a partner's overlap check ask.
    const mix = [
      {
        name: 'map coverage (districts, active today)',
        query: `query { coverage(level: DISTRICT, filter: { activeDuring: { from: "${today}", to: "${today}" } }, currency: "USD", first: 100) { nodes { unit { code name } projectCount organisationCount funding { committed complete } } } }`,
      },
      {
        name: 'project list, 25 with participants and coverage',
        query: '{ projects(first: 25) { totalCount nodes { id title status startDate endDate participants { role organisation { name } } coverage { unit { code name } } } } }',
      },
      {
        name: 'one project with funding, and the overlaps of another',
        query: `{ project(id: "${projectId}") { title description { text } participants { role organisation { name } } fundingTotals(currency: "USD") { committed disbursed complete } } overlaps(filter: { projectId: "${overlapping}" }, first: 10) { nodes { score projectB { title } } } }`,
      },
      { name: 'place search', query: '{ adminUnits(filter: { search: "Ноокат" }, first: 10) { nodes { code name } } }' },
    ];
    for (const request of mix) {
      const answer = await graphql(server.url, request.query);
      if (answer.errors || !answer.data) throw new Error(`"${request.name}" answers errors before any load: ${JSON.stringify(answer.errors).slice(0, 400)}`);
    }

    const rows: string[] = [];
    const failures: string[] = [];
    const rssBefore = rssMb(server.child.pid);
    let rssPeak = rssBefore ?? 0;
    for (const connections of CONNECTIONS) {
      const codes = new Map<string, number>();
      const cpuBefore = processCpuMs(server.child.pid);
      const watch = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server?.child.pid) ?? 0)), 500);
      const result = await autocannon({
        url: `${server.url}/graphql`,
        connections,
        duration: SECONDS,
        requests: mix.map((request) => ({
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: request.query }),
          onResponse: (status: number, body: string) => {
            if (status !== 200 || body.includes('"errors"')) {
              const code = /"code":"(\w+)"/.exec(body)?.[1] ?? `HTTP ${status}`;
              codes.set(code, (codes.get(code) ?? 0) + 1);
            }
          },
        })),
      });
      clearInterval(watch);
      const cpuAfter = processCpuMs(server.child.pid);
      const fiveHundreds = result['5xx'];
      const errors = [...codes].map(([code, count]) => `${code} × ${count}`).join(', ') || 'none';
      if (fiveHundreds > 0 || codes.size > 0 || result.errors > 0 || result.timeouts > 0)
        failures.push(`${connections} connections: ${fiveHundreds} × 5xx, errors ${errors}, ${result.errors} socket errors, ${result.timeouts} timeouts`);
      const cpuPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? ((cpuAfter - cpuBefore) / result.requests.total).toFixed(1) : '—';
      rows.push(
        `| ${connections} | ${result.requests.total.toLocaleString('en')} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${cpuPerRequest} | ${result['2xx']} / ${result['4xx']} / ${fiveHundreds} | ${errors} |`,
      );
      console.log(rows.at(-1));
    }
    const rssAfter = rssMb(server.child.pid);
    const section = [
      '## Under load (`npm run load`)',
      '',
      `_Written by bench/load.ts on ${new Date().toISOString().slice(0, 10)}: N = ${SIZE.toLocaleString('en')} projects; the server as deployed (NODE_ENV=production, rate limits off, a pool of 10 database connections) and autocannon on the same 2-core machine, ${SECONDS} s per row; each connection sends the four requests below in turn._`,
      '',
      ...mix.map((request, index) => `${index + 1}. ${request.name}`),
      '',
      '| connections | requests | per second | p50, ms | p90, ms | p99, ms | max, ms | server CPU per request, ms | 2xx / 4xx / 5xx | GraphQL errors |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...rows,
      '',
      `Server memory (RSS): ${rssBefore?.toFixed(0) ?? '—'} MB before, ${rssPeak.toFixed(0)} MB at most during the load, ${rssAfter?.toFixed(0) ?? '—'} MB after. ${failures.length ? `**Failures:** ${failures.join('; ')}.` : 'No 5xx, no GraphQL error, no socket error or timeout at any load: past the pool, requests wait for a connection (up to the 5 s acquire timeout) rather than fail.'}`,
    ].join('\n');
    const file = join(projectRoot, 'BENCHMARKS.md');
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', 'load', section));
    console.log(section);
    if (failures.length) process.exitCode = 1;
  } finally {
    server?.child.kill('SIGTERM');
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
