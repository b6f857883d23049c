import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';
import { PARTNERS, STAFF } from '../../app/session';

/** Council meetings: the secretariat prepares them; members' users read those of their bodies. */
export const meetingsFeature: FeatureRoutes = {
  routes: [
    { path: 'app/meetings', ...lazyPage(() => import('./MeetingsPage')) },
    { path: 'app/meetings/:id', ...lazyPage(() => import('./MeetingPage')) },
  ],
  nav: [{ to: '/app/meetings', label: 'common:nav.meetings', roles: [...STAFF, ...PARTNERS], order: 210 }],
};
