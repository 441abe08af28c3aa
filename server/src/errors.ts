import { defaultErrorMessage, ErrorCode, type ApiError } from '@jiugai/shared';

/** An error the API shows to its caller: an HTTP status, a stable code and a Chinese message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? defaultErrorMessage[code]);
  }
  toJSON(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const ValidationError = (message?: string, details?: unknown) =>
  new HttpError(400, ErrorCode.ValidationFailed, message, details);
export const AuthenticationError = (message?: string) =>
  new HttpError(401, ErrorCode.Unauthenticated, message);
export const TokenExpiredError = () => new HttpError(401, ErrorCode.TokenExpired);
export const ForbiddenError = (message?: string) => new HttpError(403, ErrorCode.Forbidden, message);
export const OutOfScopeError = () => new HttpError(403, ErrorCode.OutOfScope);
export const NotFoundError = (message?: string) => new HttpError(404, ErrorCode.NotFound, message);
export const ConflictError = (message?: string, details?: unknown) =>
  new HttpError(409, ErrorCode.Conflict, message, details);
export const DuplicateError = (message?: string, details?: unknown) =>
  new HttpError(409, ErrorCode.Duplicate, message, details);
export const InvalidStateError = (message?: string, details?: unknown) =>
  new HttpError(409, ErrorCode.InvalidState, message, details);
export const RateLimitedError = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    ErrorCode.RateLimited,
    undefined,
    { retryAfterSeconds },
    {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    },
  );
export const UnsupportedMediaError = (message?: string) =>
  new HttpError(415, ErrorCode.UnsupportedMedia, message);
