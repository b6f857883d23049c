import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { createLoaders, type RequestContext } from '../common/context';
import { languageFromHeader } from '../common/localized-text';
import type { AppConfig } from '../config/config';
import type { Orm } from '../db/orm';
import { countSqlStatements, type SqlStatementTally } from '../db/sql-statement-counter';
import { createErrorFormatter } from './format-error';
import { appSchema } from './schema';

/** Per-request facts gathered for the request's single log line. */
interface RequestFacts extends SqlStatementTally {
  operationName?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    facts: RequestFacts;
  }
}

interface GraphQLContext extends RequestContext {
  facts: RequestFacts;
}

export interface App {
  http: FastifyInstance;
  /** Stops taking requests, lets those in flight finish, then closes the HTTP server. */
  close(): Promise<void>;
}

export const SQL_STATEMENTS_HEADER = 'x-sql-statements';
const READINESS_TIMEOUT_MS = 2000;

/** Wires the HTTP server: GraphQL at /graphql, health endpoints, one log line per request. */
export async function createApp(config: AppConfig, orm: Orm, logger: Logger): Promise<App> {
  const http = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's own two lines per request are replaced by the one `onResponse` writes.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20000 },
    maxAliases: { n: 30 },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();

  const reportRequestFacts: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          contextValue.facts.operationName = operationName ?? undefined;
        },
        async willSendResponse({ contextValue, response }) {
          if (config.sqlCountHeader) {
            response.http.headers.set(SQL_STATEMENTS_HEADER, String(contextValue.facts.statements));
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await appSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]), fastifyApolloDrainPlugin(http), reportRequestFacts],
  });
  await apollo.start();

  http.decorateRequest('facts', null as unknown as RequestFacts);
  http.addHook('onRequest', (request, _reply, done) => {
    request.facts = { statements: 0 };
    countSqlStatements(request.facts, done);
  });
  http.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        sqlStatements: request.facts.statements,
        operation: request.facts.operationName,
      },
      'request',
    );
  });

  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    try {
      await Promise.race([
        orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), READINESS_TIMEOUT_MS).unref()),
      ]);
      return { status: 'ready' };
    } catch (error) {
      reply.code(503);
      return { status: 'unavailable', reason: `database: ${(error as Error).message}` };
    }
  });

  await http.register(fastifyApollo(apollo), {
    context: async (request): Promise<GraphQLContext> => {
      const em = orm.em.fork();
      return {
        em,
        loaders: createLoaders(em),
        language: languageFromHeader(request.headers['accept-language']),
        log: logger.child({ reqId: request.id }),
        facts: request.facts,
      };
    },
  });

  return { http, close: () => apollo.stop() };
}
