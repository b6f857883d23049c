import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { currentLanguage } from './i18n';

/** Operations that answer UNAUTHENTICATED as part of their normal work (a wrong password). */
const SIGN_IN_OPERATIONS = new Set(['SignIn', 'SetPassword']);

/**
 * The hub's GraphQL API on the same origin, with the session cookie. Names come in the UI's
 * language (Accept-Language); a lost session on a signed-in page calls `onSessionLost`.
 */
export function createApolloClient(onSessionLost: () => void): ApolloClient {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'accept-language': currentLanguage() } }));
    return forward(operation);
  });
  const sessionWatch = new ErrorLink(({ error, operation }) => {
    if (SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((entry) => entry.extensions?.code === 'UNAUTHENTICATED')) onSessionLost();
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionWatch, language, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        AdminUnit: { keyFields: ['code'] },
        Theme: { keyFields: ['code'] },
        LocalizedText: { keyFields: false, merge: true },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
