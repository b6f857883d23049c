import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createActivityLoaders } from '../activities/activity.loaders';
import { createAnalyticsLoaders } from '../analytics/analytics.loaders';
import { createAuthLoaders } from '../auth/auth.loaders';
import { resolveCaller } from '../auth/caller';
import type { TokenCallers } from '../auth/token-callers';
import { AccessErrorCode } from '../common/access';
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

/** Every feature's per-request DataLoaders, each from the feature's own factory. */
export function createLoaders(em: EntityManager): Loaders {
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
    analytics: createAnalyticsLoaders(em),
  };
}

const NO_SESSION: Omit<HttpSession, 'clientIp'> = { setSessionCookie: () => undefined, clearSessionCookie: () => undefined };

/**
 * The one place a request's context is built, for /graphql and the REST routes alike: a forked
 * EntityManager, the loaders, the caller and the language. The context is also put on the
 * request's scope, where the audit trail and the log line read its caller.
 */
export function createRequestContexts(config: AppConfig, orm: Orm, tokenCallers: TokenCallers): RequestContexts {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.env === 'production' } as const;

  function contextOf(
    request: FastifyRequest,
    em: EntityManager,
    language: Language,
    fields: Pick<RequestContext, 'caller' | 'credentialError' | 'sessionEnded' | 'http'>,
  ): RequestContext {
    const context: RequestContext = { em, loaders: createLoaders(em), language, log: request.log as Logger, requestId: request.id, tokenCallers, ...fields };
    request.scope.context = context;
    return context;
  }

  return {
    anonymous(request, language) {
      return contextOf(request, orm.em.fork(), language, { caller: null, credentialError: null, http: { clientIp: request.ip, ...NO_SESSION } });
    },

    async withCaller(request: FastifyRequest, reply: FastifyReply, language: Language) {
      const em = orm.em.fork();
      const caller = await resolveCaller(em, { authorization: request.headers.authorization, sessionSecret: request.cookies[SESSION_COOKIE] }, tokenCallers);
      const sessionEnded = caller instanceof DomainError && caller.reason === AccessErrorCode.SESSION_ENDED;
      if (sessionEnded) reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return contextOf(request, em, language, {
        caller: caller instanceof DomainError ? null : caller,
        credentialError: caller instanceof DomainError && !sessionEnded ? caller : null,
        sessionEnded,
        http: {
          clientIp: request.ip,
          setSessionCookie: (secret, expiresAt) => reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions, expires: expiresAt }),
          clearSessionCookie: () => reply.clearCookie(SESSION_COOKIE, cookieOptions),
        },
      });
    },
  };
}
