import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/**
 * The IATI import in the browser: a file checked, then imported, through `POST /iati/import`.
 * A partner editor finds it beside its projects and reports, the secretariat beside the reference data.
 */
export const iatiImportFeature: FeatureRoutes = {
  routes: [{ path: 'app/iati-import', ...lazyPage(() => import('./IatiImportPage'), ['iati', 'errors']) }],
  nav: [
    { to: '/app/iati-import', label: 'common:nav.iatiImport', roles: ['PARTNER_EDITOR'], order: 130 },
    { to: '/app/iati-import', label: 'common:nav.iatiImport', roles: ['ADMIN', 'SECRETARIAT'], order: 250 },
  ],
};
