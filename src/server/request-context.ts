import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createActivityLoaders } from '../activities/activity.loaders';
import { createAnalyticsLoaders } from '../analytics/analytics.loaders';
import { createAuthLoaders } from '../auth/auth.loaders';
import { resolveCaller } from '../auth/caller';
import type { TokenCallers } from '../auth/token-callers';
import { AccessErrorCode, type Caller } from '../common/access';
import type { HttpSession, Loaders, RequestContext, RequestContexts } from '../common/context';
import { DomainError } from '../common/errors';
import type { Language } from '../common/localized-text';
import type { RequestScope } from '../common/request-scope';
import type { AppConfig } from '../config/config';
import { createCouncilLoaders } from '../council/council.loaders';
import type { Orm } from '../db/orm';
import { createFundingLoaders } from '../funding/funding.loaders';
import { createGeographyLoaders } from '../geography/geography.loaders';
import { createMeetingLoaders } from '../meetings/meeting.loaders';
import { createOrganisationLoaders } from '../organisations/organisation.loaders';
import { createProjectLoaders } from '../projects/project.loaders';
import { createThemeLoaders } from '../themes/theme.loaders';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request by the `onRequest` hook, before anything else runs. */
    scope: RequestScope;
  }
}

export const SESSION_COOKIE = 'yntymak_session';

/**
 * Every feature's per-request DataLoaders, each feature's set made by its own factory when the
 * request first reads it: `{ __typename }` or a question of one feature makes none or a few of
 * the ten. `em` is asked for (and so forked) only then too.
 */
class FeatureLoaders implements Loaders {
  private made: Partial<Loaders> = {};

  constructor(private readonly em: () => EntityManager) {}

  get geography() {
    return (this.made.geography ??= createGeographyLoaders(this.em()));
  }
  get auth() {
    return (this.made.auth ??= createAuthLoaders(this.em()));
  }
  get organisations() {
    return (this.made.organisations ??= createOrganisationLoaders(this.em()));
  }
  get themes() {
    return (this.made.themes ??= createThemeLoaders(this.em()));
  }
  get council() {
    return (this.made.council ??= createCouncilLoaders(this.em()));
  }
  get projects() {
    return (this.made.projects ??= createProjectLoaders(this.em()));
  }
  get funding() {
    return (this.made.funding ??= createFundingLoaders(this.em()));
  }
  get activities() {
    return (this.made.activities ??= createActivityLoaders(this.em()));
  }
  get meetings() {
    return (this.made.meetings ??= createMeetingLoaders(this.em()));
  }
  get analytics() {
    return (this.made.analytics ??= createAnalyticsLoaders(this.em()));
  }
}

/** Every feature's per-request DataLoaders on `em` (a forked EntityManager, or what forks one when first needed). */
export function createLoaders(em: EntityManager | (() => EntityManager)): Loaders {
  return new FeatureLoaders(typeof em === 'function' ? em : () => em);
}

/**
 * A request's context whose EntityManager is forked, and whose loaders are made, when first read:
 * a request that answers from memory (`{ __typename }`, a remembered token) pays for neither. The
 * caller's lookup, when one runs, forks it first, and the request goes on with that fork. The
 * fork is kept in a closure, not on the object: Apollo runs each operation on a shallow copy of
 * the context, and the copy, the original and the loaders must share one fork.
 */
class LazyRequestContext implements RequestContext {
  caller: Caller | null = null;
  credentialError: DomainError | null = null;
  sessionEnded?: boolean;
  readonly loaders: Loaders;
  private readonly fork: () => EntityManager;
  private readonly forkOrRoot: () => EntityManager;

  constructor(
    orm: Orm,
    readonly language: Language,
    readonly log: Logger,
    readonly requestId: string,
    readonly tokenCallers: TokenCallers,
    readonly http: HttpSession,
  ) {
    let forked: EntityManager | undefined;
    this.fork = () => (forked ??= orm.em.fork());
    this.forkOrRoot = () => forked ?? orm.em;
    this.loaders = createLoaders(this.fork);
  }

  get em(): EntityManager {
    return this.fork();
  }

  get rowsEm(): EntityManager {
    return this.forkOrRoot();
  }
}

const NO_SESSION: Omit<HttpSession, 'clientIp'> = { setSessionCookie: () => undefined, clearSessionCookie: () => undefined };

/**
 * The one place a request's context is built, for /graphql and the REST routes alike: a forked
 * EntityManager, the loaders, the caller and the language. The context is also put on the
 * request's scope, where the audit trail and the log line read its caller.
 */
export function createRequestContexts(config: AppConfig, orm: Orm, tokenCallers: TokenCallers): RequestContexts {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.env === 'production' } as const;

  const contextOf = (request: FastifyRequest, language: Language, http: HttpSession) =>
    new LazyRequestContext(orm, language, request.log as Logger, request.id, tokenCallers, http);

  return {
    anonymous(request, language) {
      const context = contextOf(request, language, { clientIp: request.ip, ...NO_SESSION });
      request.scope.context = context;
      return context;
    },

    async withCaller(request: FastifyRequest, reply: FastifyReply, language: Language) {
      const context = contextOf(request, language, {
        clientIp: request.ip,
        setSessionCookie: (secret, expiresAt) => reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions, expires: expiresAt }),
        clearSessionCookie: () => reply.clearCookie(SESSION_COOKIE, cookieOptions),
      });
      const caller = await resolveCaller(() => context.em, { authorization: request.headers.authorization, sessionSecret: request.cookies[SESSION_COOKIE] }, tokenCallers);
      const sessionEnded = caller instanceof DomainError && caller.reason === AccessErrorCode.SESSION_ENDED;
      if (sessionEnded) reply.clearCookie(SESSION_COOKIE, cookieOptions);
      context.caller = caller instanceof DomainError ? null : caller;
      context.credentialError = caller instanceof DomainError && !sessionEnded ? caller : null;
      context.sessionEnded = sessionEnded;
      request.scope.context = context;
      return context;
    },
  };
}
