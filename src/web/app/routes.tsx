import { matchRoutes, type RouteObject, useRoutes } from 'react-router';
import { holdFirstRender } from './first-render';
import { AppLayout } from './layout/AppLayout';
import { type LazyPageHandle, lazyPage } from './lazy-page';
import { FEATURES } from './features';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [...FEATURES.flatMap((feature) => feature.routes), { path: '*', ...lazyPage(() => import('./ui/NotFoundPage')) }],
  },
];

// The page a visit begins on: its code and catalogues before the first render (first-render.ts).
for (const match of matchRoutes(routes, window.location) ?? []) {
  const handle = match.route.handle as Partial<LazyPageHandle> | undefined;
  if (handle?.preload) holdFirstRender(handle.preload());
}

/**
 * The pages, matched by React Router in declarative mode: the UI fetches through Apollo, not
 * through route loaders, and the data router would add about 16 KB (gzip) to every page.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
