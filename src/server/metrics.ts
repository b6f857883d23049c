/**
 * Prometheus metrics (prom-client): GraphQL requests by operation, their errors by
 * `extensions.code`, SQL statements per request, HTTP answers by route and status, the database
 * pool, and Node's own process metrics. Served on a port of their own (METRICS_PORT) or at
 * `/metrics` behind a bearer token (METRICS_TOKEN); neither is on by default.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppConfig } from '../config/config';
import type { RequestScope } from '../common/request-scope';
import type { Orm } from '../db/orm';

/** Distinct operation names given their own label; later ones count as `other`. */
export const MAX_OPERATION_LABELS = 200;
/** Distinct error codes given their own label (the hub has about fifteen). */
const MAX_CODE_LABELS = 50;
const GRAPHQL_URL = '/graphql';

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export type ExecutionEngine = 'compiled' | 'graphql-js';

export interface Metrics {
  registry: Registry;
  /** Records the operation and the errors of each GraphQL request. */
  apolloPlugin: ApolloServerPlugin<{ scope: RequestScope }>;
  /** Counts an operation run compiled or by graphql-js (compiled-execution.ts). */
  countExecution(engine: ExecutionEngine): void;
  /** Adds the hooks that time requests, and `/metrics` when METRICS_TOKEN is set. */
  register(http: FastifyInstance): void;
  /** Starts the metrics port when METRICS_PORT is set; returns its URL. */
  listen(host: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Keeps a label's values bounded: the first `limit` distinct values, then `overflow`. */
function boundedLabel(limit: number, overflow: string) {
  const seen = new Set<string>();
  return (value: string) => {
    if (seen.has(value)) return value;
    if (seen.size >= limit) return overflow;
    seen.add(value);
    return value;
  };
}

export function createMetrics(config: Pick<AppConfig, 'metricsPort' | 'metricsToken'>, orm: Orm): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operationLabel = boundedLabel(MAX_OPERATION_LABELS, 'other');
  const codeLabel = boundedLabel(MAX_CODE_LABELS, 'OTHER');
  const duration = new Histogram({
    name: 'yntymak_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL request over HTTP, by operation name (anonymous: no name; unresolved: refused before it ran; other: past the first 200 names).',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'yntymak_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'yntymak_graphql_sql_statements',
    help: 'SQL statements one GraphQL request sent to PostgreSQL, by operation name.',
    labelNames: ['operation'],
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
    registers: [registry],
  });
  const responses = new Counter({
    name: 'yntymak_http_responses_total',
    help: 'HTTP answers by method, route (as registered, e.g. /meetings/:id/briefing) and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const executions = new Counter({
    name: 'yntymak_graphql_executions_total',
    help: 'GraphQL operations run, by engine: compiled (graphql-jit, a query from its second run on) or graphql-js (mutations, queries with input-object variables, first runs).',
    labelNames: ['engine'],
    registers: [registry],
  });
  const pool = (): TarnPool | undefined => (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
  new Gauge({
    name: 'yntymak_db_pool_connections',
    help: 'Database connections of this process: in use by a request, idle, or being opened.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = pool();
      this.set({ state: 'used' }, current?.numUsed() ?? 0);
      this.set({ state: 'free' }, current?.numFree() ?? 0);
      this.set({ state: 'opening' }, current?.numPendingCreates() ?? 0);
    },
  });
  new Gauge({
    name: 'yntymak_db_pool_waiting_requests',
    help: 'Requests waiting for a database connection (all are in use).',
    registers: [registry],
    collect() {
      this.set(pool()?.numPendingAcquires() ?? 0);
    },
  });

  const countErrors = (list: readonly { extensions?: { code?: unknown } }[] | undefined) => {
    for (const error of list ?? []) errors.inc({ code: codeLabel(typeof error.extensions?.code === 'string' ? error.extensions.code : 'NONE') });
  };

  const apolloPlugin: ApolloServerPlugin<{ scope: RequestScope }> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          contextValue.scope.metricsOperation = operationName ? operationLabel(operationName) : 'anonymous';
        },
        async willSendResponse({ contextValue, response }) {
          // The context may be missing when Apollo refused the request before building one.
          if (!contextValue?.scope) return;
          // The others' error bodies come from Fastify, and are counted when sent.
          contextValue.scope.errorsCounted = true;
          if (response.body.kind === 'single') countErrors(response.body.singleResult.errors);
        },
      };
    },
  };

  const authorised = (header: string | undefined) => {
    if (!config.metricsToken || !header?.startsWith('Bearer ')) return false;
    const given = Buffer.from(header.slice('Bearer '.length));
    const expected = Buffer.from(config.metricsToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  let server: Server | undefined;

  return {
    registry,
    apolloPlugin,
    countExecution: (engine) => executions.inc({ engine }),
    register(http) {
      http.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        // Errors answered before Apollo ran (a body that is not JSON, a server shutting down).
        if (request.routeOptions.url === GRAPHQL_URL && reply.statusCode >= 400 && !request.scope?.errorsCounted && typeof payload === 'string') {
          try {
            countErrors((JSON.parse(payload) as { errors?: { extensions?: { code?: unknown } }[] }).errors);
          } catch {
            errors.inc({ code: 'NONE' });
          }
        }
        return payload;
      });
      http.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        responses.inc({ method: request.method, route, status: String(reply.statusCode) });
        if (route !== GRAPHQL_URL || !request.scope) return;
        // Requests Apollo never resolved (refused before it ran) are `unresolved`.
        const operation = request.scope.metricsOperation ?? 'unresolved';
        duration.observe({ operation }, reply.elapsedTime / 1000);
        statements.observe({ operation }, request.scope.statements);
      });
      if (config.metricsToken) {
        http.get('/metrics', async (request, reply) => {
          if (!authorised(request.headers.authorization)) {
            return reply
              .code(401)
              .header('www-authenticate', 'Bearer')
              .send({ errors: [{ message: 'Metrics need `Authorization: Bearer <METRICS_TOKEN>`.', extensions: { code: 'UNAUTHENTICATED' } }] });
          }
          return reply
            .header('content-type', registry.contentType)
            .header('cache-control', 'no-store')
            .send(await registry.metrics());
        });
      }
    },
    async listen(host) {
      if (config.metricsPort === undefined) return undefined;
      server = createServer((request, response) => {
        if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics here.\n');
          return;
        }
        registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
          () => response.writeHead(500).end(),
        );
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.metricsPort, host, () => resolve());
      });
      return `http://${host.includes(':') ? `[${host}]` : host}:${config.metricsPort}/metrics`;
    },
    async close() {
      const running = server;
      server = undefined;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
  };
}
