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
 * of another length is another statement. The statement goes through knex (the pool, the
 * request's transaction if any, the pooled connection's watchdog) and is logged and counted like
 * `execute`'s (the ORM logger feeds the per-request statement counter); errors are pg's own,
 * as `execute` leaves them.
 *
 * Prepared statements belong to a server session: a pooler between the hub and PostgreSQL must
 * keep each client on its own session (PgBouncer in session mode, or 1.21+ with
 * max_prepared_statements). A migration that changes the type of a column these statements
 * return makes their cached plans fail ("cached plan must not change result type") on the
 * connections of replicas started before it, until those reconnect.
 */
export async function preparedRows<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  const { text, values } = expandedArrays(statement);
  const connection = em.getConnection();
  await connection.ensureConnection();
  const query = connection.getKnex().raw(text, values as never[]);
  const name = statementName(text);
  if (name) query.options({ name });
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const logger = em.config.getLogger();
  const started = Date.now();
  try {
    const result = (await query) as { rows: T[] };
    logger.logQuery({ level: 'info', query: text, params: values, took: Date.now() - started, results: result.rows.length });
    return result.rows;
  } catch (error) {
    logger.logQuery({ level: 'error', query: text, params: values, took: Date.now() - started });
    throw error;
  }
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

/** `statement` with each array value spread into one `?` per element; undefined sent as null. */
function expandedArrays(statement: Sql): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let index = 0;
  const text = statement.sql.replace(/\?/g, () => {
    const value = statement.params[index++];
    if (!Array.isArray(value)) {
      values.push(value ?? null);
      return '?';
    }
    values.push(...value.map((element: unknown) => element ?? null));
    return value.map(() => '?').join(', ');
  });
  return { text, values };
}
