import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, Kind, parse, type SelectionSetNode } from 'graphql';
import helmet from 'helmet';
import { resolveCaller } from '../auth/caller';
import type { TokenCallers } from '../auth/token-callers';
import { DomainError, ErrorKind } from '../common/errors';
import type { AppConfig, RateLimits } from '../config/config';
import type { Orm } from '../db/orm';

/*
 * What guards the hub at the HTTP boundary, before GraphQL sees a request: security headers
 * (with the Content-Security-Policy the web UI works under), CORS for listed origins only, and
 * rate limits per API token or session, per address without one, and for `login`.
 */

export interface ProtectionOptions {
  orm: Orm;
  sessionCookie: string;
  /** The token limit of GraphQL documents (the same as Apollo's), for reading `login` out of one. */
  maxTokens: number;
  /** The API tokens this server found valid a moment ago, shared with the request contexts. */
  tokenCallers: TokenCallers;
}

export async function registerProtection(http: FastifyInstance, config: AppConfig, options: ProtectionOptions): Promise<void> {
  await registerSecurityHeaders(http, config.env);
  if (config.corsOrigins.length > 0) {
    await http.register(fastifyCors, {
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'POST'],
      // What a page needs to read to pace itself.
      exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-request-id', 'x-iati-activities', 'x-iati-skipped'],
      maxAge: 600,
    });
  }
  if (config.rateLimits) await registerRateLimits(http, config.rateLimits, options);
}

/**
 * The web UI (React, Mantine, Leaflet) loads only its own files: scripts from 'self' (index.html
 * has no inline script), styles also inline (Mantine injects <style> elements and both set style
 * attributes), images also as data: URLs (Leaflet's and Mantine's icons in the CSS), no other
 * origin (the map draws the units itself, without tiles). The briefing page has an inline
 * <style> and nothing else.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
};

/**
 * helmet's headers on every answer, refused ones too. They are the same on every answer (no
 * nonce), so helmet's middleware runs once, here, and each reply gets its headers among Fastify's
 * own. helmet setting them on the raw response for each request had Node check every header,
 * Fastify's too, one by one: about 8% of the CPU of a `{ __typename }` (BENCHMARKS.md).
 */
async function registerSecurityHeaders(http: FastifyInstance, env: AppConfig['env']): Promise<void> {
  const headers = helmetHeaders(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  http.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (env === 'production') return;
  // Apollo's landing page at /graphql (Sandbox, outside production) loads its scripts from
  // Apollo's CDN and brings its own Content-Security-Policy (with a nonce) in a meta element;
  // ours in the header would block it.
  http.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url === '/graphql' && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.removeHeader('content-security-policy');
    }
    return payload;
  });
}

type HelmetMiddleware = ReturnType<typeof helmet>;

/** The headers helmet's middleware sets on a response, as names (lower case) and values. */
function helmetHeaders(middleware: HelmetMiddleware): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  // Every middleware of helmet 8 is synchronous; one that is not would leave headers out.
  if (!finished || !headers['content-security-policy']) throw new Error("helmet's middleware did not set its headers at once");
  return headers;
}

/** Requests that cost the database something: the API, the meeting documents, the exports and the IATI file, not the UI's files. */
function isApiRequest(request: FastifyRequest): boolean {
  if (request.method === 'OPTIONS') return false;
  const route = request.routeOptions.url;
  return route === '/graphql' || ['/meetings/', '/exports/', '/iati/'].some((prefix) => route?.startsWith(prefix) ?? false);
}

/** How long the known-good credentials are remembered, and how many of them. */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_MAX = 10_000;

/**
 * Credentials (by the SHA-256 of the secret) recently found valid, with the id of the token or
 * session. Only a valid credential gets a budget of its own: otherwise every made-up token or
 * cookie would be a fresh budget, and an anonymous caller could dodge its limit by sending one.
 */
class VerifiedCredentials {
  private readonly entries = new Map<string, { credentialId: string; until: number }>();

  get(hash: string): string | undefined {
    const entry = this.entries.get(hash);
    if (entry && entry.until > Date.now()) return entry.credentialId;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, credentialId: string): void {
    this.entries.delete(hash);
    this.entries.set(hash, { credentialId, until: Date.now() + VERIFIED_FOR_MS });
    if (this.entries.size > VERIFIED_MAX) this.entries.delete(this.entries.keys().next().value!);
  }
}

const CREDENTIAL_KEY = 'credential:';

function perWindow(windowMs: number): string {
  return windowMs === 60_000 ? 'a minute' : `${windowMs / 1000} seconds`;
}

function tooManyRequests(reply: FastifyReply, retryAfterSeconds: number, reason: string, message: string): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: ErrorKind.TOO_MANY_REQUESTS, reason } }] });
}

