import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** A partner's projects: the list of its organisation's projects, the project form, money. */
export const projectEditorFeature: FeatureRoutes = {
  routes: [
    { path: 'app/projects', ...lazyPage(() => import('./MyProjectsPage')) },
    { path: 'app/projects/new', ...lazyPage(() => import('./ProjectEditPage')) },
    { path: 'app/projects/:id/edit', ...lazyPage(() => import('./ProjectEditPage')) },
  ],
  nav: [{ to: '/app/projects', label: 'common:nav.myProjects', roles: ['PARTNER_EDITOR', 'PARTNER_VIEWER', 'ADMIN'], order: 110 }],
};
