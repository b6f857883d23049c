import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorKind } from '../common/errors';
import { DatabaseUnavailableReason, databaseUnavailableReason } from '../db/availability';

/*
 * What a client gets while PostgreSQL is down, hung or overloaded: SERVICE_UNAVAILABLE with a
 * message a person understands, and, when nothing of the request could be answered, HTTP 503
 * with Retry-After. The same request may well succeed a few seconds later, which is what tells
 * it apart from INTERNAL_SERVER_ERROR ("please report it").
 */

export const RETRY_AFTER_SECONDS = 5;

const MESSAGES: Record<DatabaseUnavailableReason, string> = {
  [DatabaseUnavailableReason.DATABASE_UNREACHABLE]: 'The hub cannot reach its database right now, so this request could not be answered. Please try again in a few seconds.',
  [DatabaseUnavailableReason.DATABASE_TIMEOUT]:
    'The database took too long to answer, so the hub stopped this request. Please try again in a few seconds; if it keeps happening, report it to the hub team.',
};

/** The error a client sees when `error` says that the database did not take the work; else null. */
export function serviceUnavailableError(error: unknown): GraphQLFormattedError | null {
  const reason = databaseUnavailableReason(error);
  if (!reason) return null;
  return { message: MESSAGES[reason], extensions: { code: ErrorKind.SERVICE_UNAVAILABLE, reason } };
}

function retryAfterHeaders(): HeaderMap {
  return new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]);
}

/**
 * For errors thrown while the request's context is built (looking up the caller's token needs
 * the database): Apollo answers those 500 unless the error names another status.
 */
export function asContextError(error: unknown): unknown {
  if (!databaseUnavailableReason(error)) return error;
  return new GraphQLError((error as Error).message, {
    originalError: error as Error,
    extensions: { http: { status: 503, headers: retryAfterHeaders() } },
  });
}

/** 503 with Retry-After when the database failed the request and no field got an answer. */
export function serviceUnavailableStatus(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === ErrorKind.SERVICE_UNAVAILABLE)) return;
          if (data && Object.values(data).some((value) => value !== null)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
