import pino, { type DestinationStream, type Logger } from 'pino';
import { currentScope } from './request-scope';

const { chindingsSym } = pino.symbols;

/**
 * One structured JSON logger for the process; fastify and the ORM log through it. Every line
 * written while a request is handled carries its `reqId` (from the request scope), also those
 * of loggers that do not know the request: the ORM's SQL, knex's pool, the error formatter.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'yntymak' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
        censor: '[redacted]',
      },
      mixin(_object, _level, logger) {
        const scope = currentScope();
        // A child that names the request already (a route's own logger) keeps its own.
        if (!scope || String((logger as unknown as Record<symbol, unknown>)[chindingsSym]).includes('"reqId"')) return {};
        return { reqId: scope.requestId };
      },
    },
    destination,
  );
}
