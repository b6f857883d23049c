import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';
import { STAFF } from '../../app/session';

/** The coordination bodies: open to everyone at /council; the secretariat's roster at /app/council. */
export const councilFeature: FeatureRoutes = {
  routes: [
    { path: 'council', ...lazyPage(() => import('./CouncilPage')) },
    { path: 'app/council', ...lazyPage(() => import('./RosterPage')) },
  ],
  nav: [
    { to: '/council', label: 'common:nav.council', order: 30 },
    { to: '/app/council', label: 'common:nav.councilMembers', roles: STAFF, order: 220 },
  ],
};
