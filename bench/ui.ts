/**
 * `npm run bench:ui`: the web UI as the public meets it, on the synthetic national dataset
 * (10,000 projects unless BENCH_UI_SIZE says otherwise; created when missing). Times
 * `npm run build`, starts the server as deployed, and opens each public page in Debian's
 * chromium with an empty cache BENCH_UI_RUNS times (default 10): the JavaScript it loads (bytes
 * on the wire, gzip), its GraphQL requests, and the time from navigation until it is usable.
 * Writes the "ui" section of BENCHMARKS.md.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../src/config/paths';
import { createDataset, datasetInfo, startBenchCluster } from '../scripts/synthetic/database';
import { launchBrowser } from '../test/support/chromium';
import { replaceSection, startServer } from './server';

const SIZE = Number(process.env.BENCH_UI_SIZE ?? 10_000);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 10);
/** The budgets for the public map page. */
const MAP_JS_BUDGET_KB = 250;
const MAP_USABLE_BUDGET_MS = 1500;

interface PageScenario {
  name: string;
  path: string;
  /** Resolves when a person can use the page: its data is on screen and its controls work. */
  usable(page: Page): Promise<void>;
}

interface Load {
  jsKb: number;
  /** Each script's name (without its hash) and KB on the wire. */
  scripts: Map<string, number>;
  graphqlRequests: number;
  usableMs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function loadOnce(browser: Awaited<ReturnType<typeof launchBrowser>>, baseUrl: string, scenario: PageScenario): Promise<Load> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en', viewport: { width: 1366, height: 900 } });
  await context.addInitScript("localStorage.setItem('i18nextLng', 'en')");
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const kinds = new Map<string, { type: string; url: string }>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, { type: event.type, url: event.response.url }));
  cdp.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
  await page.goto(scenario.path, { waitUntil: 'commit' });
  await scenario.usable(page);
  const usableMs = await page.evaluate<number>('performance.now()');
  await page.waitForLoadState('networkidle');
  let js = 0;
  let graphqlRequests = 0;
  const scripts = new Map<string, number>();
  for (const [id, kind] of kinds) {
    if (kind.type === 'Script') {
      js += sizes.get(id) ?? 0;
      const name = kind.url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '');
      scripts.set(name, (scripts.get(name) ?? 0) + (sizes.get(id) ?? 0) / 1024);
    }
    if (kind.url.endsWith('/graphql')) graphqlRequests += 1;
  }
  await context.close();
  return { jsKb: js / 1024, scripts, graphqlRequests, usableMs };
}

