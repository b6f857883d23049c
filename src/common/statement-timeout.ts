import type { AbstractSqlConnection, Transaction } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * Every pooled connection stops a statement after DB_STATEMENT_TIMEOUT_MS (5 s by default): no
 * statement of a request should take longer. Batch work that legitimately does says so for its
 * own transaction, and only there (SET LOCAL ends with the transaction, deferred triggers at
 * COMMIT included).
 */

/** A request's batch work: a CSV import, a change that makes the analytics recompute everything. */
export const BATCH_STATEMENT_TIMEOUT_MS = 2 * 60_000;
/** Start-up and maintenance: migrations and the reference data. */
export const MAINTENANCE_STATEMENT_TIMEOUT_MS = 30 * 60_000;

export async function setLocalStatementTimeout(connection: AbstractSqlConnection, transaction: Transaction | undefined, timeoutMs: number): Promise<void> {
  await connection.execute(`set local statement_timeout = ${Math.trunc(timeoutMs)}`, [], 'run', transaction);
}

/** Raises the statement timeout for the rest of `em`'s transaction (call it inside `em.transactional`). */
export function allowLongStatements(em: EntityManager, timeoutMs = BATCH_STATEMENT_TIMEOUT_MS): Promise<void> {
  if (!em.isInTransaction()) throw new Error('allowLongStatements outside a transaction would change nothing (SET LOCAL)');
  return setLocalStatementTimeout(em.getConnection(), em.getTransactionContext(), timeoutMs);
}
