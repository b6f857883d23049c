/**
 * The smoke check of the built server (`node dist/src/main.js`) on a Node binary: it starts on a
 * database of its own, answers a query, lets a person set a password and sign in, and stops on
 * SIGTERM with exit 0. test/smoke.slow.test.ts runs it on this Node, test/node-versions.test.ts
 * on Node 22 and 24.
 */
import { spawnSync } from 'node:child_process';
import { adminTokenFor, graphqlAt, runServer } from './child-server';
import { freePort } from './ports';
import { createTestDatabase } from './test-server';

export async function smokeCheck(nodeBinary = process.execPath): Promise<void> {
  const version = spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const databaseUrl = await createTestDatabase();
  const token = await adminTokenFor(databaseUrl);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = runServer({ DATABASE_URL: databaseUrl, PORT: String(port), SEED_ON_START: 'false' }, nodeBinary);
  try {
    await server.waitFor('serves GraphQL at');
    expect(server.output()).toContain(`"node":"${version}"`);

    const oblasts = await graphqlAt<{ adminUnits: { totalCount: number } }>(url, '{ adminUnits(filter: { kind: OBLAST }) { totalCount } }');
    expect(oblasts.data!.adminUnits.totalCount).toBe(7);

    const invited = await graphqlAt<{ createUser: { passwordSetupToken: string } }>(
      url,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { passwordSetupToken } }',
      { input: { email: 'smoke@test.example', name: 'Smoke', role: 'SECRETARIAT' } },
      token,
    );
    const password = 'a long enough password 1';
    const set = await graphqlAt(url, 'mutation ($token: String!, $password: String!) { setPassword(token: $token, password: $password) { id } }', {
      token: invited.data!.createUser.passwordSetupToken,
      password,
    });
    expect(set.errors).toBeUndefined();
    const login = await graphqlAt<{ login: { user: { email: string } } }>(
      url,
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { user { email } } }',
      { email: 'smoke@test.example', password },
    );
    expect(login.data!.login.user.email).toBe('smoke@test.example');
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const me = await graphqlAt<{ me: { email: string } }>(url, '{ me { email } }', {}, undefined, { cookie });
    expect(me.data!.me.email).toBe('smoke@test.example');
  } finally {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }
}
