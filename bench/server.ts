/** What both benchmarks share: the server started as deployed, and BENCHMARKS.md's sections. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';
import { freePort } from '../test/support/ports';

/**
 * Starts the built server on a database as a child process, as deployed (NODE_ENV=production),
 * without rate limits: a benchmark sends thousands of requests a minute from one address. On
 * this process's Node unless `node` names another binary.
 */
export async function startServer(databaseUrl: string, logLevel = 'warn', node = process.execPath): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(node, [join(projectRoot, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: logLevel,
      SEED_ON_START: 'false',
      NODE_ENV: 'production',
      SQL_COUNT_HEADER: 'true',
      RATE_LIMITS: 'false',
    },
    stdio: ['ignore', logLevel === 'warn' ? 'ignore' : 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not become ready within 60 s');
}

/** The part of BENCHMARKS.md that another script writes, between its markers (kept on rewrite). */
export function keepSection(current: string, name: string): string {
  const start = current.indexOf(`<!-- ${name}:start -->`);
  const end = current.indexOf(`<!-- ${name}:end -->`);
  return start >= 0 && end > start ? current.slice(start, end + `<!-- ${name}:end -->`.length) : '';
}

/** BENCHMARKS.md with the named section replaced by (or, when missing, followed by) `section`. */
export function replaceSection(current: string, name: string, section: string): string {
  const old = keepSection(current, name);
  const wrapped = `<!-- ${name}:start -->\n${section.trim()}\n<!-- ${name}:end -->`;
  return old ? current.replace(old, wrapped) : `${current.trimEnd()}\n\n${wrapped}\n`;
}

/**
 * CPU time a process has used so far, in ms, from /proc (Linux; null elsewhere). On a shared
 * two-core machine wall-clock times wander from run to run; the server's own CPU per request
 * is the steadier figure for comparing versions of the code.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 10 ms (fields 14 and 15 of proc(5)).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
