import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from './sql';

/**
 * Reads the rows of `statement` as a named prepared statement, for the hub's hot reads (one
 * project, a page of projects, an overlap page, the token lookup). MikroORM's `execute` writes the
 * values into the text and sends it through the simple protocol, so PostgreSQL plans it afresh on
 * every request: for one project with its relations that was half the database's time. Here the
 * values travel as parameters of a statement that each pooled connection parses once (pg keeps
 * the names it has prepared per connection) and PostgreSQL may then plan once for all values.
 *
 * Its name is derived from its text, so one text is one name on every connection. Values that
 * are arrays become one placeholder per element, as `execute` writes them, so an `in (…)` list
 * of another length is another statement. It goes to pg on a connection lent by knex's pool (or
 * the request's transaction), watched by the pooled connection's watchdog, without knex's query
 * runner, which cost about 50 µs of a request's CPU; it is logged and counted like `execute`'s
 * (the ORM logger feeds the per-request statement counter); errors are pg's own.
 *
 * Prepared statements belong to a server session: a pooler between the hub and PostgreSQL must
 * keep each client on its own session (PgBouncer in session mode, or 1.21+ with
 * max_prepared_statements). A migration that changes the type of a column these statements
 * return makes their cached plans fail ("cached plan must not change result type") on the
 * connections of replicas started before it, until those reconnect.
 */
export async function preparedRows<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  const { text, name, values } = numbered(statement);
  const connection = em.getConnection();
  await connection.ensureConnection();
  // The request's transaction, if any, lends its own connection; otherwise the pool lends one.
  const transaction = em.getTransactionContext<{ client: PoolClient }>();
  const client = transaction?.client ?? (connection.getKnex().client as PoolClient);
  const logger = em.config.getLogger();
  const started = Date.now();
  let pg: PgConnection | undefined;
  try {
    pg = await client.acquireConnection();
    const lent = pg;
    const rows = await new Promise<T[]>((resolve, reject) => {
      // The callback form: the pooled connection's watchdog (db/availability.ts) watches only that.
      lent.query(name ? { name, text, values } : { text, values }, (error, result) => (error ? reject(error) : resolve(result!.rows as T[])));
    });
    logger.logQuery({ level: 'info', query: text, params: values, took: Date.now() - started, results: rows.length });
    return rows;
  } catch (error) {
    logger.logQuery({ level: 'error', query: text, params: values, took: Date.now() - started });
    throw error;
  } finally {
    if (pg) await client.releaseConnection(pg);
  }
}

/** What knex's pg client (or a transaction's) offers: a pooled pg connection lent and given back. */
interface PoolClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }, callback: (error: Error | null, result?: { rows: unknown[] }) => void): void;
}

/**
 * How many texts this process prepares at most. Each is kept by every pooled connection it ran
 * on, on both ends; the hot statements are a few dozen texts. Past this, a statement still goes
 * with parameters but unnamed (planned each time), so memory cannot grow with odd filters.
 */
export const MAX_PREPARED_TEXTS = 200;
const names = new Map<string, string>();

/** The name of `text`'s prepared statement, or null once MAX_PREPARED_TEXTS texts have names. */
function statementName(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED_TEXTS) return null;
    name = `y_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** Numbered texts and their names by the text they were made from (statements without array values). */
const numberedTexts = new Map<string, { text: string; name: string | null }>();

/**
 * The statement's text as pg takes it, its prepared statement's name and its values. A text kept
 * by its builder (projectOverlapPageSql) is the same string on every request, so looking it up
 * here does not even hash it again.
 */
function numbered(statement: Sql): { text: string; name: string | null; values: unknown[] } {
  if (statement.params.some(Array.isArray)) {
    const { text, values } = numberedPlaceholders(statement);
    return { text, name: statementName(text), values };
  }
  let kept = numberedTexts.get(statement.sql);
  if (!kept) {
    const { text } = numberedPlaceholders(statement);
    kept = { text, name: statementName(text) };
    if (numberedTexts.size < MAX_PREPARED_TEXTS) numberedTexts.set(statement.sql, kept);
  }
  return { ...kept, values: statement.params.map((value) => value ?? null) };
}

/**
 * `statement` with its placeholders numbered (`$1`, `$2` …, as pg takes them) and each array value
 * spread into one placeholder per element; undefined sent as null.
 */
function numberedPlaceholders(statement: Sql): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let index = 0;
  const placeholder = (value: unknown) => {
    values.push(value ?? null);
    return `$${values.length}`;
  };
  const text = statement.sql.replace(/\?/g, () => {
    const value = statement.params[index++];
    return Array.isArray(value) ? value.map(placeholder).join(', ') : placeholder(value);
  });
  return { text, values };
}
