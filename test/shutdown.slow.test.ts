/**
 * The server as deployed (`node dist/src/main.js`, on DATABASE_URL) stopped with SIGTERM under
 * load, and killed with SIGKILL in the middle of a CSV import. Needs `npm run build`.
 */
import { connect } from 'node:net';
import { Client } from 'pg';
import { adminTokenFor, graphqlAt, killLeftovers, runServer } from './support/child-server';
import { freePort } from './support/ports';
import { createTestDatabase } from './support/test-server';

afterAll(killLeftovers);

const IMPORT = `mutation ($csv: String!) { importActivityReports(csv: $csv) { valid created problems { row message } } }`;
const HEADER =
  'project_id,organisation_id,type,title_en,title_ru,title_ky,start_date,end_date,unit_codes,theme_codes,participants_total,participants_women,participants_men,participants_youth,outputs';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function reportCount(url: string): Promise<number> {
  return withClient(url, async (client) => Number((await client.query('select count(*) from activity_report')).rows[0].count));
}

/** A CSV of `rows` valid training reports of a seeded project and one of its organisations. */
async function importFile(url: string, rows: number, label: string): Promise<string> {
  const { project_id: project, organisation_id: organisation } = await withClient(
    url,
    async (client) => (await client.query('select project_id, organisation_id from project_participant order by project_id, organisation_id limit 1')).rows[0],
  );
  const lines = Array.from({ length: rows }, (_, index) => `${project},${organisation},TRAINING,${label} ${index},,,2026-10-01,2026-10-02,KG05214849000,,25,10,15,5,`);
  return [HEADER, ...lines].join('\n');
}

/** One keep-alive connection: requests written on it as asked, everything that comes back collected. */
function connection(port: number, token: string) {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  const closed = new Promise<string>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
  return {
    send(body: string) {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
    closed,
  };
}

describe('stopping the server', () => {
  let databaseUrl: string;
  let token: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    token = await adminTokenFor(databaseUrl);
  });

  it('on SIGTERM finishes the import in flight, refuses what comes after as SERVICE_UNAVAILABLE, and exits 0', async () => {
    const port = await freePort();
    const server = runServer({ DATABASE_URL: databaseUrl, PORT: String(port), SEED_ON_START: 'false' });
    await server.waitFor('serves GraphQL at');
    const before = await reportCount(databaseUrl);
    const csv = await importFile(databaseUrl, 2000, 'Drained');

    // The import; once the server drains, another request on the same (still open) connection.
    const open = connection(port, token);
    open.send(JSON.stringify({ query: IMPORT, variables: { csv } }));
    await server.waitFor('activity import: reports written');
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.waitFor('shutting down');
    open.send(JSON.stringify({ query: '{ themes { code } }' }));
    const fresh = await graphqlAt(`http://127.0.0.1:${port}`, '{ themes { code } }').catch((error: Error) => error);

    const text = await open.closed;
    const statuses = [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
    expect(statuses).toEqual([200, 503]);
    expect(text).toContain('"created":2000');
    const refusal = JSON.parse(text.slice(text.lastIndexOf('\r\n\r\n') + 4)) as { errors: { message: string; extensions: { code: string } }[] };
    expect(refusal.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(refusal.errors[0].message).toMatch(/shutting down/);
    expect(text).toMatch(/retry-after: 5/i);
    // A new connection is refused outright, or answered the same way.
    if (!('status' in fresh)) expect(String((fresh.cause as { code?: string })?.code ?? fresh.message)).toMatch(/ECONNREFUSED|ECONNRESET|other side closed/);
    else expect(fresh.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(await reportCount(databaseUrl)).toBe(before + 2000);
  });

  it('killed with SIGKILL during a CSV import leaves none of it, and the next start imports cleanly', async () => {
    const port = await freePort();
    const before = await reportCount(databaseUrl);
    const csv = await importFile(databaseUrl, 4000, 'Killed');
    const killed = runServer({ DATABASE_URL: databaseUrl, PORT: String(port), SEED_ON_START: 'false' });
    await killed.waitFor('serves GraphQL at');
    const pending = graphqlAt(`http://127.0.0.1:${port}`, IMPORT, { csv }, token).catch((error: Error) => error);
    // The first thousand rows are written inside the import's transaction, not committed.
    await killed.waitFor('activity import: reports written');
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBeNull();
    // The client sees the connection drop (fetch's TypeError), not an answer.
    expect(String(await pending)).toMatch(/fetch failed/);
    expect(await reportCount(databaseUrl)).toBe(before);

    const restarted = runServer({ DATABASE_URL: databaseUrl, PORT: String(port), SEED_ON_START: 'false' });
    await restarted.waitFor('serves GraphQL at');
    const again = await graphqlAt<{ importActivityReports: { created: number } }>(`http://127.0.0.1:${port}`, IMPORT, { csv: await importFile(databaseUrl, 20, 'After') }, token);
    expect(again.data?.importActivityReports.created).toBe(20);
    expect(await reportCount(databaseUrl)).toBe(before + 20);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
