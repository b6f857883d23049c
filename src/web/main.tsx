import { startEarlyQuery } from './app/early-requests';
import { MeDocument } from './gql/graphql';
import { startEarlyMapRequests } from './features/map/early';

// The entry is small and starts what the first page needs before the app's own code has arrived
// (app/early-requests.ts): the public map its data; a project's page its data (from a module of
// its own, keeping the map's entry small); a signed-in page who is signed in, which it waits for
// before it shows anything. The app follows as a chunk of its own.
const { pathname, search } = window.location;
const project = /^\/projects\/([^/]+)$/.exec(pathname);
if (pathname === '/') startEarlyMapRequests(new URLSearchParams(search));
else if (project) void import('./features/projects/early').then((early) => early.startEarlyProjectRequests(decodeURIComponent(project[1]), new URLSearchParams(search)));
else if (/^\/app(\/|$)/.test(pathname)) startEarlyQuery(MeDocument, {});
void import('./app/boot');
