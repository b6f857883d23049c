import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { from, mergeMap, of } from 'rxjs';
import { takeEarlyAnswer } from './early-requests';
import { currentLanguage } from './i18n';

/** Operations that answer UNAUTHENTICATED as part of their normal work (a wrong password). */
const SIGN_IN_OPERATIONS = new Set(['SignIn', 'SetPassword']);

let sessionLost: () => void = () => undefined;

/** What to do when a signed-in page finds its session gone (set once by the app). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

/**
 * The hub's GraphQL API on the same origin, with the session cookie. Names come in the UI's
 * language (Accept-Language); a lost session calls the `onSessionLost` handler.
 */
function createApolloClient(): ApolloClient {
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'accept-language': currentLanguage() } }));
    return forward(operation);
  });
  // A query the entry module already sent (a first visit to the map) is answered from there.
  const earlyAnswers = new ApolloLink((operation, forward) => {
    const answer = takeEarlyAnswer(operation.operationName, operation.variables, currentLanguage());
    if (!answer) return forward(operation);
    return from(answer).pipe(mergeMap((result) => (result ? of(result as ApolloLink.Result) : forward(operation))));
  });
  const sessionWatch = new ErrorLink(({ error, operation }) => {
    if (SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((entry) => entry.extensions?.code === 'UNAUTHENTICATED')) sessionLost();
  });
  return new ApolloClient({
    link: ApolloLink.from([sessionWatch, earlyAnswers, language, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
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

/** One client for the page's life; routes may warm its cache while their code loads. */
export const apolloClient = createApolloClient();
