import { lazyPage } from '../../app/lazy-page';
import type { FeatureRoutes } from '../../app/navigation';

/** The public directory and profiles of organisations; the secretariat's forms. */
export const organisationsFeature: FeatureRoutes = {
  routes: [
    { path: 'organisations', ...lazyPage(() => import('./OrganisationsPage')) },
    { path: 'organisations/:id', ...lazyPage(() => import('./OrganisationPage')) },
    { path: 'app/organisations/new', ...lazyPage(() => import('./OrganisationFormPage').then((page) => ({ default: page.NewOrganisationPage }))) },
    { path: 'app/organisations/:id/edit', ...lazyPage(() => import('./OrganisationFormPage').then((page) => ({ default: page.EditOrganisationPage }))) },
  ],
  nav: [{ to: '/organisations', label: 'organisations:nav', order: 20 }],
};
