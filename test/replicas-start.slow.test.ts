/**
 * Two replicas started at the same moment on a new, empty database: one migrates and loads the
 * reference data while the other waits for it, and both serve. Needs `npm run build`.
 */
import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing } from '../src/db/embedded-postgres';
import { graphqlAt, killLeftovers, runServer } from './support/child-server';
import { ADMIN_URL_VARIABLE } from './support/cluster';
import { freePort } from './support/ports';

afterAll(killLeftovers);

it('migrates once when two replicas start together on an empty database', async () => {
  const adminUrl = process.env[ADMIN_URL_VARIABLE]!;
  const name = `replicas_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ports = [await freePort(), await freePort()];
  const servers = ports.map((port) => runServer({ DATABASE_URL: url.toString(), PORT: String(port) }));
  try {
    await Promise.all(servers.map((server) => server.waitFor('serves GraphQL at', 180_000)));
    expect(servers.filter((server) => server.output().includes('applied migrations'))).toHaveLength(1);
    expect(servers.filter((server) => server.output().includes('loaded reference geography'))).toHaveLength(1);
    for (const port of ports) {
      const answer = await graphqlAt<{ adminUnits: { totalCount: number } }>(`http://127.0.0.1:${port}`, '{ adminUnits(filter: { kind: OBLAST }) { totalCount } }');
      expect(answer.data!.adminUnits.totalCount).toBe(7);
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((server) => server.exited))).toEqual([0, 0]);
  }
});
