import type { LogContext, Logger, LoggerNamespace } from '@mikro-orm/core';
import type { Logger as PinoLogger } from 'pino';
import { recordSqlStatement } from '../common/request-scope';

/**
 * Routes MikroORM's log lines to pino and counts every SQL statement for the per-request
 * statement counter (see `common/request-scope.ts`). Queries are logged at debug level.
 */
export class OrmLogger implements Logger {
  constructor(private readonly pino: PinoLogger) {}

  log(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'debug';
    this.pino[level]({ orm: namespace }, message);
  }

  error(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'error' });
  }

  warn(namespace: LoggerNamespace | string, message: string, context?: LogContext): void {
    this.log(namespace, message, { ...context, level: 'warning' });
  }

  logQuery(context: LogContext): void {
    recordSqlStatement();
    if (context.level === 'error') {
      this.pino.warn({ sql: context.query, tookMs: context.took }, 'SQL statement failed');
    } else if (this.pino.isLevelEnabled('debug')) {
      this.pino.debug({ sql: context.query, tookMs: context.took, rows: context.results }, 'SQL');
    }
  }

  setDebugMode(): void {
    // Levels come from pino's configuration.
  }

  isEnabled(): boolean {
    return this.pino.isLevelEnabled('debug');
  }
}
