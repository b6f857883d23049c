import { startEarlyFetch, startEarlyQuery } from '../../app/early-requests';
import { expectedLanguage } from '../../app/languages';
import { mapQueries, readMapView } from './map-view';
import { SHAPE_URLS } from './shape-urls';

/** The map page's code: the page, the map and (through them) Leaflet. */
export const loadMapCode = () => Promise.all([import('./PublicMapPage'), import('./CoverageMap')]);

/** The catalogues the map page reads (its route loads them: routes.tsx), by language. */
const catalogues = import.meta.glob(['../../../locales/*/common.json', '../../../locales/*/map.json', '../../../locales/*/projects.json', '../../../locales/*/errors.json']);
export const MAP_NAMESPACES = ['map', 'projects', 'errors'];

/**
 * A visit that begins on the public map: its coverage and boundaries requested by the entry
 * module while the app's code downloads, and the page's own code and catalogues fetched
 * alongside the app's rather than after it. The route asks for the same (map-queries.ts,
 * routes.tsx) and finds them under way.
 */
export function startEarlyMapRequests(params: URLSearchParams): void {
  const view = readMapView((key) => params.get(key) ?? '');
  for (const { level, coverage } of mapQueries(view)) {
    startEarlyFetch(SHAPE_URLS[level]!);
    startEarlyQuery(coverage.query, coverage.variables);
  }
  const language = expectedLanguage();
  for (const namespace of ['common', ...MAP_NAMESPACES]) void catalogues[`../../../locales/${language}/${namespace}.json`]?.().catch(() => undefined);
  void loadMapCode().catch(() => undefined);
}
