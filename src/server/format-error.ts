import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { DomainError, ErrorKind } from '../common/errors';
import { InputError } from '../common/input-validation';
import { serviceUnavailableError } from './service-unavailable';

/** Codes Apollo and graphql-js set themselves for bad requests; they pass through unchanged. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error. It has been logged; please try again or report it to the hub team.';

/**
 * The one place where errors become what clients see: domain errors keep their message and
 * get `extensions.code` (+ `reason`, `field`); anything unexpected is logged and replaced by
 * a generic message, so no stack trace or SQL leaves the server.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapError(error);
    const { message, locations, path } = formatted;

    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations,
        path,
        extensions: {
          code: original.kind,
          reason: original.reason,
          ...(original.field ? { field: original.field } : {}),
          // Every failed field of an input, each with its own reason (the first is `field` and `reason`).
          ...(original instanceof InputError ? { fields: original.problems } : {}),
        },
      };
    }
    const unavailable = serviceUnavailableError(original);
    if (unavailable) {
      logger.warn({ reason: unavailable.extensions?.reason, error: (original as Error).message, path }, 'the database did not take the work of a request');
      return { ...unavailable, locations, path };
    }
    if (original instanceof OptimisticLockError || original instanceof UniqueConstraintViolationException) {
      // Two requests changed the same record at once; the later one lost and wrote nothing.
      return {
        message: 'Someone changed this record at the same time. Read it again and redo your change.',
        locations,
        path,
        extensions: { code: ErrorKind.CONFLICT, reason: 'CONCURRENT_CHANGE' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      // graphql-armor's depth, alias and directive limits call their refusals syntax errors.
      const said = code === 'GRAPHQL_VALIDATION_FAILED' ? message.replace(/^Syntax Error: /, '') : message;
      return { message: said, locations, path, extensions: { code } };
    }
    logger.error({ err: original, path }, 'unexpected error while resolving a request');
    return {
      message: INTERNAL_ERROR_MESSAGE,
      locations,
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * The error as thrown: inside a resolver's error (with a path), or inside the error Apollo makes
 * of one thrown by a plugin hook such as the query cost limit (without one).
 */
function unwrapError(error: unknown): unknown {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && original.originalError ? original.originalError : original;
}
