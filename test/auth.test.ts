import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import {
  AddMembershipDocument,
  ApiTokensDocument,
  AuditEventsDocument,
  CoordinationBodiesDocument,
  CouncilContactsDocument,
  CreateApiTokenDocument,
  CreateOrganisationDocument,
  CreateUserDocument,
  LoginDocument,
  MeDocument,
  ProjectDocument,
  RevokeApiTokenDocument,
  SetPasswordDocument,
  UpdateProjectDocument,
  UpdateUserDocument,
  UsersDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** Sends a GraphQL request with a cookie jar of one cookie, the way a browser would. */
async function browserRequest(query: string, variables: object, cookie?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string; reason?: string } }[] } };
}

async function invite(role: 'PARTNER_EDITOR' | 'PARTNER_VIEWER' | 'SECRETARIAT', email: string, organisationId?: string) {
  const { data, errors } = await server.graphql(CreateUserDocument, { input: { email, name: email, role, organisationId } });
  expect(errors).toBeUndefined();
  return data!.createUser;
}

describe('first setup', () => {
  it('npm run admin:token creates an administrator and prints a working API token', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [join(projectRoot, 'dist', 'src', 'ops', 'admin-token.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: server.databaseUrl, SEED_ON_START: 'false', LOG_LEVEL: 'silent' },
    });
    const token = /^(yk_tok_\S+)$/m.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const { data } = await server.graphql(MeDocument, {}, { token });
    expect(data!.me).toMatchObject({ role: 'ADMIN', active: true });
    // The administrator has no password yet: the link to set one for the web UI works.
    const link = /^(http:\/\/127\.0\.0\.1:4000\/set-password\?token=\S+)$/m.exec(stdout)?.[1];
    expect(link).toBeDefined();
    const setupToken = decodeURIComponent(new URL(link!).searchParams.get('token')!);
    const set = await server.graphql(SetPasswordDocument, { token: setupToken, password: 'administrator password' }, { token: null });
    expect(set.data!.setPassword).toMatchObject({ email: data!.me!.email });
  });
});

