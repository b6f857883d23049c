import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { type RequestScope, runInScope } from '../common/request-scope';
import type { AppConfig } from '../config/config';
import { TokenCallers } from '../auth/token-callers';
import { sharedProbe } from '../db/availability';
import type { Orm } from '../db/orm';
import { registerExportRoutes } from '../exports/export.routes';
import { registerIatiImportRoute } from '../iati/iati-import.routes';
import { registerIatiRoutes } from '../iati/iati.routes';
import { registerMeetingRoutes } from '../meetings/meeting.routes';
import { refuseWhileDraining } from './drain';
import { MAX_TOKENS, registerGraphQL, SQL_STATEMENTS_HEADER, startApollo } from './graphql';
import { registerApiLandingPage } from './api-landing-page';
import { answerHttpErrorsAsGraphQL } from './graphql-over-http';
import { createMetrics, type Metrics } from './metrics';
import { registerProtection } from './protection';
import { createRequestContexts, SESSION_COOKIE } from './request-context';
import { registerWebUi } from './web-ui';

export { SESSION_COOKIE, SQL_STATEMENTS_HEADER };

export interface App {
  http: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes the HTTP server. */
  close(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2000;

/** The nearest `count` proxies (hop 0 is the one that connected to us). */
function trustNearestProxies(count: number) {
  return (_address: string, hop: number) => hop < count;
}

function createHttpServer(config: AppConfig, logger: Logger): FastifyInstance {
  return Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's own two lines per request are replaced by the one `registerRequestLog` writes.
    logController: new LogController({ disableRequestLogging: true }),
    // request.log is the process's logger, not a child of it per request: its lines get the
    // request's id from the scope (common/logger.ts), and a child cost about 10 µs of every
    // request (pino redacts a child's bindings). A route with its own log level still gets one.
    childLoggerFactory: (parent, bindings, options) => (options.level ? parent.child(bindings, options) : parent),
    requestIdHeader: 'x-request-id',
    // Behind a reverse proxy every request comes from the proxy's address: only with TRUST_PROXY
    // is the client's own (from X-Forwarded-For) used, e.g. by the sign-in lock per address.
    trustProxy: typeof config.trustProxy === 'number' ? trustNearestProxies(config.trustProxy) : config.trustProxy,
    // Refused while draining by refuseWhileDraining, as a GraphQL error (Fastify's 503 is not one).
    return503OnClosing: false,
    // Room for a CSV import of 10,000+ activity reports in one GraphQL request.
    bodyLimit: 16 * 1024 * 1024,
  });
}

/** Each request's scope (SQL count, operation, context), seen by everything the request starts. */
function registerRequestScope(http: FastifyInstance): void {
  http.decorateRequest('scope', null as unknown as RequestScope);
  http.addHook('onRequest', (request, _reply, done) => {
    // Every field from the start: one shape for every request's scope.
    request.scope = { requestId: request.id, statements: 0, operationName: undefined, context: undefined, metricsOperation: undefined, errorsCounted: false };
    runInScope(request.scope, done);
  });
}

/** One log line per request. */
function registerRequestLog(http: FastifyInstance): void {
  http.addHook('onResponse', async (request, reply) => {
    // Its fields are gathered only when the line is written (LOG_LEVEL info or finer).
    if (!(request.log as Logger).isLevelEnabled('info')) return;
    request.log.info(
      {
        // Named here as well as by the scope: this hook runs from the response's "finish" event.
        reqId: request.id,
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        sqlStatements: request.scope.statements,
        operation: request.scope.operationName,
        user: request.scope.context?.caller?.userId,
      },
      'request',
    );
  });
}

async function registerMetrics(http: FastifyInstance, metrics: Metrics, config: AppConfig, logger: Logger): Promise<void> {
  metrics.register(http);
  const metricsUrl = await metrics.listen(config.host);
  if (metricsUrl) logger.info({ metrics: metricsUrl }, `Prometheus metrics at ${metricsUrl}`);
}

/** /healthz (the process answers) and /readyz (the database takes new work). */
function registerHealthChecks(http: FastifyInstance, orm: Orm): void {
  http.get('/healthz', async () => ({ status: 'ok' }));
  // A fresh connection and `select 1` each time: 503 as soon as PostgreSQL stops taking new work
  // (down, hung, out of connections), and no pooled connection stuck behind a hung server.
  const databaseUrl = orm.config.get('clientUrl')!;
  http.get('/readyz', async (_request, reply) => {
    const probe = await sharedProbe(databaseUrl, READINESS_TIMEOUT_MS);
    if (probe.answers) return { status: 'ready' };
    reply.code(503);
    return { status: 'unavailable', reason: `database: ${probe.reason}` };
  });
}

/** Wires the HTTP server: GraphQL at /graphql, the REST routes, health endpoints, one log line per request. */
export async function createApp(config: AppConfig, orm: Orm, logger: Logger): Promise<App> {
  const http = createHttpServer(config, logger);
  const metrics = createMetrics(config, orm);
  const apollo = await startApollo(config, http, logger, metrics);

  answerHttpErrorsAsGraphQL(http);
  // gzip only: brotli at its default quality costs more CPU than it saves on dynamic answers.
  await http.register(fastifyCompress, { encodings: ['gzip'], threshold: 2048 });
  await http.register(fastifyCookie);
  registerRequestScope(http);
  const tokenCallers = new TokenCallers();
  // Security headers, CORS and rate limits: after the scope (a refused request is logged too).
  await registerProtection(http, config, { orm, sessionCookie: SESSION_COOKIE, maxTokens: MAX_TOKENS, tokenCallers });
  const drain = refuseWhileDraining(http);
  registerRequestLog(http);
  await registerMetrics(http, metrics, config, logger);
  registerHealthChecks(http, orm);

  const contexts = createRequestContexts(config, orm, tokenCallers);
  registerMeetingRoutes(http, contexts);
  registerExportRoutes(http, contexts);
  registerIatiRoutes(http, contexts, config.iatiPublisher);
  await registerIatiImportRoute(http, contexts);
  if (config.env === 'production') registerApiLandingPage(http);
  await registerWebUi(http, config.webDir, logger);
  await registerGraphQL(http, apollo, contexts);

  return {
    http,
    close: async () => {
      drain.start();
      await apollo.stop();
      await metrics.close();
    },
  };
}
