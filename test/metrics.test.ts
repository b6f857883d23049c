/**
 * Prometheus metrics: counted per operation and error code, served only behind a token or on a
 * port of their own; and every log line of a request names the request.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config/config';
import { initOrm, type Orm } from '../src/db/orm';
import { type App, createApp } from '../src/server/app';
import { createLogger } from '../src/common/logger';
import { freePort } from './support/ports';
import { createTestDatabase, startTestServer } from './support/test-server';

const TOKEN = 'metrics-token-for-the-test-0123456789';

interface Running {
  url: string;
  metricsPort: number;
  lines: Record<string, unknown>[];
  raw: string[];
  close(): Promise<void>;
}

/** A hub with metrics on, logging at debug level (every SQL statement) into `lines`. */
async function startWithMetrics(): Promise<Running> {
  const databaseUrl = await createTestDatabase();
  const metricsPort = await freePort();
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, METRICS_TOKEN: TOKEN, METRICS_PORT: String(metricsPort) });
  const orm: Orm = await initOrm({ url: databaseUrl, logger });
  const app: App = await createApp(config, orm, logger);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    metricsPort,
    lines,
    raw,
    close: async () => {
      await app.close();
      await orm.close(true);
    },
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** The value of one sample line of the exposition text, e.g. `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  let hub: Running;

  beforeAll(async () => {
    hub = await startWithMetrics();
  });

  afterAll(async () => {
    await hub.close();
  });

  it('counts requests by operation name and errors by code, with SQL statements per request', async () => {
    for (let index = 0; index < 3; index += 1) {
      const answer = await post(hub.url, JSON.stringify({ query: 'query MetricsProjects { projects(first: 2) { totalCount } }' }));
      expect(answer.status).toBe(200);
    }
    await post(hub.url, JSON.stringify({ query: '{ themes { code } }' }));
    const unknownPlace = await post(hub.url, JSON.stringify({ query: 'query MetricsUnknownPlace { projects(filter: { unitCode: "KG99" }) { totalCount } }' }));
    expect(((await unknownPlace.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await post(hub.url, JSON.stringify({ query: '{ nonsense }' }));
    const notJson = await post(hub.url, '{"query": ');
    expect(notJson.status).toBe(400);

    const scrape = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await scrape.text();
    expect(sample(text, 'yntymak_graphql_request_duration_seconds_count{operation="MetricsProjects"}')).toBe(3);
    expect(sample(text, 'yntymak_graphql_request_duration_seconds_count{operation="anonymous"}')).toBe(1);
    expect(sample(text, 'yntymak_graphql_request_duration_seconds_count{operation="unresolved"}')).toBe(2);
    expect(sample(text, 'yntymak_graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'yntymak_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'yntymak_graphql_errors_total{code="BAD_REQUEST"}')).toBe(1);
    // The projects page costs at least one statement each time.
    expect(sample(text, 'yntymak_graphql_sql_statements_count{operation="MetricsProjects"}')).toBe(3);
    expect(sample(text, 'yntymak_graphql_sql_statements_sum{operation="MetricsProjects"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'yntymak_graphql_sql_statements_bucket{le="0",operation="MetricsProjects"}')).toBe(0);
    expect(sample(text, 'yntymak_db_pool_connections{state="used"}')).toBe(0);
    expect(sample(text, 'yntymak_db_pool_waiting_requests')).toBe(0);
    expect(sample(text, 'yntymak_http_responses_total{method="POST",route="/graphql",status="400"}')).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('gives the same metrics on METRICS_PORT, and nothing else there', async () => {
    const scrape = await fetch(`http://127.0.0.1:${hub.metricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    expect(sample(await scrape.text(), 'yntymak_graphql_request_duration_seconds_count{operation="MetricsProjects"}')).toBe(3);
    const elsewhere = await fetch(`http://127.0.0.1:${hub.metricsPort}/graphql`);
    await elsewhere.arrayBuffer();
    expect(elsewhere.status).toBe(404);
  });

  it('refuses /metrics without the token or with a wrong one', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }];
    for (const headers of variants) {
      const refused = await fetch(`${hub.url}/metrics`, { headers });
      expect(refused.status).toBe(401);
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('names the request in every log line written while it ran, SQL statements included', async () => {
    hub.lines.length = 0;
    hub.raw.length = 0;
    await post(hub.url, JSON.stringify({ query: 'query MetricsLogged { projects(first: 1) { nodes { title } } }' }), { 'x-request-id': 'metrics-log-1' });
    const sql = hub.lines.filter((line) => 'sql' in line);
    expect(sql.length).toBeGreaterThan(0);
    expect(hub.lines.every((line) => line.reqId === 'metrics-log-1')).toBe(true);
    const request = hub.lines.find((line) => line.msg === 'request');
    expect(request).toMatchObject({ reqId: 'metrics-log-1', operation: 'MetricsLogged' });
    // One reqId per line, not one from Fastify and one from the scope.
    expect(hub.raw.every((line) => line.split('"reqId"').length === 2)).toBe(true);
  });
});

describe('metrics off (the default)', () => {
  it('are served nowhere', async () => {
    const server = await startTestServer();
    try {
      const answer = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(await answer.text()).not.toContain('yntymak_graphql');
    } finally {
      await server.close();
    }
  });
});
