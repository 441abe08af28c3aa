import { message } from 'antd';
import { defaultErrorMessage, ErrorCode, type ApiErrorBody } from '@jiugai/shared';
import { session } from './session';

/** An API failure carrying the server's stable code and its Chinese message. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  /** `blob` for file downloads. */
  responseType?: 'json' | 'blob';
  /** Skip the error toast (the caller shows the error itself, e.g. inline in a form). */
  silent?: boolean;
  signal?: AbortSignal;
}

export const apiBase = '/api/v1';

/** What happens when the session is gone: the app installs a router-aware handler; the default reloads to login. */
let onUnauthenticated: () => void = () => {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`${import.meta.env.BASE_URL}login?redirect=${encodeURIComponent(here)}`);
};
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return `${apiBase}${path}${qs ? `?${qs}` : ''}`;
}

async function toRequestError(res: Response): Promise<RequestError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    body = undefined;
  }
  const code = (body?.error?.code ??
    (res.status === 401 ? ErrorCode.Unauthenticated : ErrorCode.Internal)) as ErrorCode;
  const text = body?.error?.message || defaultErrorMessage[code] || defaultErrorMessage.internal_error;
  return new RequestError(res.status, code, text, body?.error?.details);
}

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens once, shared by every request that hit `token_expired` meanwhile. */
function refreshTokens(): Promise<boolean> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch(buildUrl('/auth/refresh'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      const tokens = (await res.json()) as { accessToken: string; refreshToken?: string };
      session.setTokens(tokens.accessToken, tokens.refreshToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = session.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  return fetch(buildUrl(path, opts.query), {
    method: opts.method ?? 'GET',
    headers,
    body,
    signal: opts.signal,
  });
}

/**
 * The one way the console talks to the server: Bearer token, one refresh-and-retry on `token_expired`,
 * back to login on any other 401, and every failure shown with the server's Chinese message.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(path, opts);
    if (res.status === 401) {
      const err = await toRequestError(res.clone());
      if (err.code === ErrorCode.TokenExpired && (await refreshTokens())) res = await send(path, opts);
    }
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    const err = new RequestError(0, ErrorCode.Internal, '网络连接失败，请检查网络后重试');
    if (!opts.silent) message.error(err.message);
    throw err;
  }
  if (!res.ok) {
    const err = await toRequestError(res);
    if (res.status === 401 && !path.startsWith('/auth/login')) {
      session.clear();
      message.error(err.message);
      onUnauthenticated();
    } else if (!opts.silent) {
      message.error(err.message);
    }
    throw err;
  }
  if (opts.responseType === 'blob') return (await res.blob()) as T;
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>(path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>(path, { ...opts, method: 'PATCH', body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>(path, { ...opts, method: 'DELETE' }),
};

/**
 * A file upload with progress (fetch cannot report upload progress). Same funnel: Bearer token, the server's
 * Chinese message on failure (shown unless `silent`), back to login on 401.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress?: (percent: number) => void,
  silent = false,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    const token = session.accessToken;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => {
      const err = new RequestError(0, ErrorCode.Internal, '网络连接失败，请检查网络后重试');
      if (!silent) message.error(err.message);
      reject(err);
    };
    xhr.onload = async () => {
      const res = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'Content-Type': 'application/json' },
      });
      if (res.ok) return resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      const err = await toRequestError(res);
      if (res.status === 401) {
        session.clear();
        message.error(err.message);
        onUnauthenticated();
      } else if (!silent) message.error(err.message);
      reject(err);
    };
    xhr.send(form);
  });
}