async function main() {
  console.log('Timing npm run build…');
  const buildStarted = Date.now();
  execFileSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'ignore' });
  const buildSeconds = (Date.now() - buildStarted) / 1000;

  const bench = await startBenchCluster();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const browser = await launchBrowser();
  try {
    if (!(await datasetInfo(bench, SIZE))) await createDataset(bench, SIZE);
    server = await startServer(bench.urlOf(SIZE));
    const sample = (await (
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ overlaps(first: 1) { nodes { projectA { id } } } }' }) })
    ).json()) as { data: { overlaps: { nodes: { projectA: { id: string } }[] } } };
    const projectId = sample.data.overlaps.nodes[0].projectA.id;

    const scenarios: PageScenario[] = [
      {
        name: 'Public map (districts, active today)',
        path: '/',
        usable: async (page) => {
          await page.waitForFunction("document.querySelectorAll('path.leaflet-interactive[role=button]').length >= 50", undefined, { polling: 'raf', timeout: 30_000 });
        },
      },
      {
        name: 'Public map as a table',
        path: '/?view=table',
        usable: async (page) => {
          await page.waitForFunction("document.querySelectorAll('tbody tr').length >= 50", undefined, { polling: 'raf', timeout: 30_000 });
        },
      },
      {
        name: 'Project list (first page of 25)',
        path: '/projects',
        usable: async (page) => {
          await page.waitForFunction("document.querySelectorAll('tbody tr').length >= 25", undefined, { polling: 'raf', timeout: 30_000 });
        },
      },
      {
        name: 'Project page (with overlaps and coverage map)',
        path: `/projects/${projectId}`,
        usable: async (page) => {
          await page.waitForFunction("document.querySelector('h1') !== null && document.querySelectorAll('.leaflet-container path').length > 0", undefined, { polling: 'raf', timeout: 30_000 });
        },
      },
    ];

    const rows: string[] = [];
    let mapJs = 0;
    let mapUsableP95 = 0;
    let mapScripts = new Map<string, number>();
    for (const scenario of scenarios) {
      console.log(`${scenario.name}: ${RUNS} cold loads`);
      await loadOnce(browser, server.url, scenario); // warm the server, not the browser
      const loads: Load[] = [];
      for (let run = 0; run < RUNS; run += 1) loads.push(await loadOnce(browser, server.url, scenario));
      const js = Math.max(...loads.map((load) => load.jsKb));
      const requests = Math.max(...loads.map((load) => load.graphqlRequests));
      const usable = loads.map((load) => load.usableMs);
      if (scenario.path === '/') {
        mapJs = js;
        mapUsableP95 = percentile(usable, 95);
        mapScripts = loads[0].scripts;
      }
      rows.push(`| ${scenario.name} | ${js.toFixed(0)} | ${requests} | ${percentile(usable, 50).toFixed(0)} | ${percentile(usable, 95).toFixed(0)} |`);
    }

    const section = [
      '## The web UI (`npm run bench:ui`)',
      '',
      `_Written by bench/ui.ts on ${new Date().toISOString().slice(0, 10)}: N = ${SIZE.toLocaleString('en')} projects, ${RUNS} loads per page with an empty browser cache, Debian chromium headless on this machine (${cpus().length} cores), the server as deployed (NODE_ENV=production) on loopback._`,
      '',
      '| page | JavaScript loaded, KB (gzip, on the wire) | GraphQL requests | usable p50, ms | usable p95, ms |',
      '|---|---:|---:|---:|---:|',
      ...rows,
      '',
      '"Usable" is the time from the start of navigation until the page\'s data is drawn (the map\'s district shapes as keyboard-reachable buttons, the table\'s rows, the project\'s heading and coverage map). GraphQL requests are counted per page load: they do not grow with the rows shown.',
      '',
      '| target (issue 14) | wanted | measured | holds |',
      '|---|---|---:|---|',
      `| JavaScript loaded by the public map page | ≤ ${MAP_JS_BUDGET_KB} KB gzip | ${mapJs.toFixed(0)} KB | ${mapJs <= MAP_JS_BUDGET_KB ? 'yes' : '**no**'} |`,
      `| public map usable after navigation, p95 | ≤ ${MAP_USABLE_BUDGET_MS} ms | ${mapUsableP95.toFixed(0)} ms | ${mapUsableP95 <= MAP_USABLE_BUDGET_MS ? 'yes' : '**no**'} |`,
      `| \`npm run build\` with the UI | ≤ 90 s | ${buildSeconds.toFixed(0)} s | ${buildSeconds <= 90 ? 'yes' : '**no**'} |`,
      '',
      'The scripts the public map page loads, largest first (KB gzip on the wire; a name is the chunk\'s first module, not all it holds):',
      '',
      [...mapScripts].sort((a, b) => b[1] - a[1]).map(([name, kb]) => `${name} ${kb.toFixed(1)}`).join(' · '),
      '',
      // Measured once from a source-mapped build (bytes of each package in the shared chunk, scaled to its gzip size).
      'Why the map page is over 250 KB: the libraries the issue chose take about 240 KB gzip before any page of the hub — react-dom 61, Apollo Client with rxjs and graphql 42, react-router 28, Mantine (core, hooks, floating-ui, in several chunks) about 45, Leaflet 40, i18next 16 (from a source-mapped build, 2026-12-02). The hub\'s own code on the map page is about 30 KB, and the generated GraphQL documents of all pages 14 KB (GraphQL Code Generator\'s client preset writes them into one module). Reaching 250 KB would mean leaving one of the chosen libraries (urql instead of Apollo Client saves about 35 KB; a smaller router about 25 KB); the target should be restated as ≤ 330 KB for this stack, or a library swapped.',
    ].join('\n');
    const file = join(projectRoot, 'BENCHMARKS.md');
    writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', 'ui', section));
    console.log(section);
  } finally {
    await browser.close();
    server?.child.kill('SIGTERM');
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
