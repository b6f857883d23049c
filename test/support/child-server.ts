import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { issueAdminToken } from '../../src/auth/auth.service';
import { projectRoot } from '../../src/config/paths';
import { initOrm } from '../../src/db/orm';

export const MAIN = join(projectRoot, 'dist', 'src', 'main.js');

/** `node dist/src/main.js` (what `npm start` runs) in a child process, its output collected. */
export interface ChildServer {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Resolves when the output contains `text`; fails with the output when it exits or times out. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills the servers a failed test left running (call in afterAll). */
export function killLeftovers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

/** Stops, with a fast shutdown, a PostgreSQL still running on a test's data folder. */
export function stopPostmasterOf(dataDir: string): void {
  const pid = Number.parseInt(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), { encoding: 'utf8', flag: 'r' }).split('\n')[0], 10);
  if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGINT');
}

/** Runs the built server with `env` only (and PATH, HOME), on this Node or the `node` binary given. */
export function runServer(env: Record<string, string>, nodeBinary = process.execPath): ChildServer {
  const child = spawn(nodeBinary, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(text, timeoutMs = 120_000) {
      const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output));
      if (found()) return Promise.resolve();
      // Checked on every chunk of output, so a test can act the moment a line appears.
      return new Promise<void>((resolve, reject) => {
        const stop = () => {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.stderr!.off('data', check);
          child.off('exit', exit);
        };
        const check = () => {
          if (found()) {
            stop();
            resolve();
          }
        };
        const exit = () => {
          stop();
          reject(new Error(`Exited (${child.exitCode ?? child.signalCode}) before ${String(text)}. Output:\n${output}`));
        };
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`Timed out waiting for ${String(text)}. Output:\n${output}`));
        }, timeoutMs);
        child.stdout!.on('data', check);
        child.stderr!.on('data', check);
        child.once('exit', exit);
      });
    },
  };
}

/** An ADMIN's API token on the database at `url` (the child servers share it). */
export async function adminTokenFor(url: string, email = 'admin@test.example'): Promise<string> {
  const orm = await initOrm({ url, logger: pino({ level: 'silent' }), poolMax: 1 });
  try {
    return (await issueAdminToken(orm.em.fork(), email)).secret;
  } finally {
    await orm.close(true);
  }
}

export async function graphqlAt<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[]; headers: Headers }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}
