import { startEarlyFetch, startEarlyQuery } from '../../app/early-requests';
import { expectedLanguage } from '../../app/languages';
import { mapQueries, readMapView } from './map-view';
import { SHAPE_URLS } from './shape-urls';

type MapCode = typeof import('./CoverageMap');
type TableCode = typeof import('./CoverageTable');
let mapCode: MapCode | undefined;
let tableCode: TableCode | undefined;

/** The map's drawing code and Leaflet (the page itself is part of the app's chunk: routes.tsx). */
export const loadMapCode = (): Promise<MapCode> => import('./CoverageMap').then((code) => (mapCode = code));
/** The table's code. */
export const loadTableCode = (): Promise<TableCode> => import('./CoverageTable').then((code) => (tableCode = code));
/** The code the page's view draws with: the map (Leaflet) or the table, not both. */
export const loadViewCode = (view: 'map' | 'table'): Promise<unknown> => (view === 'table' ? loadTableCode() : loadMapCode());

/** The map's or the table's code if it has loaded: a page drawn after it need not suspend for it. */
export const loadedMapCode = (): MapCode | undefined => mapCode;
export const loadedTableCode = (): TableCode | undefined => tableCode;

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
  void loadViewCode(view.view).catch(() => undefined);
}
