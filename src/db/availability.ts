import { Client } from 'pg';

/*
 * Whether PostgreSQL takes work, told from the errors of the driver and the pool, and asked
 * directly with a short probe. A database that is down answers at once (connection refused);
 * one that hangs (a stopped process, a full disk, a network that drops packets) answers nothing,
 * so every wait on it has a bound: the pool's acquire timeout, pg's connect timeout, the
 * server's statement_timeout, and the watchdog below for statements already sent.
 */

/** Why a request could not use the database (sent as `extensions.reason`, with the code SERVICE_UNAVAILABLE). */
export enum DatabaseUnavailableReason {
  /** Refused, dropped, shutting down, out of connections, or no connection free in time. */
  DATABASE_UNREACHABLE = 'DATABASE_UNREACHABLE',
  /** A statement ran past statement_timeout and PostgreSQL cancelled it. */
  DATABASE_TIMEOUT = 'DATABASE_TIMEOUT',
}

/** Node's socket errors when PostgreSQL's address does not answer or drops the connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** SQLSTATEs of a server that does not take work now (class 08 and the shutdown codes of 57). */
const SERVER_CODES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
]);

const QUERY_CANCELED = '57014';

/** Messages of pg and knex (they carry no code) for a connection that is gone or never came. */
const UNREACHABLE_MESSAGES = [
  /^Knex: Timeout acquiring a connection/,
  /Connection terminated/,
  /^Connection ended unexpectedly/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^timeout expired$/, // pg's connectionTimeoutMillis

  /^Query read timeout/,
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/**
 * The reason when `error` (or an error it wraps: MikroORM's DriverException, Apollo's
 * GraphQLError, Node's AggregateError of a refused IPv4 and IPv6 connect) says that the database
 * did not take the work; null for every other error, such as a constraint violation.
 */
export function databaseUnavailableReason(error: unknown, depth = 0): DatabaseUnavailableReason | null {
  if (depth > 5 || typeof error !== 'object' || error === null) return null;
  const { name, code, message, cause, originalError, errors } = error as ErrorLike;
  if (code === QUERY_CANCELED) return DatabaseUnavailableReason.DATABASE_TIMEOUT;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code))) return DatabaseUnavailableReason.DATABASE_UNREACHABLE;
  if (name === 'KnexTimeoutError') return DatabaseUnavailableReason.DATABASE_UNREACHABLE;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return DatabaseUnavailableReason.DATABASE_UNREACHABLE;
  for (const inner of [cause, originalError, ...(Array.isArray(errors) ? errors : [])]) {
    const reason = databaseUnavailableReason(inner, depth + 1);
    if (reason) return reason;
  }
  return null;
}

export interface ProbeResult {
  answers: boolean;
  /** What went wrong, for /readyz and the log: a code or pg's own words. */
  reason?: string;
}

/** A pg Client's socket (not in pg's types): destroying it ends a connection to a server that hangs. */
function destroySocket(client: Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/**
 * Opens a fresh connection and runs `select 1`, within `timeoutMs` in all. A fresh connection
 * (not one of the pool's) is what a new request would need, and a probe of a hung server leaves
 * no pooled connection stuck behind it.
 */
export async function probeDatabase(url: string, timeoutMs: number): Promise<ProbeResult> {
  const client = new Client({ connectionString: url });
  // A socket error after the probe has given its answer has nobody left to tell.
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.query('select 1')), deadline]);
    void client.end().catch(() => undefined);
    return { answers: true };
  } catch (error) {
    destroySocket(client);
    const { code, message } = error as ErrorLike;
    return { answers: false, reason: typeof code === 'string' ? `${code}: ${String(message)}` : String(message) };
  } finally {
    clearTimeout(timer);
  }
}

/** One probe at a time per database: concurrent readiness checks share its answer. */
const probesInFlight = new Map<string, Promise<ProbeResult>>();

