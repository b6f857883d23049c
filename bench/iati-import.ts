/**
 * `npm run bench:iati-import`: the IATI import (`npm run import:iati`) of generated files of
 * about BENCH_IATI_MB (MB, comma-separated; default 10,100), made by repeating hand-written activities: one in
 * BENCH_IATI_KG_EVERY (default 100) for Kyrgyzstan (each with its own identifier, a location by code, sectors, a budget and two
 * transactions), the others for Tajikistan, as in a large publisher's file. Imports each into a
 * fresh, seeded database of the benchmark cluster twice (created, then unchanged) with the
 * command as a child process, then once more into a fresh database with the command's heap capped
 * at BENCH_IATI_HEAP_MB (default 96) MB, and records time and peak resident memory (VmHWM, Linux
 * /proc). The import must run in constant memory (issue 17): the bench fails when the capped run
 * does. Writes its section of BENCHMARKS.md.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { seedReferenceData } from '../seeds';
import { projectRoot } from '../src/config/paths';
import { initOrm, migrate } from '../src/db/orm';
import { startBenchCluster } from '../scripts/synthetic/database';
import { replaceSection } from './server';

const SIZES_MB = (process.env.BENCH_IATI_MB ?? '10,100').split(',').map(Number);
/** The heap (MB) the capped run is given: far less than a 100 MB file's text. */
const HEAP_MB = Number(process.env.BENCH_IATI_HEAP_MB ?? 96);
const DATABASE = 'yntymak_iati_import';
/** One activity in this many is for Kyrgyzstan (a large publisher's file holds a few). */
const KG_EVERY = Number(process.env.BENCH_IATI_KG_EVERY ?? 100);

function activity(index: number): string {
  const kyrgyz = index % KG_EVERY === 0;
  const identifier = `XM-DAC-41114-BENCH-${kyrgyz ? 'KG' : 'TJ'}-${index}`;
  return `  <iati-activity last-updated-datetime="2026-03-01T10:00:00Z" xml:lang="en" default-currency="USD">
    <iati-identifier>${identifier}</iati-identifier>
    <reporting-org ref="XM-DAC-41114" type="40" secondary-reporter="0"><narrative>United Nations Development Programme</narrative></reporting-org>
    <title><narrative>Benchmark activity ${index}: dialogue platforms between municipalities</narrative><narrative xml:lang="ru">Тестовая деятельность ${index}</narrative></title>
    <description type="1"><narrative>${'Dialogue platforms between local self-government bodies and communities on shared water and pastures. '.repeat(8)}</narrative></description>
    <participating-org ref="XM-DAC-41114" role="1" type="40"><narrative>UNDP</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>Benchmark Partner ${index % 50}</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2026-01-01"/>
    <activity-date type="3" iso-date="2027-12-31"/>
    <recipient-country code="${kyrgyz ? 'KG' : 'TJ'}" percentage="100"/>
    <location ref="${kyrgyz ? 'KG05214000000' : 'TJ-SU-ISFARA'}"><name><narrative>${kyrgyz ? 'Batken rayon' : 'Isfara'}</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>${kyrgyz ? '40.0070 71.2244' : '39.8389 70.6256'}</pos></point></location>
    <sector vocabulary="1" code="15220" percentage="60"/>
    <sector vocabulary="1" code="15112" percentage="40"/>
    <budget type="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value currency="USD" value-date="2026-01-01">150000</value></budget>
    <transaction><transaction-type code="2"/><transaction-date iso-date="2026-01-15"/><value currency="USD" value-date="2026-01-15">300000</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2026-02-15"/><value currency="USD" value-date="2026-02-15">100000</value></transaction>
  </iati-activity>
`;
}

async function generate(path: string, targetBytes: number): Promise<{ activities: number; bytes: number }> {
  const out = createWriteStream(path);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-03-01T10:00:00Z">\n');
  let bytes = 0;
  let index = 0;
  while (bytes < targetBytes) {
    index += 1;
    const text = activity(index);
    bytes += Buffer.byteLength(text);
    await write(text);
  }
  await write('</iati-activities>\n');
  await new Promise((resolve) => out.end(resolve));
  return { activities: index, bytes: statSync(path).size };
}

