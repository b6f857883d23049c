import { type RouteObject, useRoutes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { lazyPage } from './lazy-page';
import { FEATURES } from './features';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [...FEATURES.flatMap((feature) => feature.routes), { path: '*', ...lazyPage(() => import('./ui/NotFoundPage')) }],
  },
];

/**
 * The pages, matched by React Router in declarative mode: the UI fetches through Apollo, not
 * through route loaders, and the data router would add about 16 KB (gzip) to every page.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
