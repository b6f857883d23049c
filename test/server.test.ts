import { Client } from 'pg';
import { AdminUnitsDocument } from './generated/graphql';
import { ADMIN_URL_VARIABLE } from './support/cluster';
import { startTestServer, type TestServer } from './support/test-server';

describe('the web UI files', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('serves hashed assets for a year, the page itself uncached, and gzipped', async () => {
    const page = await fetch(`${server.url}/projects`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    // Read every body: an unread one larger than undici's buffer keeps its connection busy and
    // referenced, and the jest worker then cannot exit ("failed to exit gracefully").
    expect((await asset.text()).length).toBeGreaterThan(1000);
    const favicon = await fetch(`${server.url}/favicon.svg`);
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
    expect(await favicon.text()).toMatch(/<svg/);
  });

  it('sends the copies the build compressed: brotli to a browser that accepts it, else gzip, the same script', async () => {
    const html = await (await fetch(`${server.url}/`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const source = await plain.text();
    for (const [accepted, sent] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const response = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': accepted } });
      expect(response.headers.get('content-encoding')).toBe(sent);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      // fetch decompresses: the same script whichever copy was sent.
      expect(await response.text()).toBe(source);
    }
  });

  it("sends security headers, with a Content-Security-Policy that allows only the UI's own files", async () => {
    const page = await fetch(`${server.url}/projects`, { headers: { accept: 'text/html' } });
    await page.text();
    const policy = Object.fromEntries(
      page.headers
        .get('content-security-policy')!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources.join(' ')]),
    );
    expect(policy).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'self'",
    });
    for (const response of [page, await fetch(`${server.url}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } })]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('serves an index.html whose scripts are all files (the policy allows no inline script)', async () => {
    const html = await (await fetch(`${server.url}/`, { headers: { accept: 'text/html' } })).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it("leaves Apollo's landing page (outside production) to the policy it brings itself", async () => {
    const landing = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(landing.headers.get('content-security-policy')).toBeNull();
    expect(await landing.text()).toMatch(/<meta http-equiv="Content-Security-Policy"/);
  });

  it('in production, shows a browser at /graphql a page of its own that needs no script, under the policy', async () => {
    const production = await startTestServer({ NODE_ENV: 'production', DATABASE_URL: server.databaseUrl });
    try {
      const landing = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(landing.status).toBe(200);
      expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
      expect(landing.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const html = await landing.text();
      expect(html).toMatch(/<h1>Yntymak GraphQL API<\/h1>/);
      expect(html).not.toMatch(/<script|cdn\.apollographql|style=/);
      // A client's GET query is still a GraphQL request.
      const query = await fetch(`${production.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      });
      expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await production.close();
    }
  });

  it('answers no other origin unless CORS_ORIGINS lists it', async () => {
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://partner.example.org' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    await answer.text();
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    await preflight.text();
  });
});

describe('health endpoints', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers /healthz while the process lives and /readyz while the database answers', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await health.text();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('turns /readyz to 503 when its database goes away, while /healthz stays 200', async () => {
    const database = new URL(server.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env[ADMIN_URL_VARIABLE] });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable' });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await health.text();
  });
});

describe('requests that go wrong', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers malformed JSON with 400 and a readable message, not a 500', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('names the problem of an invalid query with a code and no stack trace', async () => {
    const { status, errors } = await server.graphql('{ adminUnits { totalCount nonsense } }', undefined, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(status).toBe(400);
    expect(errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0].message).toContain('nonsense');
    expect(JSON.stringify(errors)).not.toContain('stacktrace');
  });

  it('refuses a wrongly typed variable with BAD_USER_INPUT', async () => {
    const { errors } = await server.graphql(AdminUnitsDocument, { first: 'ten' as unknown as number });
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toContain('first');
  });

  it('refuses queries nested deeper than the limit before running them', async () => {
    const deep = `{ adminUnits { nodes { ${'children { '.repeat(14)}code${' }'.repeat(14)} } } }`;
    const { errors } = await server.graphql(deep);
    expect(errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0].message).toMatch(/depth/i);
  });

  it('reports the SQL statements of each GraphQL request in a header', async () => {
    const anonymous = await server.graphql(AdminUnitsDocument, { first: 3 }, { token: null });
    // One statement: the page with the total.
    expect(anonymous.sqlStatements).toBe(1);
    // Plus one to find the caller's API token and user, the first time; then the server
    // remembers the token for a moment (src/auth/token-callers.ts).
    const { token } = await server.tokenFor('SECRETARIAT');
    const signedIn = await server.graphql(AdminUnitsDocument, { first: 3 }, { token });
    expect(signedIn.sqlStatements).toBe(2);
    const again = await server.graphql(AdminUnitsDocument, { first: 3 }, { token });
    expect(again.sqlStatements).toBe(1);
  });
});
