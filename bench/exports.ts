/**
 * `npm run bench:exports`: on the 10,000-project dataset (scripts/seed-synthetic.ts; created when
 * missing), downloads the 3W (CSV, Excel) and the coverage GeoJSON from a started server (time,
 * size), then writes the 3W in this process with the server's own code to watch its memory: the
 * heap after a full collection at every page of projects, read fast and read slowly (a client on
 * a poor line), which stays flat when nothing accumulates. Writes its section of BENCHMARKS.md.
 */
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import pino from 'pino';
import { TokenCallers } from '../src/auth/token-callers';
import type { RequestContext } from '../src/common/context';
import { createLoaders } from '../src/server/request-context';
import { Language } from '../src/common/localized-text';
import { projectRoot } from '../src/config/paths';
import { initOrm } from '../src/db/orm';
import { threeWCsv, threeWXlsx } from '../src/exports/three-w.formats';
import { type ThreeWRow, threeWPages } from '../src/exports/three-w.service';
import { CoverageMatch } from '../src/projects/project.inputs';
import { createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { processCpuMs, replaceSection, startServer } from './server';

const PROJECTS = Number(process.env.BENCH_EXPORT_PROJECTS ?? 10000);
const RUNS = 3;
const SLOW_BYTES_PER_SECOND = 256 * 1024;

/** Downloads a URL; bytes, seconds and lines (rows, for a CSV). */
async function download(url: string): Promise<{ bytes: number; seconds: number; lines: number }> {
  const started = process.hrtime.bigint();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  return { bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9, lines };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function collect(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Writes the whole 3W in this process, reading it at `bytesPerSecond` (or as fast as it comes); heap after GC per page. */
async function heapPerPage(ctx: RequestContext, format: 'csv' | 'xlsx', bytesPerSecond?: number) {
  const pages = await threeWPages(ctx, { language: Language.RU, currency: 'USD', filter: { coverageMatch: CoverageMatch.INTERSECTING } });
  const heaps: number[] = [];
  async function* watched(): AsyncGenerator<ThreeWRow[]> {
    for await (const page of pages) {
      heaps.push(collect());
      yield page;
    }
  }
  const stream: Readable = format === 'csv' ? threeWCsv(watched(), Language.RU) : threeWXlsx(watched(), Language.RU, (error) => console.error(error));
  const started = Date.now();
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length;
    if (bytesPerSecond) await new Promise((resolve) => setTimeout(resolve, ((chunk as Buffer).length / bytesPerSecond) * 1000));
  }
  return { pages: heaps.length, bytes, seconds: (Date.now() - started) / 1000, min: Math.min(...heaps), max: Math.max(...heaps), first: heaps[0], last: heaps[heaps.length - 1] };
}

async function main() {
  if (!(globalThis as { gc?: () => void }).gc) throw new Error('run with node --expose-gc (npm run bench:exports does)');
  const bench = await startBenchCluster();
  let child: ChildProcess | undefined;
  try {
    if (!(await datasetInfo(bench, PROJECTS))) await createDataset(bench, PROJECTS);
    const server = await startServer(bench.urlOf(PROJECTS));
    child = server.child;
    const timings: string[] = [];
    const measure = async (label: string, path: string) => {
      const runs = [];
      const cpuBefore = processCpuMs(server.child.pid);
      for (let run = 0; run < RUNS; run += 1) runs.push(await download(`${server.url}${path}`));
      const cpu = ((processCpuMs(server.child.pid) ?? NaN) - (cpuBefore ?? NaN)) / RUNS / 1000;
      const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
      timings.push(
        `| ${label} | \`${path}\` | ${seconds[Math.floor(seconds.length / 2)].toFixed(2)} s | ${cpu.toFixed(2)} s | ${mb(runs[0].bytes)} MB | ${path.includes('.csv') ? (runs[0].lines - 2).toLocaleString('en') : '—'} |`,
      );
      console.log(timings[timings.length - 1]);
    };
    const today = new Date().toISOString().slice(0, 10);
    await measure('3W, CSV, all projects', '/exports/3w.csv?lang=ru');
    await measure('3W, Excel, all projects', '/exports/3w.xlsx?lang=ru');
    await measure('3W, CSV, one theme, active today', `/exports/3w.csv?theme=CONFLICT_PREVENTION&activeOn=${today}`);
    await measure('coverage GeoJSON, districts, one theme, today', `/exports/coverage.geojson?level=DISTRICT&theme=CONFLICT_PREVENTION&activeOn=${today}`);
    child.kill('SIGTERM');
    child = undefined;

    const orm = await initOrm({ url: bench.urlOf(PROJECTS), logger: pino({ level: 'warn' }) });
    const memory: string[] = [];
    try {
      for (const [format, rate] of [
        ['csv', undefined],
        ['xlsx', undefined],
        ['xlsx', SLOW_BYTES_PER_SECOND],
      ] as const) {
        const em = orm.em.fork();
        const ctx: RequestContext = {
          em,
          rowsEm: em,
          loaders: createLoaders(em),
          caller: null,
          credentialError: null,
          language: Language.RU,
          log: pino({ level: 'warn' }),
          requestId: 'bench',
          http: { clientIp: '127.0.0.1', setSessionCookie: () => undefined, clearSessionCookie: () => undefined },
          tokenCallers: new TokenCallers(),
        };
        const result = await heapPerPage(ctx, format, rate);
        memory.push(
          `| ${format === 'csv' ? 'CSV' : 'Excel'}, read ${rate ? `at ${rate / 1024} KB/s` : 'as fast as written'} | ${result.pages} | ${mb(result.bytes)} MB in ${result.seconds.toFixed(1)} s | ${mb(result.first)} MB | ${mb(result.last)} MB | ${mb(result.min)}–${mb(result.max)} MB |`,
        );
        console.log(memory[memory.length - 1]);
      }
    } finally {
      await orm.close(true);
    }

    const section = `## Exports (N = ${PROJECTS.toLocaleString('en')})

_Written by bench/exports.ts on ${today}._ Downloads from a started server (\`NODE_ENV=production\`, gzip as a browser asks),
each ${RUNS} times one after another: the median time, and the server's CPU time per download (steadier on a shared machine;
the database's time is not in it):

| export | path | time | server CPU | size | data rows |
|---|---|---|---|---|---|
${timings.join('\n')}

Memory of the 3W: the whole export written in the benchmark's process with the server's code, the heap measured after a full
garbage collection as each page of projects (500) is read. Flat from the first page to the last, also when the client reads
slowly (the writer then waits for it): memory is that of a page, not of the export.

| 3W | pages | written | heap at page 1 | heap at last page | range over pages |
|---|---|---|---|---|---|
${memory.join('\n')}`;
    const file = join(projectRoot, 'BENCHMARKS.md');
    writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), 'bench-exports', section));
    console.log(section);
  } finally {
    child?.kill('SIGTERM');
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
