import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { BREAK, type DocumentNode, Kind, visit } from 'graphql';
import { DomainError, ErrorKind } from '../common/errors';

/*
 * JSON and GraphQL strings may hold U+0000; PostgreSQL text cannot. Sent on, a NUL fails its
 * statement (a protocol violation, or an invalid byte sequence) and the client would read
 * INTERNAL_SERVER_ERROR for its own mistake. It is refused before anything runs instead.
 */

const NUL = '\u0000';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes(NUL) || holdsNul(inner));
  return false;
}

/** By document: Apollo hands the same parsed document to every request with the same text. */
const documentsChecked = new WeakMap<DocumentNode, boolean>();

function documentHoldsNul(document: DocumentNode): boolean {
  let found = documentsChecked.get(document);
  if (found === undefined) {
    found = visitForNul(document);
    documentsChecked.set(document, found);
  }
  return found;
}

function visitForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!node.value.includes(NUL)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

export function refuseNulCharacters(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (!holdsNul(request.variables) && !documentHoldsNul(document)) return;
          throw new DomainError(
            ErrorKind.BAD_USER_INPUT,
            'UNSUPPORTED_CHARACTER',
            'Text in this request holds the NUL character (U+0000), which the hub cannot store. Remove it and send the request again.',
          );
        },
      };
    },
  };
}