async function registerRateLimits(http: FastifyInstance, limits: RateLimits, { orm, sessionCookie, maxTokens, tokenCallers }: ProtectionOptions): Promise<void> {
  await http.register(fastifyRateLimit, { global: false });
  const verified = new VerifiedCredentials();

  /** The token's or session's own key when the credential is valid, else the client's address. */
  const apiKey = async (request: FastifyRequest): Promise<string> => {
    const authorization = request.headers.authorization;
    const sessionSecret = request.cookies[sessionCookie];
    // As resolveCaller: an Authorization header wins over the cookie.
    const secret = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : sessionSecret;
    if (secret) {
      const hash = createHash('sha256').update(secret).digest('base64url');
      let credentialId = verified.get(hash);
      if (credentialId === undefined) {
        // The same statement the request's context runs; at most once a minute per credential.
        const caller = await resolveCaller(() => orm.em.fork(), { authorization, sessionSecret }, tokenCallers);
        if (caller && !(caller instanceof DomainError)) {
          credentialId = caller.credentialId;
          verified.set(hash, credentialId);
        }
      }
      if (credentialId) return `${CREDENTIAL_KEY}${credentialId}`;
    }
    return `address:${normalizeIP(request.ip)}`;
  };

  const apiLimit = http.createRateLimit({
    keyGenerator: apiKey,
    max: (_request, key) => (key.startsWith(CREDENTIAL_KEY) ? limits.perToken : limits.anonymous),
    timeWindow: limits.windowMs,
  });
  const loginLimit = http.createRateLimit({
    keyGenerator: (request) => normalizeIP(request.ip),
    max: limits.login,
    timeWindow: limits.windowMs,
  });

  http.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    const limit = await apiLimit(request);
    if (limit.isAllowed) return;
    reply.header('x-ratelimit-limit', limit.max).header('x-ratelimit-remaining', limit.remaining).header('x-ratelimit-reset', limit.ttlInSeconds);
    if (!limit.isExceeded) return;
    const message = limit.key.startsWith(CREDENTIAL_KEY)
      ? `Too many requests: an API token or a signed-in session may send ${limit.max} requests in ${perWindow(limits.windowMs)}. Please wait ${limit.ttlInSeconds} seconds and try again.`
      : `Too many requests from your address without signing in (at most ${limit.max} in ${perWindow(limits.windowMs)}). Please wait ${limit.ttlInSeconds} seconds and try again, or send an API token.`;
    return tooManyRequests(reply, limit.ttlInSeconds, 'RATE_LIMITED', message);
  });

  // `login` is read out of the parsed body, so this runs once Fastify has parsed it.
  http.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || request.method !== 'POST') return;
    const logins = loginFieldCount(request.body, maxTokens);
    if (logins === 0) return;
    if (logins > 1) {
      return reply.code(400).send({
        errors: [{ message: `Sign in once per request: this one asks for \`login\` ${logins} times.`, extensions: { code: 'BAD_REQUEST', reason: 'ONE_LOGIN_PER_REQUEST' } }],
      });
    }
    const limit = await loginLimit(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    return tooManyRequests(
      reply,
      limit.ttlInSeconds,
      'LOGIN_RATE_LIMITED',
      `Too many sign-in attempts from your address (at most ${limit.max} in ${perWindow(limits.windowMs)}). Please wait ${limit.ttlInSeconds} seconds and try again.`,
    );
  });
}

/**
 * How many times the documents of a request body (one, or a batch) select the `login`
 * mutation: under any alias, through fragments, in any of their operations. A document that does
 * not parse counts 0 (Apollo refuses it without running anything).
 */
export function loginFieldCount(body: unknown, maxTokens: number): number {
  const requests = Array.isArray(body) ? body : [body];
  let count = 0;
  for (const item of requests) {
    const query = (item as { query?: unknown } | null)?.query;
    if (typeof query !== 'string' || !query.includes('login')) continue;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      continue;
    }
    count += loginFieldsOf(document);
  }
  return count;
}

function loginFieldsOf(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [])),
  );
  // Each fragment counted once (spreads of spreads would otherwise multiply); a cycle counts 0.
  const fragmentCounts = new Map<string, number>();
  const countFragment = (name: string): number => {
    const known = fragmentCounts.get(name);
    if (known !== undefined) return known;
    fragmentCounts.set(name, 0);
    const selectionSet = fragments.get(name);
    const result = selectionSet ? count(selectionSet) : 0;
    fragmentCounts.set(name, result);
    return result;
  };
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === 'login' ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      return sum + countFragment(selection.name.value);
    }, 0);
  return document.definitions.reduce(
    (sum, definition) => sum + (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation' ? count(definition.selectionSet) : 0),
    0,
  );
}
