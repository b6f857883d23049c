import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

export const projectsFeature: FeatureRoutes = {
  routes: [
    { path: 'projects', ...lazyPage(() => import('./ProjectsPage'), ['projects', 'geography', 'errors']) },
    { path: 'projects/:id', ...lazyPage(() => import('./ProjectPage'), ['projects', 'map', 'errors']) },
  ],
  nav: [{ to: '/projects', label: 'common:nav.projects', order: 10 }],
};
