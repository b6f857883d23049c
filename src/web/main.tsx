import { startEarlyMapRequests } from './features/map/early';

// The entry is small and starts what a first visit to the public map needs before the app's own
// code has arrived (app/early-requests.ts); the app follows as a separate chunk.
if (window.location.pathname === '/') startEarlyMapRequests(new URLSearchParams(window.location.search));
void import('./app/boot');
