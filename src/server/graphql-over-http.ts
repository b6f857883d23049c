import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FastifyError, FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { INTERNAL_ERROR_MESSAGE } from './format-error';
import { RETRY_AFTER_SECONDS, serviceUnavailableError } from './service-unavailable';

/*
 * The HTTP status of every answer that is not a plain 200, in one place. Apollo Server sets most
 * of them (400 for a request without a query, 405 for a mutation over GET, 406 for an Accept
 * header it cannot serve); this module settles the two it leaves open: GraphQL request errors
 * (the document or the variables are wrong, so nothing ran) and errors Fastify raises before
 * Apollo sees the request (a body that is not JSON, a content type it does not parse).
 */

const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json; charset=utf-8';

/** `extensions.code` of a request that was refused before it ran, through the client's fault. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  // Variables that do not fit their types, and a query above the cost limit.
  'BAD_USER_INPUT',
]);

/**
 * A GraphQL request error answers 400 to clients that accept `application/graphql-response+json`
 * and 200 to those that want `application/json`, as the GraphQL-over-HTTP specification asks:
 * for the older media type a 4xx may come from any proxy on the way, so only a 200 tells the
 * client that the body is the server's GraphQL answer. (Apollo itself answers 400 for both, or
 * 500 when a plugin refuses the operation.)
 */
export function graphqlRequestErrorStatus(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))) return;
          // The same negotiation as Apollo's (no Accept header means application/json); with
          // neither acceptable, Apollo answers 406.
          const accept = request.http?.headers.get('accept');
          const mediaType = new Negotiator({ headers: { accept } }).mediaType([JSON_MEDIA_TYPE, GRAPHQL_RESPONSE_MEDIA_TYPE]);
          if (!mediaType) return;
          response.http.headers.set('content-type', mediaType);
          response.http.status = mediaType === GRAPHQL_RESPONSE_MEDIA_TYPE ? 400 : 200;
        },
      };
    },
  };
}

/**
 * Errors Fastify raises itself (a body that is not valid JSON, an unsupported content type, a
 * body above the size limit) keep their 4xx status and get the shape of a GraphQL error, so a
 * client reads `errors[0].extensions.code` whatever went wrong. A database that does not take
 * the work (e.g. of a briefing page) is 503 SERVICE_UNAVAILABLE. Anything else is a fault of
 * ours: logged, and answered 500 without its message, which may hold SQL or a file path.
 */
export function answerHttpErrorsAsGraphQL(http: FastifyInstance): void {
  http.setErrorHandler<FastifyError>((error, request, reply) => {
    const unavailable = serviceUnavailableError(error);
    if (unavailable) {
      request.log.warn({ reason: unavailable.extensions?.reason, error: error.message }, 'the database did not take the work of a request');
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ errors: [unavailable] });
    }
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const clientError = status < 500;
    if (!clientError) request.log.error({ err: error }, 'unexpected error while handling a request');
    const message = clientError ? error.message : INTERNAL_ERROR_MESSAGE;
    const code = clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
  });
}
