import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Caller } from './access';
import type { DomainError } from './errors';
import type { Language } from './localized-text';

/**
 * Every feature's per-request DataLoaders, by feature. Each feature adds its own key next to its
 * loader factory (`declare module '../common/context'` in `*.loaders.ts`), and the server's
 * context builder (`server/request-context.ts`) assembles them, so this file names no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, one key per feature
export interface Loaders {}

/** What the HTTP layer lets resolvers do with the connection itself. */
export interface HttpSession {
  /** Client address, for sign-in throttling. */
  clientIp: string;
  setSessionCookie(secret: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/**
 * What one request carries (GraphQL or a REST route alike): its own EntityManager, loaders,
 * caller, language and log. Built in one place, `server/request-context.ts`.
 */
export interface RequestContext {
  em: EntityManager;
  /**
   * For reads of plain rows (prepared statements, lean records) that need the connection, the
   * metadata and any transaction, never the identity map: the request's fork once it has one,
   * otherwise the ORM's root EntityManager, so that such a read does not fork one (about 30 µs of
   * a request's CPU).
   */
  readonly rowsEm: EntityManager;
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
  /** From `Accept-Language` (or a route's `?lang=`); a field's `lang` argument overrides it. */
  language: Language;
  log: Logger;
  requestId: string;
  http: HttpSession;
  /**
   * What this server remembers of API tokens between requests (src/auth/token-callers.ts), to
   * be forgotten when a token is revoked or a user changed.
   */
  tokenCallers: { forgetAll(): void };
}

/**
 * What a REST route asks of the server's one context builder: routes read the same caller,
 * loaders and language as GraphQL does.
 */
export interface RequestContexts {
  /**
   * The context of a request answered as to an anonymous caller, whatever credentials it sends:
   * public files (the exports, the IATI file) see what anonymous GraphQL sees.
   */
  anonymous(request: FastifyRequest, language: Language): RequestContext;
  /**
   * The context with the caller of the request's API token or session cookie: `caller` is null
   * for an anonymous request, `credentialError` or `sessionEnded` tell why credentials did not count.
   */
  withCaller(request: FastifyRequest, reply: FastifyReply, language: Language): Promise<RequestContext>;
}
