import { lazy, Suspense, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { FeatureRoutes } from '../../app/navigation';
import i18n from '../../app/i18n';
import { PageLoader } from '../../app/ui/PageLoader';
import { FETCHED_KEYS, readMapView } from './map-filters';
import { startMapQueries } from './map-queries';

const loadCode = () => Promise.all([import('./PublicMapPage'), import('./CoverageMap')]);
const PublicMapPage = lazy(async () => {
  const [[page]] = await Promise.all([loadCode(), i18n.loadNamespaces(['map', 'projects', 'errors'])]);
  return page;
});

const fetchedBy = (params: URLSearchParams) => FETCHED_KEYS.map((key) => params.get(key) ?? '').join('\u0000');
const start = (params: URLSearchParams) => startMapQueries(readMapView((key) => params.get(key) ?? ''));

/**
 * A visit that begins on the map asks for its data and code while the app itself starts (as a
 * data router's loader would), not after the app's first render: what MapRoute then finds started.
 */
let startedOnEntry: string | null = null;
if (window.location.pathname === '/') {
  const params = new URLSearchParams(window.location.search);
  startedOnEntry = fetchedBy(params);
  start(params);
  void loadCode();
}

/**
 * The map's route. Like a route loader, it requests the map's data on entering the route (and
 * when the URL changes what is fetched; choosing a unit or the table does not), in parallel
 * with the page's code, Leaflet and the catalogues, instead of after them when the page first
 * renders. The page reads the answers from Apollo's cache.
 */
function MapRoute() {
  const [params] = useSearchParams();
  const fetched = fetchedBy(params);
  const started = useRef(startedOnEntry);
  startedOnEntry = null;
  if (started.current !== fetched) {
    started.current = fetched;
    start(params);
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <PublicMapPage />
    </Suspense>
  );
}

export const mapFeature: FeatureRoutes = {
  routes: [{ index: true, element: <MapRoute /> }],
  nav: [{ to: '/', label: 'common:nav.map', order: 0 }],
};
