import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';
import { PARTNERS, STAFF } from '../../app/session';

export const homeFeature: FeatureRoutes = {
  routes: [{ path: 'app', ...lazyPage(() => import('./HomePage')) }],
  nav: [{ to: '/app', label: 'common:nav.home', roles: [...STAFF, ...PARTNERS], order: 100 }],
};
