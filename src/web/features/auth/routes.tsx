import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

export const authFeature: FeatureRoutes = {
  routes: [{ path: 'sign-in', ...lazyPage(() => import('./SignInPage'), ['auth', 'errors']) }],
  nav: [],
};
