import type { Context, Next } from 'koa';
import { logger } from '../logger';

/**
 * Logs, at warn level, every request slower than `thresholdMs` (SLOW_REQUEST_MS): method, matched route, status
 * and time, so that a stall under load can be traced to a route without logging every request. 0 turns it off.
 */
export function slowRequests(thresholdMs: number) {
  return async function logSlowRequest(ctx: Context, next: Next) {
    if (thresholdMs <= 0) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = performance.now() - started;
      if (ms >= thresholdMs)
        logger.warn(
          {
            method: ctx.method,
            route: (ctx as { routerPath?: string }).routerPath ?? ctx.path,
            status: ctx.status,
            ms: Math.round(ms),
          },
          'slow request',
        );
    }
  };
}
