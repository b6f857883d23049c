import { issueAdminToken } from '../src/auth/auth.service';
import { loadConfig } from '../src/config/config';
import { loginFieldCount } from '../src/server/protection';
import { internalsIn } from './support/internals';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Rate limits and CORS on a hub that has them on, with small budgets so that a test can exhaust
 * them. TRUST_PROXY lets each test speak from an address of its own (X-Forwarded-For).
 */

const PARTNER_SITE = 'https://partner.example.org';
const LIMITS = { RATE_LIMIT_ANONYMOUS: '5', RATE_LIMIT_PER_TOKEN: '8', RATE_LIMIT_LOGIN: '2' };
const WRONG_LOGIN = 'mutation { login(email: "nobody@test.example", password: "wrong password") { user { id } } }';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions: { code: string; reason?: string } }[] };
}

describe('protection at the HTTP boundary', () => {
  let server: TestServer;
  let secondToken: string;

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMITS: 'true', ...LIMITS, TRUST_PROXY: 'true', CORS_ORIGINS: PARTNER_SITE });
    secondToken = (await issueAdminToken(server.orm.em.fork(), 'admin@test.example')).secret;
  });

  afterAll(async () => {
    await server.close();
  });

  /** POST /graphql as a client at `address`, anonymous unless a header says otherwise. */
  async function post(address: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function burst(count: number, send: () => Promise<Answer>): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let index = 0; index < count; index += 1) answers.push(await send());
    return answers;
  }

  describe('rate limits', () => {
    it('answers an anonymous burst beyond its budget with 429, Retry-After and TOO_MANY_REQUESTS', async () => {
      const answers = await burst(6, () => post('10.1.0.1', '{ __typename }'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(answers.slice(0, 5).map((answer) => answer.headers.get('x-ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);
      const refused = answers[5];
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(refused.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^Too many requests from your address without signing in \(at most 5 in a minute\)\. Please wait \d+ seconds/),
            extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' },
          },
        ],
      });
      expect(internalsIn(refused.text)).toEqual([]);
      // Another address has a budget of its own.
      expect((await post('10.1.0.2', '{ __typename }')).status).toBe(200);
    });

    it('gives each valid API token a budget of its own, and none to a made-up token or session', async () => {
      const address = '10.2.0.1';
      expect((await burst(6, () => post(address, '{ __typename }'))).at(-1)!.status).toBe(429);

      const first = await burst(9, () => post(address, '{ __typename }', bearer(server.adminToken)));
      expect(first.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
      expect(first[8].body.errors![0]).toEqual({
        message: expect.stringMatching(/^Too many requests: an API token or a signed-in session may send 8 requests in a minute/),
        extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' },
      });
      expect((await post(address, '{ __typename }', bearer(secondToken))).status).toBe(200);

      // Credentials that are not valid count against the address, already spent.
      expect((await post(address, '{ __typename }', bearer('yk_tok_made_up_for_a_fresh_budget'))).status).toBe(429);
      expect((await post(address, '{ __typename }', { cookie: 'yntymak_session=made-up' })).status).toBe(429);
    });

    it("does not count the web UI's files against the API budget", async () => {
      const address = '10.2.0.1';
      expect((await post(address, '{ __typename }')).status).toBe(429);
      const page = await fetch(`${server.url}/projects`, { headers: { accept: 'text/html', 'x-forwarded-for': address } });
      expect(page.status).toBe(200);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
      // Bodies read to the end: an unread script keeps its connection busy, and the jest worker alive.
      for (const path of [script, '/healthz']) {
        const response = await fetch(`${server.url}${path}`, { headers: { 'x-forwarded-for': address } });
        await response.arrayBuffer();
        expect(response.status).toBe(200);
      }
    });

    it('limits sign-in attempts tighter than other requests, under any alias and through fragments', async () => {
      const address = '10.3.0.1';
      const attempts = await burst(3, () => post(address, WRONG_LOGIN));
      expect(attempts.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(attempts[0].body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(attempts[2].body.errors![0]).toEqual({
        message: expect.stringMatching(/^Too many sign-in attempts from your address \(at most 2 in a minute\)\. Please wait \d+ seconds/),
        extensions: { code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_RATE_LIMITED' },
      });
      expect(Number(attempts[2].headers.get('retry-after'))).toBeGreaterThan(0);
      // Other requests from the address still have their own budget (4 of 5 used).
      expect((await post(address, '{ __typename }')).status).toBe(200);
      const hidden = await post(address, 'mutation Innocent { ...Hidden } fragment Hidden on Mutation { signIn: login(email: "a@test.example", password: "x") { user { id } } }');
      expect(hidden.status).toBe(429);
      expect(hidden.body.errors![0].extensions.reason).toBe('LOGIN_RATE_LIMITED');

      const aliased = await post(
        '10.3.0.2',
        'mutation { a: login(email: "a@test.example", password: "1") { user { id } } b: login(email: "a@test.example", password: "2") { user { id } } }',
      );
      expect(aliased.status).toBe(400);
      expect(aliased.body.errors![0]).toEqual({
        message: 'Sign in once per request: this one asks for `login` 2 times.',
        extensions: { code: 'BAD_REQUEST', reason: 'ONE_LOGIN_PER_REQUEST' },
      });
    });
  });

  describe('CORS', () => {
    it("lets a listed origin's pages call the API with cookies, and read a refusal", async () => {
      const answer = await post('10.4.0.1', '{ __typename }', { origin: PARTNER_SITE });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
      expect(answer.headers.get('vary')).toMatch(/Origin/);

      const refused = await post('10.1.0.1', '{ __typename }', { origin: PARTNER_SITE });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE);
      expect(refused.headers.get('access-control-expose-headers')).toMatch(/retry-after/);

      const preflight = await fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: PARTNER_SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'x-forwarded-for': '10.1.0.1' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER_SITE);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    });

    it('tells an origin that is not listed nothing', async () => {
      const answer = await post('10.4.0.2', '{ __typename }', { origin: 'https://elsewhere.example' });
      // Without Access-Control-Allow-Origin the browser keeps the answer from the page.
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'x-forwarded-for': '10.4.0.2' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('security headers', () => {
    /** What helmet 8 sends with the hub's options (protection.ts), on every answer. */
    const SECURITY_HEADERS = {
      'content-security-policy':
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'self'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const securityHeadersOf = (headers: Headers) => Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, headers.get(name)]));

    it('sends the same headers on every kind of answer: GraphQL, refused, preflight, not found, a page, health', async () => {
      const address = '10.5.0.1';
      const answers: { what: string; status: number; headers: Headers }[] = [];
      for (const answer of await burst(6, () => post(address, '{ __typename }'))) answers.push({ what: 'POST /graphql', ...answer });
      const get = async (what: string, path: string, init: RequestInit = {}) => {
        const response = await fetch(`${server.url}${path}`, { ...init, headers: { 'x-forwarded-for': '10.5.0.2', ...init.headers } });
        await response.text();
        answers.push({ what, status: response.status, headers: response.headers });
      };
      await get('GET /graphql', '/graphql?query=%7B__typename%7D', { headers: { 'apollo-require-preflight': 'true' } });
      await get('malformed JSON', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      await get('preflight', '/graphql', { method: 'OPTIONS', headers: { origin: PARTNER_SITE, 'access-control-request-method': 'POST' } });
      await get('not found', '/no/such/route.json');
      await get('page', '/', { headers: { accept: 'text/html' } });
      await get('health', '/healthz');
      expect(answers.map(({ what, status }) => `${what} ${status}`)).toEqual([
        ...Array(5).fill('POST /graphql 200'),
        'POST /graphql 429',
        'GET /graphql 200',
        'malformed JSON 400',
        'preflight 204',
        'not found 404',
        'page 200',
        'health 200',
      ]);
      for (const { what, headers } of answers) {
        expect({ what, headers: securityHeadersOf(headers) }).toEqual({ what, headers: SECURITY_HEADERS });
        expect(headers.get('x-powered-by')).toBeNull();
      }
    });
  });
});

describe('the settings of protection', () => {
  it('defaults to limits for production, no CORS, and a 5 s statement timeout', () => {
    const config = loadConfig({});
    expect(config.rateLimits).toEqual({ perToken: 600, anonymous: 120, login: 10, windowMs: 60_000 });
    expect(config.corsOrigins).toEqual([]);
    expect(config.dbStatementTimeoutMs).toBe(5000);
  });

  it('turns the limits off, raises them, and lists origins', () => {
    expect(loadConfig({ RATE_LIMITS: 'false' }).rateLimits).toBeNull();
    expect(loadConfig({ RATE_LIMIT_PER_TOKEN: '5000', RATE_LIMIT_WINDOW_SECONDS: '10' }).rateLimits).toMatchObject({ perToken: 5000, windowMs: 10_000 });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).corsOrigins).toEqual(['https://a.example.org', 'http://localhost:5173']);
  });

  it('stops start-up on a bad value, naming the variable', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.org/' })).toThrow(/^Invalid configuration: CORS_ORIGINS="https:\/\/a.example.org\/": expected origins/);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN: '0' })).toThrow(/^Invalid configuration: RATE_LIMIT_LOGIN="0"/);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(/^Invalid configuration: DB_STATEMENT_TIMEOUT_MS="5s"/);
  });
});

describe('finding `login` in a request', () => {
  const count = (body: unknown) => loginFieldCount(body, 1000);

  it('counts it under aliases, in fragments and in each operation of a batch', () => {
    expect(count({ query: 'mutation { login(email: "a", password: "b") { user { id } } }' })).toBe(1);
    expect(count({ query: 'mutation { x: login(email: "a", password: "b") { user { id } } y: login(email: "a", password: "c") { user { id } } }' })).toBe(2);
    expect(count({ query: 'mutation { ... on Mutation { login(email: "a", password: "b") { user { id } } } }' })).toBe(1);
    expect(count({ query: 'mutation { ...F ...F } fragment F on Mutation { login(email: "a", password: "b") { user { id } } }' })).toBe(2);
    expect(count([{ query: 'mutation { login(email: "a", password: "b") { user { id } } }' }, { query: 'mutation { login(email: "c", password: "d") { user { id } } }' }])).toBe(2);
  });

  it('does not count the word elsewhere, and stays cheap on fragments that spread each other', () => {
    expect(count({ query: 'query { login }' })).toBe(0);
    expect(count({ query: 'mutation { createTheme(input: { code: "login" }) { code } }' })).toBe(0);
    expect(count({ query: 'mutation { logout } # login' })).toBe(0);
    expect(count({ query: 'mutation { login(' })).toBe(0);
    expect(count({ query: 'mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { ...A login { user { id } } }' })).toBe(1);
    // 2^25 paths through the fragments, each counted once.
    const chain = Array.from({ length: 25 }, (_, i) => `fragment F${i} on Mutation { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const started = Date.now();
    expect(count({ query: `mutation { ...F0 } ${chain} fragment F25 on Mutation { login { user { id } } }` })).toBe(2 ** 25);
    expect(Date.now() - started).toBeLessThan(100);
  });
});
