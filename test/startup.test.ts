/**
 * `npm start` as a newcomer runs it: the built server in a child process, with its own
 * embedded PostgreSQL in a fresh data folder. Needs `npm run build` (done by `pretest`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';
import { freePort } from './support/ports';

const MAIN = join(projectRoot, 'dist', 'src', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(running: Running, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for "${text}". Output:\n${running.output()}`);
    if (running.child.exitCode !== null) throw new Error(`Exited with ${running.child.exitCode}. Output:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number {
  return Number.parseInt(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
}

async function oblastCount(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ adminUnits(filter: { kind: OBLAST }) { totalCount } }' }),
  });
  const body = (await response.json()) as { data: { adminUnits: { totalCount: number } } };
  return body.data.adminUnits.totalCount;
}

describe('npm start', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yntymak-start-'));
    port = await freePort();
    env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) };
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts from nothing, serves the map, and stops on SIGTERM with exit 0 and no PostgreSQL left', async () => {
    const server = run(env);
    await waitFor(server, 'serves GraphQL at', 60_000);
    expect(server.output()).toContain(`http://127.0.0.1:${port}/graphql`);
    expect(server.output()).toContain(dataDir);
    expect(server.output()).toContain('loaded reference geography');
    expect(await oblastCount(port)).toBe(7);
    const postgres = postmasterPid(dataDir);
    expect(isAlive(postgres)).toBe(true);

    // A second server on the same data refuses to start and leaves the first one's database alone.
    const second = run({ ...env, PORT: String(await freePort()) });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/in use by process \d+/);
    expect(await oblastCount(port)).toBe(7);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(isAlive(postgres)).toBe(false);
  });

  it('recovers from a PostgreSQL left running by a killed run, and a second start adds nothing', async () => {
    const killed = run(env);
    await waitFor(killed, 'serves GraphQL at', 30_000);
    const orphan = postmasterPid(dataDir);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(isAlive(orphan)).toBe(true);

    const server = run(env);
    await waitFor(server, 'serves GraphQL at', 30_000);
    expect(isAlive(orphan)).toBe(false);
    expect(server.output()).not.toContain('loaded reference geography');
    expect(server.output()).not.toContain('applied migrations');
    expect(await oblastCount(port)).toBe(7);

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('refuses a bad PORT with a non-zero exit and one line naming the variable', async () => {
    const server = run({ ...env, PORT: 'abc' });
    expect(await server.exited).not.toBe(0);
    expect(server.output().trim().split('\n')).toHaveLength(1);
    expect(server.output()).toMatch(/PORT.*whole number/);
  });
});
