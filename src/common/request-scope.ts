import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestContext } from './context';

/**
 * What one HTTP request carries through every async step it causes: the SQL statements it
 * sent (for the per-request counter), its GraphQL operation (for the log line) and, once built,
 * its context: the audit trail written by the ORM and the log line name the context's caller.
 */
export interface RequestScope {
  requestId: string;
  statements: number;
  operationName?: string;
  context?: RequestContext;
  /**
   * For the metrics (server/metrics.ts): the operation's label once Apollo resolved it, and
   * whether Apollo counted the request's errors. On the scope rather than in weak maps keyed by
   * it: each entry of those was one more thing for every garbage collection to trace.
   */
  metricsOperation?: string;
  errorsCounted?: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` inside `scope`; everything it starts, however deep, sees the same scope. */
export function runInScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Called by the ORM logger for every statement sent to PostgreSQL. */
export function recordSqlStatement(): void {
  const scope = scopes.getStore();
  if (scope) scope.statements += 1;
}
