import { apolloClient } from '../../app/apollo';
import type { FeatureRoutes } from '../../app/navigation';
import i18n from '../../app/i18n';
import { UnitShapesDocument } from '../../gql/graphql';

export const mapFeature: FeatureRoutes = {
  routes: [
    {
      index: true,
      // Everything the map needs starts at once: the page, Leaflet, the catalogues and the
      // boundaries (the largest answer), instead of one after the other as the page renders.
      lazy: async () => {
        const level = new URLSearchParams(window.location.search).get('level') === 'REGION' ? 'REGION' : 'DISTRICT';
        // Not awaited: the page shows its filters while the shapes arrive (the query is shared).
        void apolloClient.query({ query: UnitShapesDocument, variables: { level } }).catch(() => undefined);
        const [page] = await Promise.all([import('./PublicMapPage'), import('./CoverageMap'), i18n.loadNamespaces(['map', 'projects', 'errors'])]);
        return { Component: page.default };
      },
    },
  ],
  nav: [{ to: '/', label: 'common:nav.map', order: 0 }],
};
