/**
 * Two replicas of the hub on one database, as behind a load balancer: nothing that matters is
 * kept in a server's memory. Sessions, the sign-in lock and record versions live in PostgreSQL.
 * The one thing a server remembers, an API token it found valid, it remembers for
 * TOKEN_CALLER_TTL_MS at most: a token revoked through one replica stops working on the other
 * within that time.
 */
import pino from 'pino';
import { TOKEN_CALLER_TTL_MS } from '../src/auth/token-callers';
import { loadConfig } from '../src/config/config';
import { initOrm, type Orm } from '../src/db/orm';
import { type App, createApp, SESSION_COOKIE } from '../src/server/app';
import { startTestServer, type TestServer } from './support/test-server';

interface Replica {
  url: string;
  close(): Promise<void>;
}

/** A second server on the first one's database, behind a proxy that says who the client is. */
async function replicaOf(databaseUrl: string): Promise<Replica> {
  const logger = pino({ level: 'silent' });
  const orm: Orm = await initOrm({ url: databaseUrl, logger });
  const app: App = await createApp(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, TRUST_PROXY: 'true' }), orm, logger);
  const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    close: async () => {
      await app.close();
      await orm.close(true);
    },
  };
}

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  cookie?: string;
}

async function ask<T = Record<string, never>>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer<T>;
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  return { ...body, cookie: cookie?.split(';')[0] };
}

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }';
const PASSWORD = 'a long enough password 1';

