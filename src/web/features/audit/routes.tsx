import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** The audit trail (ADMIN, SECRETARIAT). */
export const auditFeature: FeatureRoutes = {
  routes: [{ path: 'app/audit', ...lazyPage(() => import('./AuditPage'), ['audit', 'errors']) }],
  nav: [{ to: '/app/audit', label: 'common:nav.audit', roles: ['ADMIN', 'SECRETARIAT'], order: 310 }],
};
