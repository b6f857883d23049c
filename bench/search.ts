/**
 * `npm run bench:search`: the place search (`adminUnits(filter: { search })`, the coverage
 * picker's search) over HTTP against the server as deployed, on the 1,000-project dataset (the
 * search reads only the gazetteer, so the number of projects does not matter). Spellings as
 * partners type them, rotated; p50 and p95 after warm-up; writes its section of BENCHMARKS.md.
 */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';
import { createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { percentile, processCpuMs, replaceSection, startServer } from './server';

const SIZE = 1000;
const WARMUP = 200;
const REQUESTS = 1000;
const TARGET_P95_MS = 20;

/** Cyrillic and Latin, Kyrgyz letters, with and without type words, misspelt, villages, codes. */
const SPELLINGS = [
  'Ак-Татыр',
  'Ak Tatyr',
  'Aktatyr',
  'ак татыр',
  'Ак-Татырский айылный аймак',
  'Ноокатский район',
  'Ноокат',
  'Nookat rayon',
  'Нокат',
  'Uzgen',
  'Өзгөн',
  'Leylek',
  'Лейлек',
  'Ак-Сай',
  'Кара-Суу',
  'Kara-Suu',
  'Бишкек',
  'Октябрьский район',
  'г. Ош',
  'Баткен району',
  'Кызыл-Кия',
  'Kyzyl-Kiya',
  'Жалал-Абад',
  'Jalal-Abad',
  'Иссык-Куль',
  'Ысык-Көл',
  'Talas',
  'KG05214849000',
  '41705214849000',
  'Чаек',
];

const QUERY = `query ($search: String!) { adminUnits(filter: { search: $search }, first: 10) {
  totalCount nodes { code kind name ancestors { code name } } } }`;

async function search(url: string, text: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
    body: JSON.stringify({ query: QUERY, variables: { search: text } }),
  });
  const body = (await response.json()) as { data?: { adminUnits: { totalCount: number } }; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors for "${text}": ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data.adminUnits.totalCount;
}

async function main() {
  const bench = await startBenchCluster();
  try {
    if (!(await datasetInfo(bench, SIZE))) await createDataset(bench, SIZE);
    const server = await startServer(bench.urlOf(SIZE));
    try {
      for (let index = 0; index < WARMUP; index += 1) await search(server.url, SPELLINGS[index % SPELLINGS.length]);
      const times: number[] = [];
      const bySpelling = new Map<string, number[]>();
      const cpuBefore = processCpuMs(server.child.pid);
      for (let index = 0; index < REQUESTS; index += 1) {
        const started = process.hrtime.bigint();
        const spelling = SPELLINGS[index % SPELLINGS.length];
        await search(server.url, spelling);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        times.push(ms);
        bySpelling.set(spelling, [...(bySpelling.get(spelling) ?? []), ms]);
      }
      const cpuAfter = processCpuMs(server.child.pid);
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      const medians = [...bySpelling]
        .map(
          ([spelling, list]) =>
            [
              spelling,
              percentile(
                list.sort((a, b) => a - b),
                50,
              ),
            ] as const,
        )
        .sort((a, b) => b[1] - a[1]);
      const cpu = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / REQUESTS;
      const section = [
        '## Place search (`npm run bench:search`)',
        '',
        `_Written by bench/search.ts on ${new Date().toISOString().slice(0, 10)}: \`adminUnits(filter: { search }, first: 10)\` with each unit's ancestors, over HTTP on loopback, one request at a time, against the server as deployed (NODE_ENV=production); ${SPELLINGS.length} spellings rotated (Cyrillic and Latin, Kyrgyz letters, with and without type words, misspelt, villages, codes), ${WARMUP} warm-up requests, then ${REQUESTS} measured._`,
        '',
        '| measure | value |',
        '|---|---:|',
        `| p50 | ${p50.toFixed(1)} ms |`,
        `| p95 | ${p95.toFixed(1)} ms |`,
        `| server CPU per request | ${cpu === null ? '–' : `${cpu.toFixed(2)} ms`} |`,
        `| target (issue 15): p95 ≤ ${TARGET_P95_MS} ms | ${p95 <= TARGET_P95_MS ? 'holds' : '**does not hold**'} |`,
        '',
        'Spellings, slowest first (p50, ms): ' + medians.map(([text, ms]) => `"${text}" ${ms.toFixed(1)}`).join(', ') + '.',
      ].join('\n');
      const file = join(projectRoot, 'BENCHMARKS.md');
      writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', 'search', section));
      console.log(`Place search: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; wrote BENCHMARKS.md`);
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
