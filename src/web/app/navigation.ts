import type { RouteObject } from 'react-router';
import type { Role } from '../gql/graphql';

/** One link of the main navigation; `roles` limits it to signed-in users with those roles. */
export interface NavItem {
  to: string;
  /** A key of the common catalogue, e.g. `common:nav.reports` (the frame loads no feature's catalogue). */
  label: string;
  roles?: Role[];
  /** Lower comes first; public pages 0–99, a partner's work 100–199, the secretariat's 200–299, administration 300+. */
  order: number;
}

/** What a feature adds to the app: its pages (paths relative to `/`) and its links. */
export interface FeatureRoutes {
  routes: RouteObject[];
  nav: NavItem[];
}
