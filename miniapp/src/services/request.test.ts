import { describe, expect, it } from 'vitest';
import { onRequest, taro } from '../../test/taro';
import { request, ApiRequestError } from './request';
import { getToken } from './session';

const session = (token: string) => ({
  statusCode: 200,
  data: {
    accessToken: token,
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u1', role: 'resident', name: '', phone: '', households: [] },
  },
});
const expired = {
  statusCode: 401,
  data: { error: { code: 'token_expired', message: '登录已过期，请重新登录' } },
};

describe('request', () => {
  it('logs in first, then sends the Bearer token', async () => {
    onRequest(({ url, header }) => {
      if (url.endsWith('/auth/dev-login')) return session('t1');
      expect(header?.Authorization).toBe('Bearer t1');
      return { statusCode: 200, data: { ok: true } };
    });
    await expect(request('/auth/me')).resolves.toEqual({ ok: true });
    expect(getToken()).toBe('t1');
  });

  it('re-runs the login once when the token expired and retries the request', async () => {
    let logins = 0;
    onRequest(({ url, header }) => {
      if (url.endsWith('/auth/dev-login')) return session(`t${++logins}`);
      return header?.Authorization === 'Bearer t2' ? { statusCode: 200, data: { n: 1 } } : expired;
    });
    await expect(request('/bindings/mine')).resolves.toEqual({ n: 1 });
    expect(logins).toBe(2);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('gives up after one retry and shows the server message', async () => {
    onRequest(({ url }) => (url.endsWith('/auth/dev-login') ? session('t') : expired));
    await expect(request('/bindings/mine')).rejects.toBeInstanceOf(ApiRequestError);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
  });

  it('shows the Chinese message of any other error in a toast and keeps the code', async () => {
    onRequest(() => ({
      statusCode: 409,
      data: { error: { code: 'invalid_state', message: '表决已结束，不能再投票' } },
    }));
    const err = (await request('/votes/x/ballots', { method: 'POST', auth: false }).catch(
      (e: unknown) => e,
    )) as ApiRequestError;
    expect(err.code).toBe('invalid_state');
    expect(taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '表决已结束，不能再投票', icon: 'none' }),
    );
  });

  it('reports a network failure in plain words', async () => {
    taro.request.mockRejectedValue(new Error('fetch failed'));
    await expect(request('/projects/abc/board', { auth: false })).rejects.toThrow(
      '网络连接失败，请检查网络后重试',
    );
  });

  it('stays quiet when the caller handles the error', async () => {
    onRequest(() => ({ statusCode: 404, data: { error: { code: 'not_found', message: '找不到该项目' } } }));
    await expect(request('/projects/x/board', { auth: false, quiet: true })).rejects.toThrow('找不到该项目');
    expect(taro.showToast).not.toHaveBeenCalled();
  });
});
