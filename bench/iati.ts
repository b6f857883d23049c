/**
 * `npm run bench:iati`: the IATI export (`GET /iati/activities.xml`) against the server as
 * deployed, on the synthetic datasets (BENCH_SIZES, default 1,000 and 10,000 projects): time,
 * size, and the server's resident memory (RSS) before and at its peak while it streams, read
 * from /proc. The synthetic organisations have no IATI identifiers and the projects no
 * descriptions, so each size is first copied to a database of its own where every organisation
 * gets one and every project a description (the dataset itself is left as it is); the hub
 * publishes as IATI_PUBLISHER_REF=XX-BENCH-HUB. Writes its section of BENCHMARKS.md.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../src/config/paths';
import { createDataset, databaseName, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { processCpuMs, replaceSection, startServer } from './server';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = 3;
const CAPPED_HEAP_MIB = 128;

/** Resident memory of a process and its peak so far, in MiB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** A copy of the dataset whose organisations all have IATI identifiers and projects descriptions. */
async function iatiCopy(adminUrl: string, urlOf: (database: string) => string, projects: number): Promise<string> {
  const name = `yntymak_iati_${projects}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${admin.escapeIdentifier(name)} template ${admin.escapeIdentifier(databaseName(projects))}`);
  } finally {
    await admin.end();
  }
  const client = new Client({ connectionString: urlOf(name) });
  await client.connect();
  try {
    await client.query(`update organisation set iati_identifier = 'XX-BENCH-' || replace(id::text, '-', '') where iati_identifier is null`);
    await client.query(`update project set description_en = 'Synthetic project: ' || coalesce(title_en, title_ru) where description_en is null`);
  } finally {
    await client.end();
  }
  return urlOf(name);
}

async function exportOnce(url: string, pid: number) {
  const before = memoryOf(pid);
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memoryOf(pid).rss);
  }, 20);
  const cpuBefore = processCpuMs(pid);
  const started = process.hrtime.bigint();
  const response = await fetch(`${url}/iati/activities.xml`, { headers: { 'accept-encoding': 'identity' } });
  let bytes = 0;
  let firstByteMs = 0;
  let tail = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = Number(process.hrtime.bigint() - started) / 1e6;
    bytes += chunk.length;
    tail = (tail + Buffer.from(chunk).toString('utf8')).slice(-100);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, memoryOf(pid).rss);
  return {
    status: response.status,
    activities: Number(response.headers.get('x-iati-activities')),
    skipped: Number(response.headers.get('x-iati-skipped')),
    bytes,
    ms,
    firstByteMs,
    cpuMs: (processCpuMs(pid) ?? 0) - (cpuBefore ?? 0),
    rssBefore: before.rss,
    peakRss,
    complete: tail.trimEnd().endsWith('</iati-activities>'),
  };
}

async function main() {
  const bench = await startBenchCluster();
  const lines: string[] = [];
  try {
    for (const size of SIZES) {
      if (!(await datasetInfo(bench, size))) await createDataset(bench, size);
      const url = await iatiCopy(bench.cluster.urlFor('postgres'), bench.cluster.urlFor, size);
      process.env.IATI_PUBLISHER_REF = 'XX-BENCH-HUB';
      const server = await startServer(url);
      try {
        const pid = server.child.pid!;
        // Warm up: the first request loads the code paths and the ORM metadata.
        await fetch(`${server.url}/iati/activities.xml?unit=KG05214849000`).then((response) => response.text());
        for (let run = 1; run <= RUNS; run += 1) {
          const result = await exportOnce(server.url, pid);
          if (result.status !== 200 || !result.complete) throw new Error(`HTTP ${result.status}, ${result.complete ? 'complete' : 'cut short'}`);
          const line = `| ${size.toLocaleString('en')} | ${run} | ${result.activities.toLocaleString('en')} | ${result.skipped} | ${(result.bytes / 1048576).toFixed(1)} MiB | ${Math.round(result.firstByteMs)} ms | ${(result.ms / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${Math.round(result.rssBefore)} MiB | ${Math.round(result.peakRss)} MiB |`;
          console.log(line);
          lines.push(line);
        }
        console.log(`peak RSS of the server process over its life (VmHWM): ${Math.round(memoryOf(pid).peak)} MiB`);
      } finally {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
      }
      // The same with V8's old space capped at 128 MiB: an export that held the file, or its
      // projects, in memory would fail here (the 10,000-project file is about 60 MiB).
      process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${CAPPED_HEAP_MIB}`.trim();
      const capped = await startServer(url);
      delete process.env.NODE_OPTIONS;
      try {
        const result = await exportOnce(capped.url, capped.child.pid!);
        if (result.status !== 200 || !result.complete) throw new Error(`the export failed with the heap capped at ${CAPPED_HEAP_MIB} MiB`);
        const line = `| ${size.toLocaleString('en')} | heap ≤ ${CAPPED_HEAP_MIB} MiB | ${result.activities.toLocaleString('en')} | ${result.skipped} | ${(result.bytes / 1048576).toFixed(1)} MiB | ${Math.round(result.firstByteMs)} ms | ${(result.ms / 1000).toFixed(2)} s | ${(result.cpuMs / 1000).toFixed(2)} s | ${Math.round(result.rssBefore)} MiB | ${Math.round(result.peakRss)} MiB |`;
        console.log(line);
        lines.push(line);
      } finally {
        capped.child.kill('SIGTERM');
        await new Promise((resolve) => capped.child.once('exit', resolve));
      }
    }
  } finally {
    await bench.cluster.stop();
  }
  const section = `## IATI export (\`GET /iati/activities.xml\`)

\`npm run bench:iati\` (${new Date().toISOString().slice(0, 10)}): the whole file, uncompressed, read as fast as the client can, against the server as deployed (NODE_ENV=production) on the synthetic datasets, every organisation given an IATI identifier so that every project is exported. RSS is the server process's resident memory just before the request and its highest value while streaming (sampled every 20 ms); V8 grows its heap lazily when memory is plentiful, so the last run of each size is repeated on a server whose old space is capped at ${CAPPED_HEAP_MIB} MiB (\`--max-old-space-size\`): an export holding the file or all its projects in memory would fail there. The export reads 500 projects at a time.

| projects | run | activities | skipped | size | first byte | time | server CPU | RSS before | RSS peak |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}
`;
  const file = join(projectRoot, 'BENCHMARKS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), 'iati', section));
  console.log('Wrote the IATI section of BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
