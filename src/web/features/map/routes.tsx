import type { FeatureRoutes } from '../../app/navigation';
import i18n from '../../app/i18n';
import { FETCHED_KEYS, readMapView } from './map-filters';
import { startMapQueries } from './map-queries';

export const mapFeature: FeatureRoutes = {
  routes: [
    {
      index: true,
      // The map's data is requested on entering the route, in parallel with the page's code,
      // Leaflet and the catalogues, instead of after them when the page first renders. The
      // loader returns nothing: the page reads the answers from Apollo's cache.
      loader: ({ request }) => {
        const params = new URL(request.url).searchParams;
        startMapQueries(readMapView((key) => params.get(key) ?? ''));
        return null;
      },
      // Choosing a unit or the table changes the URL but not what is fetched.
      shouldRevalidate: ({ currentUrl, nextUrl }) => FETCHED_KEYS.some((key) => currentUrl.searchParams.get(key) !== nextUrl.searchParams.get(key)),
      lazy: async () => {
        const [page] = await Promise.all([import('./PublicMapPage'), import('./CoverageMap'), i18n.loadNamespaces(['map', 'projects', 'errors'])]);
        return { Component: page.default };
      },
    },
  ],
  nav: [{ to: '/', label: 'common:nav.map', order: 0 }],
};
