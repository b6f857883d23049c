import { startEarlyQuery } from './app/early-requests';
import { MeDocument } from './gql/graphql';
import { startEarlyMapRequests } from './features/map/early';

// The entry is small and starts what the first page needs before the app's own code has arrived
// (app/early-requests.ts): the public map its data; a signed-in page who is signed in, which it
// waits for before it shows anything. The app follows as a chunk of its own.
if (window.location.pathname === '/') startEarlyMapRequests(new URLSearchParams(window.location.search));
else if (/^\/app(\/|$)/.test(window.location.pathname)) startEarlyQuery(MeDocument, {});
void import('./app/boot');
