import type { Context, Next } from 'koa';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
  /** What is counted: e.g. the client IP, or the account named in the body. Return undefined to skip. */
  key: (ctx: Context) => string | undefined;
  /** Prefix that keeps limiters with the same keys apart. */
  name: string;
}

/** A reusable in-memory limiter: over the limit, 429 `rate_limited` with Retry-After. One instance per app. */
export function rateLimit(opts: RateLimitOptions) {
  const limiter = new RateLimiterMemory({
    points: opts.points,
    duration: opts.durationSeconds,
    keyPrefix: opts.name,
  });
  return async function limitRate(ctx: Context, next: Next) {
    const key = opts.key(ctx);
    if (key !== undefined) {
      try {
        await limiter.consume(key);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw RateLimitedError(res.msBeforeNext / 1000);
        throw res;
      }
    }
    await next();
  };
}

export const byIp = (ctx: Context): string => ctx.ip;
/** Keys by a string field of the JSON body (lower-cased), e.g. the login account. */
export const byBodyField =
  (field: string) =>
  (ctx: Context): string | undefined => {
    const value = (ctx.request as { body?: Record<string, unknown> }).body?.[field];
    return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : undefined;
  };
export const byUser = (ctx: Context): string | undefined => ctx.state.user?.id;
