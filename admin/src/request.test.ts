import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { api, RequestError, setUnauthenticatedHandler } from './request';
import { safeRedirect, session } from './session';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockFetch(handler: Handler) {
  const fn = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(handler(String(input), init ?? {})),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

describe('request funnel', () => {
  beforeEach(() => session.setTokens('old-access', 'refresh-1'));
  afterEach(() => {
    vi.unstubAllGlobals();
    session.clear();
  });

  it('sends the bearer token and returns the JSON body', async () => {
    const fetchMock = mockFetch(() => json(200, { ok: 1 }));
    await expect(api.get('/projects', { page: 1, q: '' })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/projects?page=1');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer old-access');
  });

  it('refreshes once on token_expired and retries with the new token', async () => {
    const seen: string[] = [];
    mockFetch((url, init) => {
      const auth = (init.headers as Record<string, string> | undefined)?.Authorization ?? '';
      seen.push(`${url} ${auth}`);
      if (url.endsWith('/auth/refresh'))
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2' });
      if (auth === 'Bearer old-access')
        return json(401, { error: { code: 'token_expired', message: '登录已过期，请重新登录' } });
      return json(200, { items: [] });
    });
    await expect(api.get('/surveys')).resolves.toEqual({ items: [] });
    expect(seen).toEqual([
      '/api/v1/surveys Bearer old-access',
      '/api/v1/auth/refresh ',
      '/api/v1/surveys Bearer new-access',
    ]);
    expect(session.refreshToken).toBe('refresh-2');
  });

  it('goes back to login when the refresh fails, without retrying again', async () => {
    const toLogin = vi.fn();
    setUnauthenticatedHandler(toLogin);
    const fetchMock = mockFetch((url) =>
      url.endsWith('/auth/refresh')
        ? json(401, { error: { code: 'unauthenticated', message: '登录凭证无效，请重新登录' } })
        : json(401, { error: { code: 'token_expired', message: '登录已过期，请重新登录' } }),
    );
    await expect(api.get('/votes')).rejects.toBeInstanceOf(RequestError);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(toLogin).toHaveBeenCalledTimes(1);
    expect(session.accessToken).toBeNull();
  });

  it("shows the server's Chinese message for any failure", async () => {
    mockFetch(() =>
      json(409, { error: { code: 'invalid_state', message: '表决已结束，不能再录入纸质选票' } }),
    );
    const err = await api.post('/votes/1/ballots', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 409,
      code: 'invalid_state',
      message: '表决已结束，不能再录入纸质选票',
    });
    await waitFor(() => expect(screen.getByText('表决已结束，不能再录入纸质选票')).toBeInTheDocument());
  });

  it('falls back to the shared Chinese text when the body has no message', async () => {
    mockFetch(() => new Response('bad gateway', { status: 502 }));
    const err = (await api
      .get('/dashboard', undefined, { silent: true })
      .catch((e: unknown) => e)) as RequestError;
    expect(err.message).toBe('服务器开小差了，请稍后再试');
  });
});

describe('login redirect check', () => {
  it('follows only paths inside this console on this origin', () => {
    expect(safeRedirect('/surveys/1?tab=results')).toBe('/surveys/1?tab=results');
    expect(safeRedirect('https://evil.example/x')).toBe('/');
    expect(safeRedirect('//evil.example/x')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
    expect(safeRedirect(null)).toBe('/');
  });
});
