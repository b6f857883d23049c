import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createCouncilLoaders } from '../council/council.loaders';
import { createFundingLoaders } from '../funding/funding.loaders';
import { createGeographyLoaders } from '../geography/geography.loaders';
import { createOrganisationLoaders } from '../organisations/organisation.loaders';
import { createProjectLoaders } from '../projects/project.loaders';
import { createThemeLoaders } from '../themes/theme.loaders';
import type { Language } from './localized-text';

/** Every feature's per-request DataLoaders. */
export function createLoaders(em: EntityManager) {
  return {
    geography: createGeographyLoaders(em),
    organisations: createOrganisationLoaders(em),
    themes: createThemeLoaders(em),
    council: createCouncilLoaders(em),
    projects: createProjectLoaders(em),
    funding: createFundingLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What one GraphQL request carries: its own EntityManager, loaders, language and log. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  /** From `Accept-Language`; a field's `lang` argument overrides it. */
  language: Language;
  log: Logger;
}
