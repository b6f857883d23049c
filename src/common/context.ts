import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createCouncilLoaders } from '../council/council.loaders';
import { createFundingLoaders } from '../funding/funding.loaders';
import { createGeographyLoaders } from '../geography/geography.loaders';
import { createMeetingLoaders } from '../meetings/meeting.loaders';
import { createOrganisationLoaders } from '../organisations/organisation.loaders';
import { createProjectLoaders } from '../projects/project.loaders';
import { createThemeLoaders } from '../themes/theme.loaders';
import { createActivityLoaders } from '../activities/activity.loaders';
import { createPeopleReachedLoader } from '../analytics/people-reached';
import { createAuthLoaders } from '../auth/auth.loaders';
import type { Caller } from '../auth/caller';
import type { DomainError } from './errors';
import type { Language } from './localized-text';

/** Every feature's per-request DataLoaders. */
export function createLoaders(em: EntityManager) {
  return {
    geography: createGeographyLoaders(em),
    auth: createAuthLoaders(em),
    organisations: createOrganisationLoaders(em),
    themes: createThemeLoaders(em),
    council: createCouncilLoaders(em),
    projects: createProjectLoaders(em),
    funding: createFundingLoaders(em),
    activities: createActivityLoaders(em),
    meetings: createMeetingLoaders(em),
    analytics: { peopleReached: createPeopleReachedLoader(em) },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the HTTP layer lets resolvers do with the connection itself. */
export interface HttpSession {
  /** Client address, for sign-in throttling. */
  clientIp: string;
  setSessionCookie(secret: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** What one GraphQL request carries: its own EntityManager, loaders, caller, language and log. */
export interface RequestContext {
  em: EntityManager;
  loaders: Loaders;
  /** The signed-in user or API token owner; null for anonymous requests. */
  caller: Caller | null;
  /** Set when an API token was sent but is not valid; every root field then fails with it. */
  credentialError: DomainError | null;
  /**
   * The session cookie named a session that has ended: the request goes on as anonymous (a
   * browser keeps reading public pages, and the cookie is cleared), but fields that need a
   * caller say that the session ended rather than "sign in".
   */
  sessionEnded?: boolean;
  /** From `Accept-Language`; a field's `lang` argument overrides it. */
  language: Language;
  log: Logger;
  requestId: string;
  http: HttpSession;
}

/** What a public route needs of its HTTP request to build a context. */
export interface PublicRequest {
  id: string;
  ip: string;
  log: unknown;
}

/**
 * The context of a request answered as to an anonymous caller, whatever credentials it sends:
 * public files (the exports, the IATI file) see what anonymous GraphQL sees.
 */
export function anonymousContext(em: EntityManager, request: PublicRequest, language: Language): RequestContext {
  return {
    em,
    loaders: createLoaders(em),
    caller: null,
    credentialError: null,
    language,
    log: request.log as Logger,
    requestId: request.id,
    http: { clientIp: request.ip, setSessionCookie: () => undefined, clearSessionCookie: () => undefined },
  };
}