describe('users, passwords and sessions', () => {
  let organisationId: string;
  const email = 'aigerim@partner.example';
  const password = 'correct horse battery';

  beforeAll(async () => {
    organisationId = await createOrganisation(server, 'Session Test Partner');
  });

  it('invites a user, who sets a password with the one-time token and signs in with an httpOnly cookie', async () => {
    const invitation = await invite('PARTNER_EDITOR', email.toUpperCase(), organisationId);
    expect(invitation.user).toMatchObject({ email, role: 'PARTNER_EDITOR', organisation: { id: organisationId } });

    const weak = await server.graphql(SetPasswordDocument, { token: invitation.passwordSetupToken, password: 'short' }, { token: null });
    expect(weak.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const set = await server.graphql(SetPasswordDocument, { token: invitation.passwordSetupToken, password }, { token: null });
    expect(set.data!.setPassword.email).toBe(email);
    const reused = await server.graphql(SetPasswordDocument, { token: invitation.passwordSetupToken, password }, { token: null });
    expect(reused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SETUP_TOKEN' });

    const login = await browserRequest('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } } }', { e: email, p: password });
    expect(login.body.errors).toBeUndefined();
    const setCookie = login.response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^yntymak_session=yk_ses_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Expires=/i);
    const cookie = setCookie.split(';')[0];

    const me = await browserRequest('{ me { email role } }', {}, cookie);
    expect(me.body.data!.me).toEqual({ email, role: 'PARTNER_EDITOR' });

    const logout = await browserRequest('mutation { logout }', {}, cookie);
    expect(logout.body.data!.logout).toBe(true);
    expect(logout.response.headers.get('set-cookie')).toMatch(/yntymak_session=;/);
    // The ended session's cookie reads public data as anonymous, is cleared, and is told apart
    // from "never signed in" where a caller is needed.
    const after = await browserRequest('{ me { email } themes { code } }', {}, cookie);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.me).toBeNull();
    expect(after.response.headers.get('set-cookie')).toMatch(/yntymak_session=;/);
    const guarded = await browserRequest('{ apiTokens { id } }', {}, cookie);
    expect(guarded.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const anonymous = await browserRequest('{ apiTokens { id } }', {});
    expect(anonymous.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_SIGNED_IN' });
  });

  it('answers a wrong password and an unknown e-mail alike, and locks after repeated failures', async () => {
    const wrongPassword = await server.graphql(LoginDocument, { email, password: 'not the password' }, { token: null });
    const unknownEmail = await server.graphql(LoginDocument, { email: 'nobody@partner.example', password }, { token: null });
    expect(wrongPassword.errors![0]).toMatchObject({ message: 'Wrong e-mail or password.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknownEmail.errors![0].message).toBe(wrongPassword.errors![0].message);
    expect(unknownEmail.errors![0].extensions).toEqual(wrongPassword.errors![0].extensions);

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await server.graphql(LoginDocument, { email, password: `wrong ${attempt}` }, { token: null });
    }
    const locked = await server.graphql(LoginDocument, { email, password }, { token: null });
    expect(locked.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS' });
    expect(locked.errors![0].message).toMatch(/Try again in \d+ minutes?/);
  });

  it('lets an administrator list, change and deactivate users', async () => {
    const invitation = await invite('PARTNER_VIEWER', 'viewer@partner.example', organisationId);
    const listed = await server.graphql(UsersDocument, { filter: { organisationId } });
    expect(listed.data!.users.nodes.map((user) => user.email)).toEqual(expect.arrayContaining(['viewer@partner.example', email]));
    const promoted = await server.graphql(UpdateUserDocument, { id: invitation.user.id, input: { role: 'PARTNER_EDITOR' } });
    expect(promoted.data!.updateUser).toMatchObject({ role: 'PARTNER_EDITOR', version: 2 });
    const duplicate = await server.graphql(CreateUserDocument, { input: { email: 'viewer@partner.example', name: 'Again', role: 'PARTNER_VIEWER', organisationId } });
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMAIL_TAKEN', field: 'input.email' });
    const noOrganisation = await server.graphql(CreateUserDocument, { input: { email: 'orphan@partner.example', name: 'Orphan', role: 'PARTNER_EDITOR' } });
    expect(noOrganisation.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
  });
});

describe('the sign-in lock under parallel guesses', () => {
  const email = 'burst@partner.example';
  const password = 'the right password';
  const clearThrottle = () => server.orm.em.getConnection().execute('delete from login_throttle');
  const attempt = (guess: string) => server.graphql(LoginDocument, { email, password: guess }, { token: null });
  const codes = (results: { errors?: { extensions?: { code?: string } }[] }[]) => results.map((result) => result.errors?.[0]?.extensions?.code ?? 'ok');

  beforeAll(async () => {
    const invitation = await invite('PARTNER_VIEWER', email, await createOrganisation(server, 'Burst Partner'));
    await server.graphql(SetPasswordDocument, { token: invitation.passwordSetupToken, password }, { token: null });
  });
  beforeEach(clearThrottle);
  afterAll(clearThrottle);

  it('checks at most five of twenty wrong passwords sent at once and refuses the rest unchecked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => attempt(`wrong guess ${index}`)));
    const outcome = codes(results);
    // A checked wrong password answers UNAUTHENTICATED; an unchecked one TOO_MANY_REQUESTS.
    expect(outcome.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(outcome.filter((code) => code === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(15);
    expect(outcome.every((code) => code === 'UNAUTHENTICATED' || code === 'TOO_MANY_REQUESTS')).toBe(true);
    expect((await attempt(password)).errors![0].extensions!.code).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses the right password sent in a burst after five failures', async () => {
    for (let index = 0; index < 5; index += 1) {
      expect((await attempt(`wrong ${index}`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const burst = await Promise.all([...Array.from({ length: 19 }, (_, index) => attempt(`again ${index}`)), attempt(password)]);
    expect(codes(burst)).toEqual(Array(20).fill('TOO_MANY_REQUESTS'));
  });

  it('does not count a success as a failure', async () => {
    for (let index = 0; index < 4; index += 1) await attempt(`wrong ${index}`);
    // Were successes counted, the second would be the sixth attempt from this address.
    expect((await attempt(password)).errors).toBeUndefined();
    expect((await attempt(password)).errors).toBeUndefined();
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, record their use, and stop working when revoked', async () => {
    const organisationId = await createOrganisation(server, 'Token Partner');
    const { token, userId } = await server.tokenFor('PARTNER_VIEWER', organisationId);
    expect((await server.graphql(MeDocument, {}, { token })).data!.me!.id).toBe(userId);

    const mine = await server.graphql(ApiTokensDocument, {}, { token });
    expect(mine.data!.apiTokens).toHaveLength(1);
    const [listed] = mine.data!.apiTokens;
    expect(token.startsWith(listed.prefix)).toBe(true);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(mine.data)).not.toContain(token);
    const [{ count }] = await server.orm.em.getConnection().execute<{ count: string }[]>('select count(*) from api_token where secret_hash = ? or prefix = ?', [token, token]);
    expect(Number(count)).toBe(0);

    const second = await server.graphql(CreateApiTokenDocument, { input: { name: 'sync job', expiresInDays: 30 } }, { token });
    expect(second.data!.createApiToken.secret).toMatch(/^yk_tok_/);

    const revoked = await server.graphql(RevokeApiTokenDocument, { id: listed.id }, { token });
    expect(revoked.data!.revokeApiToken.active).toBe(false);
    const refused = await server.graphql(MeDocument, {}, { token });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    // Anonymous callers may read public data, but a bad token is refused rather than ignored.
    const publicWithBadToken = await server.graphql(CoordinationBodiesDocument, {}, { token });
    expect(publicWithBadToken.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.graphql(MeDocument, {}, { token: second.data!.createApiToken.secret })).data!.me!.id).toBe(userId);
  });

  it("stop working when their user is deactivated, and are the owner's to revoke", async () => {
    const organisationId = await createOrganisation(server, 'Deactivated Partner');
    const alice = await server.tokenFor('PARTNER_EDITOR', organisationId);
    const bob = await server.tokenFor('PARTNER_EDITOR', organisationId);
    const [aliceToken] = (await server.graphql(ApiTokensDocument, {}, { token: alice.token })).data!.apiTokens;
    const notYours = await server.graphql(RevokeApiTokenDocument, { id: aliceToken.id }, { token: bob.token });
    const missing = await server.graphql(RevokeApiTokenDocument, { id: '00000000-0000-4000-8000-000000000000' }, { token: bob.token });
    expect(notYours.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(missing.errors![0].message).toBe(notYours.errors![0].message);
    const othersList = await server.graphql(ApiTokensDocument, { userId: alice.userId }, { token: bob.token });
    expect(othersList.errors![0].extensions!.code).toBe('FORBIDDEN');

    await server.graphql(UpdateUserDocument, { id: alice.userId, input: { active: false } });
    const refused = await server.graphql(MeDocument, {}, { token: alice.token });
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuse a malformed Authorization header', async () => {
    const { errors } = await server.graphql(MeDocument, {}, { token: null, headers: { authorization: 'Token abc' } });
    expect(errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errors![0].message).toContain('Bearer');
  });
});

describe('what anonymous callers get', () => {
  it('public reference data, but no personal data and no writes', async () => {
    const council = (await server.graphql(CoordinationBodiesDocument, {})).data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!;
    const organisationId = await createOrganisation(server, 'Org With Representative');
    await server.graphql(AddMembershipDocument, {
      input: { bodyId: council.id, organisationId, representatives: [{ name: 'Nurlan Test', email: 'nurlan@example.org', phone: '+996 555 000 000' }] },
    });
    const representative = (result: Awaited<ReturnType<typeof contacts>>) =>
      result.data!.coordinationBodies.flatMap((body) => body.members.nodes.flatMap((member) => member.representatives)).find((person) => person.name === 'Nurlan Test')!;
    const contacts = (token?: string | null) => server.graphql(CouncilContactsDocument, {}, { token });

    expect(representative(await contacts())).toEqual({ name: 'Nurlan Test', email: 'nurlan@example.org', phone: '+996 555 000 000' });
    expect(representative(await contacts(null))).toEqual({ name: 'Nurlan Test', email: null, phone: null });

    const project = await createProject(server, { contacts: [{ name: 'Office', email: 'office@example.org' }] });
    const anonymousProject = await server.graphql(ProjectDocument, { id: project.id }, { token: null });
    expect(anonymousProject.data!.project!.contacts).toEqual([{ name: 'Office', organisation: null, email: null, website: null }]);

    const write = await server.graphql(CreateOrganisationDocument, { input: { name: { en: 'Anon' }, kind: 'OTHER' } }, { token: null });
    expect(write.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const users = await server.graphql(UsersDocument, {}, { token: null });
    expect(users.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.graphql(MeDocument, {}, { token: null })).data!.me).toBeNull();
  });
});

describe('the audit trail', () => {
  it('records who changed which fields of a project, before and after, and nothing for a refused change', async () => {
    const organisationId = await createOrganisation(server, 'Audited Partner');
    const editor = await server.tokenFor('PARTNER_EDITOR', organisationId);
    const project = await createProject(server, { title: { en: 'Audited' }, participants: [{ organisationId, role: 'IMPLEMENTING' }] });

    const updated = await server.graphql(UpdateProjectDocument, { id: project.id, input: { status: 'IMPLEMENTATION', version: 1 } }, { token: editor.token });
    expect(updated.errors).toBeUndefined();
    const events = await server.graphql(AuditEventsDocument, { filter: { entityType: 'Project', entityId: project.id } });
    const [update, create] = events.data!.auditEvents.nodes;
    expect(create).toMatchObject({ action: 'CREATE' });
    expect(update).toMatchObject({ action: 'UPDATE', user: { id: editor.userId }, organisation: { id: organisationId } });
    expect(update.changes).toEqual({ status: { before: 'PIPELINE', after: 'IMPLEMENTATION' } });
    expect(update.requestId).toBeTruthy();

    const before = await server.rowCount('audit_event');
    const refused = await server.graphql(UpdateProjectDocument, { id: project.id, input: { plannedStart: '2030-01-01', plannedEnd: '2020-01-01' } }, { token: editor.token });
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const stale = await server.graphql(UpdateProjectDocument, { id: project.id, input: { status: 'CLOSED', version: 1 } }, { token: editor.token });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await server.rowCount('audit_event')).toBe(before);

    const byUser = await server.graphql(AuditEventsDocument, { filter: { userId: editor.userId } });
    expect(byUser.data!.auditEvents.nodes.every((event) => event.user!.id === editor.userId)).toBe(true);
    const forbidden = await server.graphql(AuditEventsDocument, {}, { token: editor.token });
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('never stores passwords, their hashes or token secrets', async () => {
    const invitation = await invite('SECRETARIAT', 'secretariat@agency.example');
    await server.graphql(SetPasswordDocument, { token: invitation.passwordSetupToken, password: 'a long enough password' }, { token: null });
    const events = await server.graphql(AuditEventsDocument, { filter: { entityType: 'User', entityId: invitation.user.id } });
    const text = JSON.stringify(events.data!.auditEvents.nodes);
    expect(events.data!.auditEvents.nodes.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/scrypt\$|yk_set_|a long enough password/);
    const [{ leaks, sample }] = await server.orm.em
      .getConnection()
      .execute<{ leaks: string; sample: string | null }[]>(
        "select count(*) as leaks, max(changes::text) as sample from audit_event where changes::text ~ 'scrypt\\$|yk_(set|tok|ses)_[A-Za-z0-9_-]{40}|[0-9a-f]{64}'",
      );
    expect({ leaks: Number(leaks), sample }).toEqual({ leaks: 0, sample: null });
  });
});

describe('the sign-in lock per address behind a reverse proxy (TRUST_PROXY)', () => {
  /** Five wrong passwords for five different accounts from `from`, then a sixth from `next`: what it answers. */
  async function sixthAfterFiveFrom(hub: TestServer, from: string, next: string): Promise<string | undefined> {
    const login = (email: string, forwardedFor: string) =>
      hub.graphql(LoginDocument, { email, password: 'a wrong password' }, { token: null, headers: { 'x-forwarded-for': forwardedFor } });
    for (let index = 0; index < 5; index += 1) {
      expect((await login(`nobody${index}@proxy.example`, from)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    return (await login('someone.else@proxy.example', next)).errors![0].extensions!.code as string | undefined;
  }

  it('tells clients apart by X-Forwarded-For only when the proxy is trusted', async () => {
    const behindProxy = await startTestServer({ TRUST_PROXY: '127.0.0.1' });
    try {
      // The same client is locked out; another client behind the same proxy is not.
      expect(await sixthAfterFiveFrom(behindProxy, '203.0.113.1', '203.0.113.1')).toBe('TOO_MANY_REQUESTS');
      expect(await sixthAfterFiveFrom(behindProxy, '203.0.113.2', '203.0.113.3')).toBe('UNAUTHENTICATED');
    } finally {
      await behindProxy.close();
    }
    // By default the header is not believed (anyone could send it): every request is from the socket's address.
    const direct = await startTestServer();
    try {
      expect(await sixthAfterFiveFrom(direct, '203.0.113.1', '203.0.113.2')).toBe('TOO_MANY_REQUESTS');
    } finally {
      await direct.close();
    }
  });

  it('reads TRUST_PROXY as off, on, a number of proxies or their addresses, and refuses anything else by name', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(/^Invalid configuration: TRUST_PROXY="the load balancer": expected false, true/);
  });
});
