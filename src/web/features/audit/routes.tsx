import type { FeatureRoutes } from '../../app/navigation';

/** Pages of this feature: none yet. */
export const auditFeature: FeatureRoutes = {
  routes: [],
  nav: [],
};
