import pino from 'pino';

/** Redaction is a safety net; code logs ids, never PHI. */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['password', '*.password', 'req.headers.cookie', 'req.headers.authorization', '*.accessToken', '*.refreshToken', 'email', '*.email'],
      censor: '[REDACTED]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
