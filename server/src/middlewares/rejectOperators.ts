import type { Context, Next } from 'koa';
import { ValidationError } from '../errors';

/** Finds the first key that MongoDB would read as an operator or a path (`$gt`, `a.b`), at any depth. */
export function findOperatorKey(value: unknown, depth = 0): string | undefined {
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = findOperatorKey(v, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$') || k.includes('.') || k === '__proto__' || k === 'constructor') return k;
    const hit = findOperatorKey(v, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Defence in depth beside the schemas: no request may carry Mongo operators or dotted keys. */
export function rejectOperators() {
  return async function rejectOperatorKeys(ctx: Context, next: Next) {
    const key = findOperatorKey((ctx.request as { body?: unknown }).body) ?? findOperatorKey(ctx.query);
    if (key)
      throw ValidationError(`不允许的字段名：${key}`, [
        { path: key, message: '字段名不能以 $ 开头或包含 .' },
      ]);
    await next();
  };
}
