import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** Activity reports: a partner's reports and their form, the CSV import, the secretariat's review. */
export const reportsFeature: FeatureRoutes = {
  routes: [
    { path: 'app/reports', ...lazyPage(() => import('./ReportsPage')) },
    { path: 'app/reports/new', ...lazyPage(() => import('./ReportPage')) },
    { path: 'app/reports/import', ...lazyPage(() => import('./ImportPage')) },
    { path: 'app/reports/:id', ...lazyPage(() => import('./ReportPage')) },
    { path: 'app/review', ...lazyPage(() => import('./ReviewQueuePage')) },
    { path: 'app/review/:id', ...lazyPage(() => import('./ReviewPage')) },
  ],
  nav: [
    { to: '/app/reports', label: 'common:nav.reports', roles: ['PARTNER_EDITOR', 'PARTNER_VIEWER', 'ADMIN'], order: 120 },
    { to: '/app/review', label: 'common:nav.review', roles: ['SECRETARIAT', 'ADMIN'], order: 200 },
  ],
};
