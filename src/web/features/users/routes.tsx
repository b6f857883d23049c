import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** User administration (ADMIN) and the page an invitation link opens (public). */
export const usersFeature: FeatureRoutes = {
  routes: [
    { path: 'app/users', ...lazyPage(() => import('./UsersPage'), ['users', 'errors']) },
    { path: 'set-password', ...lazyPage(() => import('./SetPasswordPage'), ['users', 'errors']) },
  ],
  nav: [{ to: '/app/users', label: 'common:nav.users', roles: ['ADMIN'], order: 300 }],
};