describe('two replicas on one database', () => {
  let a: TestServer;
  let b: Replica;
  let admin: Record<string, string>;

  beforeAll(async () => {
    a = await startTestServer({ TRUST_PROXY: 'true' });
    b = await replicaOf(a.databaseUrl);
    admin = { authorization: `Bearer ${a.adminToken}` };
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** A user invited on A who sets a password on B. */
  async function person(email: string): Promise<void> {
    const invited = await ask<{ createUser: { passwordSetupToken: string } }>(
      a.url,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { passwordSetupToken } }',
      { input: { email, name: email, role: 'SECRETARIAT' } },
      admin,
    );
    expect(invited.errors).toBeUndefined();
    const set = await ask(b.url, 'mutation ($token: String!, $password: String!) { setPassword(token: $token, password: $password) { id } }', {
      token: invited.data!.createUser.passwordSetupToken,
      password: PASSWORD,
    });
    expect(set.errors).toBeUndefined();
  }

  it('accepts a session made on one replica on the other, and a sign-out on either ends it on both', async () => {
    await person('replica-session@test.example');
    const signedIn = await ask(a.url, LOGIN, { email: 'replica-session@test.example', password: PASSWORD });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.cookie).toBeDefined();
    const me = await ask<{ me: { email: string } | null }>(b.url, '{ me { email } }', {}, { cookie: signedIn.cookie! });
    expect(me.data!.me).toEqual({ email: 'replica-session@test.example' });

    await ask(b.url, 'mutation { logout }', {}, { cookie: signedIn.cookie! });
    const after = await ask<{ me: { email: string } | null }>(a.url, '{ me { email } }', {}, { cookie: signedIn.cookie! });
    expect(after.data!.me).toBeNull();
  });

  it('honours a token revoked on one replica on the other within TOKEN_CALLER_TTL_MS, and at once on the one that revoked it', async () => {
    const me = '{ me { email } }';
    const created = await ask<{ createApiToken: { token: { id: string }; secret: string } }>(
      a.url,
      'mutation { createApiToken(input: { name: "replica token", expiresInDays: 1 }) { token { id } secret } }',
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    const { secret, token } = created.data!.createApiToken;
    const bearer = { authorization: `Bearer ${secret}` };
    // A token made on A works on B at once (B never remembers a token as unknown).
    expect((await ask(b.url, me, {}, bearer)).errors).toBeUndefined();

    const revoked = await ask(a.url, 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.id }, admin);
    expect(revoked.errors).toBeUndefined();
    const revokedAt = Date.now();
    expect((await ask(a.url, me, {}, bearer)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    // B may still take it from memory until TOKEN_CALLER_TTL_MS after it last looked it up (before the revocation); then not.
    const onB = await ask(b.url, me, {}, bearer);
    if (!onB.errors) expect(Date.now() - revokedAt).toBeLessThan(TOKEN_CALLER_TTL_MS);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CALLER_TTL_MS + 100));
    expect((await ask(b.url, me, {}, bearer)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  });

  it('counts failed sign-ins of one account on both replicas together, from different addresses', async () => {
    await person('replica-lock@test.example');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const replica = attempt % 2 === 0 ? a.url : b.url;
      const failed = await ask(replica, LOGIN, { email: 'replica-lock@test.example', password: 'wrong password 123' }, { 'x-forwarded-for': `198.51.100.${attempt + 1}` });
      expect(failed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    // Three failures went to A and two to B: the account is locked on both, even with the right password.
    for (const replica of [a.url, b.url]) {
      const locked = await ask(replica, LOGIN, { email: 'replica-lock@test.example', password: PASSWORD }, { 'x-forwarded-for': '198.51.100.99' });
      expect(locked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    }
  });

  it('counts failed sign-ins from one address on both replicas together, across accounts', async () => {
    await person('replica-address@test.example');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const replica = attempt % 2 === 0 ? b.url : a.url;
      await ask(replica, LOGIN, { email: `nobody-${attempt}@test.example`, password: 'wrong password 123' }, { 'x-forwarded-for': '203.0.113.7' });
    }
    const locked = await ask(a.url, LOGIN, { email: 'replica-address@test.example', password: PASSWORD }, { 'x-forwarded-for': '203.0.113.7' });
    expect(locked.errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
    const elsewhere = await ask(b.url, LOGIN, { email: 'replica-address@test.example', password: PASSWORD }, { 'x-forwarded-for': '203.0.113.8' });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('lets one of two concurrent edits of a project through the two replicas win; the other is a CONFLICT; both then read the same', async () => {
    // A project that overlaps another, so the edit changes stored analytics too.
    const listed = await ask<{ overlaps: { nodes: { projectA: { id: string; version: number } }[] } }>(a.url, '{ overlaps(first: 1) { nodes { projectA { id version } } } }');
    const [{ id, version }] = listed.data!.overlaps.nodes.map((node) => node.projectA);
    const edit = (replica: string, title: string) =>
      ask<{ updateProject: { version: number } }>(
        replica,
        'mutation ($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { version } }',
        { id, input: { version, title: { en: title }, plannedEnd: title.endsWith('A') ? '2031-12-31' : '2032-06-30' } },
        admin,
      );
    const answers = await Promise.all([edit(a.url, 'Edited through A'), edit(b.url, 'Edited through B')]);
    const won = answers.filter((answer) => !answer.errors);
    const lost = answers.filter((answer) => answer.errors);
    expect(won).toHaveLength(1);
    expect(won[0].data!.updateProject.version).toBe(version + 1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors![0].extensions!.code).toBe('CONFLICT');

    const read = `query ($id: ID!) {
      project(id: $id) { version title(lang: EN) plannedEnd }
      overlaps(filter: { projectId: $id }, first: 100) { totalCount nodes { projectA { id } projectB { id } score periodStart periodEnd } }
    }`;
    const [throughA, throughB] = await Promise.all([ask(a.url, read, { id }), ask(b.url, read, { id })]);
    expect(throughA.errors).toBeUndefined();
    expect((throughA.data as unknown as { overlaps: { totalCount: number } }).overlaps.totalCount).toBeGreaterThan(0);
    expect(throughB.data).toEqual(throughA.data);
    const project = (throughA.data as unknown as { project: { title: string; plannedEnd: string } }).project;
    expect([
      ['Edited through A', '2031-12-31'],
      ['Edited through B', '2032-06-30'],
    ]).toContainEqual([project.title, project.plannedEnd]);
  });
});
