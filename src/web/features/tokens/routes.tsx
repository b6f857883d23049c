import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** API tokens: every signed-in user manages their own. */
export const tokensFeature: FeatureRoutes = {
  routes: [{ path: 'app/tokens', ...lazyPage(() => import('./TokensPage')) }],
  nav: [{ to: '/app/tokens', label: 'common:nav.tokens', roles: ['ADMIN', 'SECRETARIAT', 'PARTNER_EDITOR', 'PARTNER_VIEWER'], order: 190 }],
};
