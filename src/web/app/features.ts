import { auditFeature } from '../features/audit/routes';
import { authFeature } from '../features/auth/routes';
import { councilFeature } from '../features/council/routes';
import { homeFeature } from '../features/home/routes';
import { iatiImportFeature } from '../features/iati-import/routes';
import { mapFeature } from '../features/map/routes';
import { meetingsFeature } from '../features/meetings/routes';
import { organisationsFeature } from '../features/organisations/routes';
import { projectEditorFeature } from '../features/project-editor/routes';
import { projectsFeature } from '../features/projects/routes';
import { referenceFeature } from '../features/reference/routes';
import { reportsFeature } from '../features/reports/routes';
import { tokensFeature } from '../features/tokens/routes';
import { usersFeature } from '../features/users/routes';
import type { FeatureRoutes } from './navigation';

/** Every feature of the UI; each owns its routes and links in `features/<feature>/routes.tsx`. */
export const FEATURES: FeatureRoutes[] = [
  mapFeature,
  projectsFeature,
  organisationsFeature,
  councilFeature,
  authFeature,
  homeFeature,
  projectEditorFeature,
  reportsFeature,
  tokensFeature,
  meetingsFeature,
  referenceFeature,
  iatiImportFeature,
  usersFeature,
  auditFeature,
];

export const NAVIGATION = FEATURES.flatMap((feature) => feature.nav).sort((a, b) => a.order - b.order);
