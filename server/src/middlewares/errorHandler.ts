import type { Context, Next } from 'koa';
import { ErrorCode, defaultErrorMessage } from '@jiugai/shared';
import { HttpError } from '../errors';
import { logger } from '../logger';

/** First in the chain: shapes every error as `{ error: { code, message, details } }`; unexpected ones are logged, never leaked. */
export function errorHandler() {
  return async function handleErrors(ctx: Context, next: Next) {
    try {
      await next();
      if (ctx.body === undefined) {
        if (ctx.status === 404) throw new HttpError(404, ErrorCode.NotFound, '接口不存在');
        // From the router's allowedMethods, which has set the Allow header already.
        if (ctx.status === 405 || ctx.status === 501) throw toHttpError({ status: ctx.status });
      }
    } catch (raw) {
      const err = toHttpError(raw);
      if (err.status >= 500) logger.error({ err: raw, url: ctx.url, method: ctx.method }, 'request failed');
      ctx.status = err.status;
      ctx.body = { error: err.toJSON() };
      for (const [k, v] of Object.entries(err.headers ?? {})) ctx.set(k, v);
    }
  };
}

function toHttpError(raw: unknown): HttpError {
  if (raw instanceof HttpError) return raw;
  const e = raw as {
    status?: number;
    statusCode?: number;
    type?: string;
    code?: number | string;
    name?: string;
  };
  const status = e?.status ?? e?.statusCode;
  if (e?.type === 'entity.too.large' || status === 413) return new HttpError(413, ErrorCode.PayloadTooLarge);
  if (e?.type === 'entity.parse.failed' || (status === 400 && e?.name === 'SyntaxError'))
    return new HttpError(400, ErrorCode.InvalidJson);
  if (e?.code === 11000) return new HttpError(409, ErrorCode.Duplicate);
  if (e?.name === 'CastError' || e?.name === 'BSONError')
    return new HttpError(400, ErrorCode.ValidationFailed);
  if (e?.code === 'ENOSPC' || e?.code === 'EROFS') return new HttpError(507, ErrorCode.StorageFailed);
  // The database's own "disk full" (MongoDB and the embedded engine both answer 14031 OutOfDiskSpace).
  if (e?.code === 14031 || (e as { codeName?: string })?.codeName === 'OutOfDiskSpace')
    return new HttpError(507, ErrorCode.StorageFailed);
  if (status === 405) return new HttpError(405, ErrorCode.NotFound, '不支持该请求方法');
  if (status === 501) return new HttpError(501, ErrorCode.NotFound, '不支持该请求方法');
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new HttpError(status, ErrorCode.ValidationFailed, defaultErrorMessage.validation_failed);
  return new HttpError(500, ErrorCode.Internal);
}
