import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { lazyPage } from './lazy-page';
import { FEATURES } from './features';
import { PageLoader } from './ui/PageLoader';
import { RouteError } from './ui/RouteError';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [...FEATURES.flatMap((feature) => feature.routes), { path: '*', ...lazyPage(() => import('./ui/NotFoundPage')) }],
  },
];

export const router = createBrowserRouter(routes);
