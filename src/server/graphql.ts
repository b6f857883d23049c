import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { RequestContext, RequestContexts } from '../common/context';
import { languageFromHeader } from '../common/localized-text';
import type { RequestScope } from '../common/request-scope';
import type { AppConfig } from '../config/config';
import { compiledExecution } from './compiled-execution';
import { createErrorFormatter } from './format-error';
import { graphqlRequestErrorStatus } from './graphql-over-http';
import type { Metrics } from './metrics';
import { refuseNulCharacters } from './nul-characters';
import { MAX_QUERY_COST, queryCostLimit } from './query-cost';
import { installQueryHash } from './query-hash';
import { installArgumentInstances } from './argument-instances';
import { appSchema } from './schema';
import { asContextError, serviceUnavailableStatus } from './service-unavailable';

/** The request context as GraphQL sees it: with the request's scope, for the plugins. */
interface GraphQLContext extends RequestContext {
  scope: RequestScope;
}

export const SQL_STATEMENTS_HEADER = 'x-sql-statements';
/** Lexical tokens a GraphQL document may hold; the largest operation of the web UI has about 300. */
export const MAX_TOKENS = 1000;

/** Depth, alias and suggestion limits of graphql-armor (its token and cost limits are ours). */
function armorOf(config: AppConfig) {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    blockFieldSuggestion: { enabled: config.env === 'production' },
    // Its token limit runs a parse of its own in a plugin hook, where every refusal (and every
    // syntax error) became a 500: graphql-js's own `maxTokens` below makes them parse errors.
    maxTokens: { enabled: false },
    // Its cost rule sees only a `first` written into the query, not a variable or the default.
    costLimit: { enabled: false },
  }).protect();
}

/** The operation's name for the log line; no caching of answers; the SQL count header when asked for. */
function reportRequestFacts(config: AppConfig): ApolloServerPlugin<GraphQLContext> {
  return {
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
}

/** Apollo Server on the app's schema, with its limits and plugins, started. */
export async function startApollo(config: AppConfig, http: FastifyInstance, logger: Logger, metrics: Metrics): Promise<ApolloServer<GraphQLContext>> {
  const armor = armorOf(config);
  installQueryHash();
  const schema = await appSchema();
  installArgumentInstances();
  const apollo = new ApolloServer<GraphQLContext>({
    // Queries run compiled (graphql-jit); see compiled-execution.ts.
    gateway: compiledExecution(schema, metrics.countExecution),
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
      // Production: our own page at GET /graphql (api-landing-page.ts), not Apollo's CDN-loaded one.
      ...(config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      reportRequestFacts(config),
      metrics.apolloPlugin,
    ],
  });
  await apollo.start();
  return apollo;
}

/** POST and GET /graphql, each request with the context `contexts` builds (with its caller). */
export async function registerGraphQL(http: FastifyInstance, apollo: ApolloServer<GraphQLContext>, contexts: RequestContexts): Promise<void> {
  await http.register(fastifyApollo(apollo), {
    context: async (request, reply): Promise<GraphQLContext> => {
      const context = await contexts.withCaller(request, reply, languageFromHeader(request.headers['accept-language'])).catch((error: unknown) => {
        throw asContextError(error);
      });
      return Object.assign(context, { scope: request.scope });
    },
  });
}
