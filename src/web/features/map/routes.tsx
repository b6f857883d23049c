import { Suspense, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { FeatureRoutes } from '../../app/navigation';
import { holdFirstRender } from '../../app/first-render';
import { type LazyPageHandle, lazyPage } from '../../app/lazy-page';
import { PageLoader } from '../../app/ui/PageLoader';
import { FETCHED_KEYS, readMapView } from './map-view';
import { startMapQueries } from './map-queries';
import { loadViewCode, MAP_NAMESPACES } from './early';
import PublicMapPage from './PublicMapPage';

/**
 * The page is part of the app's chunk (most visits begin here, and its parts are the ones other
 * pages share); it waits for its catalogues, and once they are in is drawn without a loader.
 */
const mapPage = lazyPage(async () => ({ default: PublicMapPage }), MAP_NAMESPACES);
const { preload: loadPage } = mapPage.handle as LazyPageHandle;

const fetchedBy = (params: URLSearchParams) => FETCHED_KEYS.map((key) => params.get(key) ?? '').join('\u0000');
const start = (params: URLSearchParams) => startMapQueries(readMapView((key) => params.get(key) ?? ''));

/**
 * What the map's requests were last started for, while the route is shown (null once it is
 * left). Kept here, not in the component: a first render that suspends is thrown away with its
 * state, and starting again from it would ask for everything twice.
 */
let startedFor: string | null = null;

/**
 * A visit that begins on the map: the entry has sent its requests (early.ts); asking for them
 * again as the app starts (not at its first render) hands their answers to Apollo's cache. The
 * first render waits for them, the view's code (the map's or the table's) and the catalogues
 * (app/first-render.ts), so the page is drawn once, whole.
 */
if (window.location.pathname === '/') {
  const params = new URLSearchParams(window.location.search);
  startedFor = fetchedBy(params);
  holdFirstRender(Promise.all([start(params), loadPage(), loadViewCode(readMapView((key) => params.get(key) ?? '').view)]));
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
  if (startedFor !== fetched) {
    startedFor = fetched;
    void start(params);
  }
  // Entering the route again starts fresh requests.
  useEffect(
    () => () => {
      startedFor = null;
    },
    [],
  );
  return <Suspense fallback={<PageLoader />}>{mapPage.element}</Suspense>;
}

export const mapFeature: FeatureRoutes = {
  routes: [{ index: true, element: <MapRoute /> }],
  nav: [{ to: '/', label: 'common:nav.map', order: 0 }],
};