export function sharedProbe(url: string, timeoutMs: number): Promise<ProbeResult> {
  let probe = probesInFlight.get(url);
  if (!probe) {
    probe = probeDatabase(url, timeoutMs).finally(() => probesInFlight.delete(url));
    probesInFlight.set(url, probe);
  }
  return probe;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

class ProbeTimeout extends Error {}

/**
 * The watchdog's question "does the server still answer?", asked over a connection of its own
 * that stays open while the pool has connections. A fresh connection for each probe would need
 * SCRAM's key derivation, which runs in Node's thread pool: in a burst of sign-ins (scrypt, in
 * the same pool) it could wait longer than the probe may take, and a healthy server would be
 * taken for a hung one. After the connection broke, a probe opens it anew once.
 */
class LiveProbe {
  private connection: { client: Client; opened: Promise<Client> } | null = null;
  private inFlight: Promise<boolean> | null = null;
  /** Pooled connections alive; the probe's own connection is closed when none is. */
  private users = 0;

  constructor(private readonly url: string) {}

  retain(): void {
    this.users += 1;
    this.connection ??= this.open();
  }

  release(): void {
    this.users -= 1;
    if (this.users === 0 && this.connection) this.discard(this.connection.client);
  }

  answers(timeoutMs: number): Promise<boolean> {
    this.inFlight ??= this.check(timeoutMs).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async check(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const connection = (this.connection ??= this.open());
      try {
        const client = await withTimeout(connection.opened, deadline - Date.now());
        await withTimeout(client.query('select 1'), deadline - Date.now());
        return true;
      } catch (error) {
        this.discard(connection.client);
        // No answer in time is the answer; a broken connection gets one fresh try.
        if (error instanceof ProbeTimeout || Date.now() >= deadline) return false;
      }
    }
    return false;
  }

  private open(): { client: Client; opened: Promise<Client> } {
    const client = new Client({ connectionString: this.url });
    // It never keeps the process from exiting.
    (client as unknown as { connection?: { stream?: { unref?(): void } } }).connection?.stream?.unref?.();
    client.on('error', () => this.discard(client));
    client.on('end', () => this.discard(client));
    const opened = client.connect().then(() => client);
    opened.catch(() => this.discard(client));
    return { client, opened };
  }

  private discard(client: Client): void {
    if (this.connection?.client === client) this.connection = null;
    destroySocket(client);
  }
}

const liveProbes = new Map<string, LiveProbe>();

function liveProbe(url: string): LiveProbe {
  let probe = liveProbes.get(url);
  if (!probe) {
    probe = new LiveProbe(url);
    liveProbes.set(url, probe);
  }
  return probe;
}

/** A statement without an answer for this long makes the watchdog ask whether the server still answers. */
export const WATCHDOG_CHECK_AFTER_MS = 2500;
/** How long the watchdog's probe may take before the server counts as hung. */
export const WATCHDOG_PROBE_TIMEOUT_MS = 2000;

type QueryCallback = (error: Error | null, result?: unknown) => void;

/**
 * Watches every statement knex sends on this pooled connection. PostgreSQL's statement_timeout
 * cannot stop a statement when the server itself is stopped or cut off, and pg would wait for its
 * answer for ever. When a statement has had no answer for WATCHDOG_CHECK_AFTER_MS, a probe asks
 * whether the server still answers: if it does, the statement is merely long (statement_timeout,
 * or a longer SET LOCAL of batch work, governs it) and the watchdog waits again; if not, the
 * connection is closed, so the statement fails with "Connection terminated" (a request then
 * answers SERVICE_UNAVAILABLE) and the pool discards the connection. Closing it, rather than
 * only giving up on the answer, also ends its transaction: nothing half-done stays open on a
 * connection that the pool would lend again.
 */
export function watchStatements(client: Client, url: string): void {
  const probe = liveProbe(url);
  probe.retain();
  client.once('end', () => probe.release());
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    // Knex always passes a callback; the promise form (unused here) goes through unwatched.
    if (typeof callback !== 'function') return query(...args);
    let answered = false;
    let timer: NodeJS.Timeout;
    const wait = () => {
      timer = setTimeout(() => {
        void probe.answers(WATCHDOG_PROBE_TIMEOUT_MS).then((answers) => {
          if (answered) return;
          if (answers) wait();
          else destroySocket(client);
        });
      }, WATCHDOG_CHECK_AFTER_MS);
      timer.unref();
    };
    wait();
    args[last] = (error: Error | null, result?: unknown) => {
      answered = true;
      clearTimeout(timer);
      (callback as QueryCallback)(error, result);
    };
    return query(...args);
  };
}
