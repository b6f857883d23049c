/**
 * The embedded PostgreSQL as `npm start` runs it, in a data folder of its own: backed up while
 * the hub runs and while it does not, restored into an empty folder, and killed with SIGKILL
 * under the server, which stops, and whose next start loses no acknowledged write.
 * Needs `npm run build` (done by `pretest`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../src/config/paths';
import { adminTokenFor, graphqlAt, killLeftovers, runServer, stopPostmasterOf } from './support/child-server';
import { freePort } from './support/ports';

const run = promisify(execFile);
const script = (name: string) => join(projectRoot, 'dist', 'scripts', `${name}.js`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the embedded PostgreSQL', () => {
  let folder: string;
  let env: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'yntymak-crash-'));
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: join(folder, 'data'),
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    url = `http://127.0.0.1:${env.PORT}`;
  });

  afterAll(async () => {
    killLeftovers();
    for (const data of ['data', 'restored']) {
      try {
        stopPostmasterOf(join(folder, data));
      } catch {
        // None running: the tests stopped it.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await rm(folder, { recursive: true, force: true });
  });

  const projectCount = async () =>
    (await graphqlAt<{ projects: { totalCount: number } }>(url, '{ projects(filter: { search: "Acknowledged" }) { totalCount } }')).data!.projects.totalCount;

  it('is backed up while the hub runs; killed with SIGKILL, the hub stops, and the next start has every acknowledged write', async () => {
    const server = runServer(env);
    await server.waitFor('serves GraphQL at', 180_000);
    const password = readFileSync(join(env.DATA_DIR, 'postgres-password'), 'utf8').trim();
    const token = await adminTokenFor(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/yntymak`);
    for (let index = 0; index < 5; index += 1) {
      const created = await graphqlAt(url, `mutation { createProject(input: { title: { en: "Acknowledged ${index}" }, status: PIPELINE }) { id } }`, {}, token);
      expect(created.errors).toBeUndefined();
    }

    const running = await run(process.execPath, [script('backup'), join(folder, 'backups')], { env });
    expect(running.stdout).toMatch(/Backup written: .+yntymak-.+\.pgcopy\.gz/);

    const postmaster = Number(readFileSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('The embedded PostgreSQL stopped unexpectedly (killed by SIGKILL)');

    const restarted = runServer(env);
    await restarted.waitFor('serves GraphQL at', 180_000);
    expect(await projectCount()).toBe(5);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    expect(isAlive(postmaster)).toBe(false);
  });

  it('is backed up when the hub is not running, and restored into an empty folder but not over its data', async () => {
    const stopped = await run(process.execPath, [script('backup'), join(folder, 'backups')], { env });
    const file = /Backup written: (\S+)/.exec(stopped.stdout)![1];
    const rows = /, ([\d,]+) rows/.exec(stopped.stdout)![1];
    // The backup started PostgreSQL for itself and stopped it again.
    expect(existsSync(join(env.DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);

    const [over, missing] = await Promise.all(
      [file, join(folder, 'nothing.pgcopy.gz')].map((path) => run(process.execPath, [script('restore'), path], { env }).catch((error) => error)),
    );
    expect(over.code).toBe(1);
    expect(over.stderr.trim().split('\n')).toHaveLength(1);
    expect(over.stderr).toMatch(/^The embedded database in .+ is not empty/);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`No backup file at ${join(folder, 'nothing.pgcopy.gz')}.`);

    const fresh = { ...env, DATA_DIR: join(folder, 'restored') };
    const restored = await run(process.execPath, [script('restore'), file], { env: fresh });
    expect(restored.stdout).toContain(`${rows} rows`);
    const server = runServer(fresh);
    await server.waitFor('serves GraphQL at', 180_000);
    expect(server.output()).not.toContain('applied migrations');
    expect(await projectCount()).toBe(5);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
