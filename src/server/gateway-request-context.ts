import { dirname, join } from 'node:path';

/**
 * Apollo Server (5.5.1) builds, for every request run by a gateway's executor (ours:
 * compiled-execution.ts), a context whose `response.http` is an object literal with a `status`
 * getter and setter over the request's own context. V8 gives each such literal a hidden class of
 * its own, in the old generation, and through it the new objects of the request (its context,
 * its rows, its answer) survive the next minor garbage collection and are promoted: 6 MB per
 * collection, every request's whole graph, collected only by the next full collection. Measured on
 * question 4 of `npm run bench:peers` (BENCHMARKS.md, peers notes): server CPU per request about
 * a fifth less without it.
 *
 * This replaces Apollo's `makeGatewayGraphQLRequestContext` with the same function whose
 * `response.http` is an instance of a class (one hidden class for all). Same fields, same
 * values, the same `status` that reads and writes the request's status, and Apollo's own headers
 * wrapper. The module is Apollo's internal one (not in its package exports), so it is found next
 * to the package's entry point; `installed` says whether it was, and the server refuses to start
 * if a later Apollo moved it (test/compiled-execution.test.ts checks it too).
 */

interface HeaderMap {
  get(name: string): string | undefined;
}

interface ApolloRequestContext {
  request: { query?: string; operationName?: string; variables?: unknown; extensions?: unknown; http?: { method: string; search: string; headers: HeaderMap } };
  response: { http: { status?: number; headers: HeaderMap } };
  [key: string]: unknown;
}

type MakeContext = (
  requestContext: ApolloRequestContext,
  server: { logger: unknown; cache: unknown },
  internals: { includeStacktraceInErrorResponses?: boolean },
) => Record<string, unknown>;

interface ApolloModule {
  makeGatewayGraphQLRequestContext: MakeContext;
}

function apolloModule(): ApolloModule {
  const entry = require.resolve('@apollo/server');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Apollo's internal module, by path
  return require(join(dirname(entry), 'utils', 'makeGatewayGraphQLRequestContext.js')) as ApolloModule;
}

let installed = false;

/** Installs the replacement once; throws if Apollo's module is not where 5.x keeps it. */
export function installGatewayRequestContext(): void {
  if (installed) return;
  const apollo = apolloModule();
  const original = apollo.makeGatewayGraphQLRequestContext;
  if (typeof original !== 'function') throw new Error("Apollo Server's makeGatewayGraphQLRequestContext was not found; see src/server/gateway-request-context.ts");
  // Apollo's own wrapper of a header map as fetch-style Headers (a class it does not export).
  const probe = original({ request: {}, response: { http: { headers: new Map() } } }, { logger: null, cache: null }, {});
  const HeadersOf = ((probe.response as { http: { headers: object } }).http.headers as { constructor: new (map: HeaderMap) => unknown }).constructor;

  class GatewayResponseHttp {
    readonly headers: unknown;
    constructor(private readonly requestContext: ApolloRequestContext) {
      this.headers = new HeadersOf(requestContext.response.http.headers);
    }
    get status(): number | undefined {
      return this.requestContext.response.http.status;
    }
    set status(status: number | undefined) {
      this.requestContext.response.http.status = status;
    }
  }

  apollo.makeGatewayGraphQLRequestContext = (requestContext, server, internals) => {
    const { request: source } = requestContext;
    const request: Record<string, unknown> = {};
    if ('query' in source) request.query = source.query;
    if ('operationName' in source) request.operationName = source.operationName;
    if ('variables' in source) request.variables = source.variables;
    if ('extensions' in source) request.extensions = source.extensions;
    if (source.http) {
      const needQuestion = source.http.search !== '' && !source.http.search.startsWith('?');
      request.http = {
        method: source.http.method,
        url: `https://unknown-url.invalid/${needQuestion ? '?' : ''}${source.http.search}`,
        headers: new HeadersOf(source.http.headers),
      };
    }
    return {
      request,
      response: { http: new GatewayResponseHttp(requestContext) },
      logger: server.logger,
      schema: requestContext.schema,
      schemaHash: 'schemaHash no longer exists since Apollo Server 4',
      context: requestContext.contextValue,
      cache: server.cache,
      queryHash: requestContext.queryHash,
      document: requestContext.document,
      source: requestContext.source,
      operationName: requestContext.operationName,
      operation: requestContext.operation,
      errors: requestContext.errors,
      metrics: requestContext.metrics,
      debug: internals.includeStacktraceInErrorResponses,
      overallCachePolicy: requestContext.overallCachePolicy,
      requestIsBatched: requestContext.requestIsBatched,
    };
  };
  installed = true;
}

/** Apollo's current `makeGatewayGraphQLRequestContext`, for the test that checks it is ours. */
export function gatewayRequestContextMaker(): MakeContext {
  return apolloModule().makeGatewayGraphQLRequestContext;
}
