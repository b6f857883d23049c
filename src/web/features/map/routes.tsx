import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

export const mapFeature: FeatureRoutes = {
  routes: [{ index: true, ...lazyPage(() => import('./PublicMapPage')) }],
  nav: [{ to: '/', label: 'common:nav.map', order: 0 }],
};
