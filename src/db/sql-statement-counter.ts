import { AsyncLocalStorage } from 'node:async_hooks';

/** What one request has sent to PostgreSQL so far. */
export interface SqlStatementTally {
  statements: number;
}

const tallies = new AsyncLocalStorage<SqlStatementTally>();

/** Runs `work` with `tally`; every SQL statement issued inside it, however deep, is counted there. */
export function countSqlStatements<T>(tally: SqlStatementTally, work: () => T): T {
  return tallies.run(tally, work);
}

/** Called by the ORM logger for every statement sent to PostgreSQL. */
export function recordSqlStatement(): void {
  const tally = tallies.getStore();
  if (tally) tally.statements += 1;
}
