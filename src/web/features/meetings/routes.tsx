import type { FeatureRoutes } from '../../app/navigation';

/** Pages of this feature: none yet. */
export const meetingsFeature: FeatureRoutes = {
  routes: [],
  nav: [],
};
