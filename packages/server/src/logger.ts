import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs on stdout; secrets in headers are never written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'caredesk' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.token', '*.password'],
  });
}
