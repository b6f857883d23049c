import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { RequestContext } from '../common/context';
import { languageFromHeader } from '../common/localized-text';
import type { AppConfig } from '../config/config';
import { registerIatiRoutes } from '../iati/iati.routes';
import { registerMeetingRoutes } from '../meetings/meeting.routes';
import { registerExportRoutes } from '../exports/export.routes';
import type { Orm } from '../db/orm';
import { sharedProbe } from '../db/availability';
import { type RequestScope, runInScope } from '../common/request-scope';
import { createErrorFormatter } from './format-error';
import { answerHttpErrorsAsGraphQL, graphqlRequestErrorStatus } from './graphql-over-http';
import { refuseNulCharacters } from './nul-characters';
import { registerProtection } from './protection';
import { refuseWhileDraining } from './drain';
import { createMetrics } from './metrics';
import { MAX_QUERY_COST, queryCostLimit } from './query-cost';
import { appSchema } from './schema';
import { asContextError, serviceUnavailableStatus } from './service-unavailable';
import { createRequestContexts, SESSION_COOKIE } from './request-context';
import { registerWebUi } from './web-ui';

interface GraphQLContext extends RequestContext {
  scope: RequestScope;
}

export { SESSION_COOKIE };

export interface App {
  http: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes the HTTP server. */
  close(): Promise<void>;
}

export const SQL_STATEMENTS_HEADER = 'x-sql-statements';
const READINESS_TIMEOUT_MS = 2000;
/** Lexical tokens a GraphQL document may hold; the largest operation of the web UI has about 300. */
const MAX_TOKENS = 1000;

/** Wires the HTTP server: GraphQL at /graphql, health endpoints, one log line per request. */
/** The nearest `count` proxies (hop 0 is the one that connected to us). */
function trustNearestProxies(count: number) {
  return (_address: string, hop: number) => hop < count;
}

export async function createApp(config: AppConfig, orm: Orm, logger: Logger): Promise<App> {
  const http = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's own two lines per request are replaced by the one `onResponse` writes.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    // Behind a reverse proxy every request comes from the proxy's address: only with TRUST_PROXY
    // is the client's own (from X-Forwarded-For) used, e.g. by the sign-in lock per address.
    trustProxy: typeof config.trustProxy === 'number' ? trustNearestProxies(config.trustProxy) : config.trustProxy,
    // Refused while draining by refuseWhileDraining, as a GraphQL error (Fastify's 503 is not one).
    return503OnClosing: false,
    // Room for a CSV import of 10,000+ activity reports in one GraphQL request.
    bodyLimit: 16 * 1024 * 1024,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    blockFieldSuggestion: { enabled: config.env === 'production' },
    // Its token limit runs a parse of its own in a plugin hook, where every refusal (and every
    // syntax error) became a 500: graphql-js's own `maxTokens` below makes them parse errors.
    maxTokens: { enabled: false },
    // Its cost rule sees only a `first` written into the query, not a variable or the default.
    costLimit: { enabled: false },
  }).protect();

  const reportRequestFacts: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          contextValue.scope.operationName = operationName ?? undefined;
        },
        async willSendResponse({ contextValue, response }) {
          response.http.headers.set('cache-control', 'no-store');
          if (config.sqlCountHeader) {
            response.http.headers.set(SQL_STATEMENTS_HEADER, String(contextValue.scope.statements));
          }
        },
      };
    },
  };

  const metrics = createMetrics(config, orm);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await appSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]),
      queryCostLimit(MAX_QUERY_COST),
      refuseNulCharacters(),
      graphqlRequestErrorStatus(),
      serviceUnavailableStatus(),
      fastifyApolloDrainPlugin(http),
      ApolloServerPluginCacheControlDisabled(),
      reportRequestFacts,
      metrics.apolloPlugin,
    ],
  });
  await apollo.start();

  answerHttpErrorsAsGraphQL(http);
  // gzip only: brotli at its default quality costs more CPU than it saves on dynamic answers.
  await http.register(fastifyCompress, { encodings: ['gzip'], threshold: 2048 });
  await http.register(fastifyCookie);
  http.decorateRequest('scope', null as unknown as RequestScope);
  http.addHook('onRequest', (request, _reply, done) => {
    request.scope = { requestId: request.id, statements: 0 };
    runInScope(request.scope, done);
  });
  // Security headers, CORS and rate limits: after the scope (a refused request is logged too).
  await registerProtection(http, config, { orm, sessionCookie: SESSION_COOKIE, maxTokens: MAX_TOKENS });
  const drain = refuseWhileDraining(http);
  http.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
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

  metrics.register(http);
  const metricsUrl = await metrics.listen(config.host);
  if (metricsUrl) logger.info({ metrics: metricsUrl }, `Prometheus metrics at ${metricsUrl}`);

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

  const contexts = createRequestContexts(config, orm);
  registerMeetingRoutes(http, contexts);
  registerExportRoutes(http, contexts);
  registerIatiRoutes(http, contexts, config.iatiPublisher);
  await registerWebUi(http, config.webDir, logger);

  await http.register(fastifyApollo(apollo), {
    context: async (request, reply): Promise<GraphQLContext> => {
      const context = await contexts.withCaller(request, reply, languageFromHeader(request.headers['accept-language'])).catch((error: unknown) => {
        throw asContextError(error);
      });
      return Object.assign(context, { scope: request.scope });
    },
  });

  return {
    http,
    close: async () => {
      drain.start();
      await apollo.stop();
      await metrics.close();
    },
  };
}
