import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** Reference data (SECRETARIAT, ADMIN): themes, exchange rates, unit flags. */
export const referenceFeature: FeatureRoutes = {
  routes: [{ path: 'app/reference', ...lazyPage(() => import('./ReferencePage'), ['reference', 'geography', 'errors']) }],
  nav: [{ to: '/app/reference', label: 'common:nav.reference', roles: ['ADMIN', 'SECRETARIAT'], order: 240 }],
};
