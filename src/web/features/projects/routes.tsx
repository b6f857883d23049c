import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

export const projectsFeature: FeatureRoutes = {
  routes: [
    { path: 'projects', ...lazyPage(() => import('./ProjectsPage')) },
    { path: 'projects/:id', ...lazyPage(() => import('./ProjectPage')) },
  ],
  nav: [{ to: '/projects', label: 'common:nav.projects', order: 10 }],
};
