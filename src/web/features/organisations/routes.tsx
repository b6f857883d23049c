import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** The public directory and profiles of organisations; the secretariat's forms. */
export const organisationsFeature: FeatureRoutes = {
  routes: [
    { path: 'organisations', ...lazyPage(() => import('./OrganisationsPage'), ['organisations', 'errors']) },
    { path: 'organisations/:id', ...lazyPage(() => import('./OrganisationPage'), ['organisations', 'projects', 'errors']) },
    { path: 'app/organisations/new', ...lazyPage(() => import('./OrganisationFormPage').then((page) => ({ default: page.NewOrganisationPage })), ['organisations', 'errors']) },
    {
      path: 'app/organisations/:id/edit',
      ...lazyPage(() => import('./OrganisationFormPage').then((page) => ({ default: page.EditOrganisationPage })), ['organisations', 'errors']),
    },
  ],
  nav: [{ to: '/organisations', label: 'common:nav.organisations', order: 20 }],
};
