import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
  redact: { paths: ['req.headers.authorization', '*.password', '*.phone', '*.session_key'], censor: '***' },
});
export type Logger = typeof logger;