/** Runs the command (its heap capped at heapMiB when given); its wall time and the highest VmHWM read while it ran. */
function importOnce(file: string, databaseUrl: string, heapMiB?: number): Promise<{ ms: number; peakMiB: number; summary: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let peak = 0;
    const nodeOptions = [process.env.NODE_OPTIONS, heapMiB ? `--max-old-space-size=${heapMiB}` : undefined].filter(Boolean).join(' ');
    const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: nodeOptions };
    const child = execFile(process.execPath, [join(projectRoot, 'dist', 'src', 'ops', 'import-iati.js'), file], { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      clearInterval(sampler);
      if (error)
        reject(
          new Error(
            `The import failed (peak RSS ${Math.round(peak / 1024)} MiB${heapMiB ? `, heap capped at ${heapMiB} MB` : ''}): ${error.message}\n${stderr.split('\n').slice(-15).join('\n')}`,
          ),
        );
      else resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peakMiB: peak / 1024, summary: stdout.split('\n').slice(0, 2).join(' ') });
    });
    const sampler = setInterval(() => {
      try {
        const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, kib);
      } catch {
        // The process has just ended.
      }
    }, 50);
  });
}

/** A fresh database of the cluster, migrated and seeded; its URL. */
async function freshDatabase(bench: Awaited<ReturnType<typeof startBenchCluster>>): Promise<string> {
  const admin = new Client({ connectionString: bench.cluster.urlFor('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = bench.cluster.urlFor(DATABASE);
  const logger = pino({ level: 'warn' });
  const orm = await initOrm({ url, logger });
  await migrate(orm);
  await seedReferenceData(orm, logger);
  await orm.close(true);
  return url;
}

const RUNS = [
  { label: 'first (creates)', fresh: true },
  { label: 'again (unchanged)', fresh: false },
  { label: `first (creates), heap capped at ${HEAP_MB} MB`, fresh: true, heapMiB: HEAP_MB },
];

async function main() {
  const file = join(tmpdir(), `yntymak-bench-iati-${process.pid}.xml`);
  const bench = await startBenchCluster();
  const lines: string[] = [];
  try {
    for (const megabytes of SIZES_MB) {
      const generated = await generate(file, megabytes * 1024 * 1024);
      console.log(`generated ${(generated.bytes / 1048576).toFixed(1)} MiB, ${generated.activities.toLocaleString('en')} activities`);
      let url = '';
      for (const run of RUNS) {
        if (run.fresh) url = await freshDatabase(bench);
        const result = await importOnce(file, url, run.heapMiB);
        const line = `| ${(generated.bytes / 1048576).toFixed(1)} MiB | ${generated.activities.toLocaleString('en')} | ${run.label} | ${(result.ms / 1000).toFixed(1)} s | ${Math.round(result.peakMiB)} MiB | ${result.summary.replace(/^.*?: /, '').replace(/\|/g, '/')} |`;
        console.log(line);
        lines.push(line);
      }
    }
  } finally {
    await bench.cluster.stop();
    rmSync(file, { force: true });
  }
  const section = `## IATI import (\`npm run bench:iati-import\`)

\`npm run bench:iati-import\` (${new Date().toISOString().slice(0, 10)}): \`npm run import:iati\` as a child process on a generated file (activities of about 2.5 KB repeated; one in ${KG_EVERY} for Kyrgyzstan, each with a location by code, two sectors, a budget and two transactions; the rest for Tajikistan) into a fresh seeded database of the benchmark cluster: first run (everything for Kyrgyzstan created, one transaction per activity), then the same file again (all unchanged), then a first run into another fresh database with the command's heap capped (\`NODE_OPTIONS=--max-old-space-size=${HEAP_MB}\`; the bench fails if it runs out). Memory does not grow with the file (issue 17): the reader holds one 256 KB chunk and one activity, and keeps no slice of a chunk past its activity. Time includes both passes (the well-formedness check, then the import); peak RSS is the command's VmHWM.

| file | activities | run | time | peak RSS | report |
|---:|---:|---|---:|---:|---|
${lines.join('\n')}
`;
  const target = join(projectRoot, 'BENCHMARKS.md');
  writeFileSync(target, replaceSection(readFileSync(target, 'utf8'), 'iati-import', section));
  console.log('Wrote the IATI import section of BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
