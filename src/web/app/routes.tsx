import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { PageLoader } from './ui/PageLoader';
import { RouteError } from './ui/RouteError';

/** A page loaded on demand, so each route brings only its own code. */
const page = (load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      { index: true, ...page(() => import('../features/map/PublicMapPage')) },
      { path: 'sign-in', ...page(() => import('../features/auth/SignInPage')) },
      { path: 'projects', ...page(() => import('../features/projects/ProjectsPage')) },
      { path: 'projects/:id', ...page(() => import('../features/projects/ProjectPage')) },
      { path: '*', ...page(() => import('./ui/NotFoundPage')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
