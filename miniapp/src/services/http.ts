import Taro from '@tarojs/taro';
import { defaultErrorMessage, ErrorCode, type ApiErrorBody } from '@jiugai/shared';

/** API origin: TARO_APP_API_BASE, else same origin in H5 (the server serves /h5/), else the local dev server. */
export const apiBase = (
  process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '' : 'http://localhost:3000')
).replace(/\/$/, '');
export const apiPrefix = `${apiBase}/api/v1`;

/** Makes a server-relative upload path (`/api/v1/uploads/…`) loadable from the mini-program. */
export const assetUrl = (url: string): string => (url.startsWith('/') ? `${apiBase}${url}` : url);

/** An error from the API (or the network), carrying the server's stable code and Chinese message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const isErrorBody = (data: unknown): data is ApiErrorBody =>
  typeof data === 'object' && data !== null && typeof (data as ApiErrorBody).error?.code === 'string';

/** One HTTP call over Taro.request; resolves with the body on 2xx, throws ApiRequestError otherwise. */
export async function send<T>(method: Method, path: string, data?: unknown, token?: string): Promise<T> {
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({
      url: `${apiPrefix}${path}`,
      method,
      data: data as Record<string, unknown> | undefined,
      header: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiRequestError(0, ErrorCode.Internal, '网络连接失败，请检查网络后重试');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  if (isErrorBody(res.data)) {
    const { code, message, details } = res.data.error;
    throw new ApiRequestError(res.statusCode, code, message || defaultErrorMessage[code], details);
  }
  throw new ApiRequestError(res.statusCode, ErrorCode.Internal, defaultErrorMessage.internal_error);
}
