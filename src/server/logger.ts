import pino, { type Logger } from 'pino';

/** One structured JSON logger for the process; fastify and the ORM log through it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'yntymak' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
