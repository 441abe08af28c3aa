import Taro from '@tarojs/taro';
import { ErrorCode } from '@jiugai/shared';
import { ApiRequestError, send, type Method } from './http';
import { getToken, login } from './session';

export { ApiRequestError } from './http';

export interface RequestOptions {
  method?: Method;
  data?: unknown;
  /** Log in first when there is no token (default true). Public reads pass false. */
  auth?: boolean;
  /** Do not show the error toast; the caller shows the error itself. */
  quiet?: boolean;
}

const reloginCodes: string[] = [ErrorCode.TokenExpired, ErrorCode.Unauthenticated];

/** Public reads send the token when there is one (the server may personalise), and drop it if it went stale. */
async function publicSend<T>(method: Method, path: string, data: unknown): Promise<T> {
  const token = getToken();
  try {
    return await send<T>(method, path, data, token || undefined);
  } catch (err) {
    if (!token || !(err instanceof ApiRequestError) || !reloginCodes.includes(err.code)) throw err;
    return send<T>(method, path, data);
  }
}

/**
 * The one request funnel: adds the Bearer token (logging in first when needed), re-runs the login and retries
 * once when the token expired, and shows the server's Chinese message in a toast for every other error.
 */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { method = 'GET', data, auth = true, quiet = false } = opts;
  try {
    if (!auth) return await publicSend<T>(method, path, data);
    if (!getToken()) await login();
    try {
      return await send<T>(method, path, data, getToken());
    } catch (err) {
      if (!(err instanceof ApiRequestError) || !reloginCodes.includes(err.code)) throw err;
      await login();
      return await send<T>(method, path, data, getToken());
    }
  } catch (err) {
    const error =
      err instanceof ApiRequestError
        ? err
        : new ApiRequestError(0, ErrorCode.Internal, '操作失败，请稍后重试');
    if (!quiet) void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
    throw error;
  }
}
