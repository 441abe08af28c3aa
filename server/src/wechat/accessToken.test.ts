import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@jiugai/shared';
import { fakeWxaCodePng, startFakeWechat, type FakeWechat } from '../../test/fakeWechat';
import { unlimitedMiniProgramCode } from '../auth/wechat';
import { loadEnv, type Env } from '../env';
import { HttpError } from '../errors';
import {
  clearAccessTokens,
  getAccessToken,
  wechatConfig,
  WechatApiError,
  withAccessToken,
  type WechatConfig,
} from './accessToken';

let wechat: FakeWechat;
let env: Env;
let cfg: WechatConfig;

const tokenRequests = () => wechat.requests.filter((r) => r === 'POST /cgi-bin/stable_token').length;
const wxaCode = () => unlimitedMiniProgramCode(env, 'scene-1', 'pages/board/index');

/** The error `promise` rejects with, for assertions on its fields. */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a rejection'),
    (err: unknown) => err,
  );

beforeEach(async () => {
  clearAccessTokens();
  wechat = await startFakeWechat();
  env = loadEnv({
    NODE_ENV: 'test',
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'wx-test-secret',
    WECHAT_API_BASE: wechat.url,
  });
  cfg = wechatConfig(env)!;
});
afterEach(async () => {
  vi.useRealTimers();
  await wechat.close();
});

describe('WeChat access_token', () => {
  it('is read from the env, and absent when WeChat is not configured', () => {
    expect(cfg).toEqual({ apiBase: wechat.url, appId: 'wx-test-app', appSecret: 'wx-test-secret' });
    expect(wechatConfig(loadEnv({ NODE_ENV: 'test', WECHAT_APP_ID: 'wx-test-app' }))).toBeUndefined();
  });

  it('is fetched once from stable_token and cached for every later call', async () => {
    expect(await getAccessToken(cfg)).toBe('ACCESS-TOKEN');
    for (let i = 0; i < 5; i += 1) expect(await getAccessToken(cfg)).toBe('ACCESS-TOKEN');
    expect(Buffer.compare(await wxaCode(), fakeWxaCodePng)).toBe(0);
    expect(Buffer.compare(await wxaCode(), fakeWxaCodePng)).toBe(0);
    expect(tokenRequests()).toBe(1);
    expect(wechat.requests.filter((r) => r.startsWith('POST /wxa/getwxacodeunlimit'))).toEqual([
      'POST /wxa/getwxacodeunlimit?access_token=ACCESS-TOKEN',
      'POST /wxa/getwxacodeunlimit?access_token=ACCESS-TOKEN',
    ]);
  });

  it('shares one request between concurrent callers', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => getAccessToken(cfg)));
    expect(new Set(tokens)).toEqual(new Set(['ACCESS-TOKEN']));
    const codes = await Promise.all(Array.from({ length: 8 }, wxaCode));
    expect(codes.every((png) => Buffer.compare(png, fakeWxaCodePng) === 0)).toBe(true);
    expect(tokenRequests()).toBe(1);
  });

  it('is refetched shortly before expires_in, not earlier', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-05-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    await getAccessToken(cfg);
    vi.setSystemTime(start + (7200 - 301) * 1000);
    await getAccessToken(cfg);
    expect(tokenRequests()).toBe(1);
    wechat.accessToken = 'ACCESS-TOKEN-2';
    vi.setSystemTime(start + (7200 - 299) * 1000);
    expect(await getAccessToken(cfg)).toBe('ACCESS-TOKEN-2');
    expect(tokenRequests()).toBe(2);
  });

  it('keeps a short-lived token for half its lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-05-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    wechat.tokenExpiresIn = 60;
    await getAccessToken(cfg);
    vi.setSystemTime(start + 29_000);
    await getAccessToken(cfg);
    expect(tokenRequests()).toBe(1);
    vi.setSystemTime(start + 31_000);
    await getAccessToken(cfg);
    expect(tokenRequests()).toBe(2);
  });

  it.each([40001, 42001, 40014])(
    'is dropped and fetched again when WeChat answers %i, and the call is retried once',
    async (errcode) => {
      wechat.staleTokenErrcode = errcode;
      await wxaCode();
      wechat.accessToken = 'ACCESS-TOKEN-2';
      expect(Buffer.compare(await wxaCode(), fakeWxaCodePng)).toBe(0);
      expect(tokenRequests()).toBe(2);
      expect(wechat.requests.filter((r) => r.startsWith('POST /wxa/getwxacodeunlimit')).slice(1)).toEqual([
        'POST /wxa/getwxacodeunlimit?access_token=ACCESS-TOKEN',
        'POST /wxa/getwxacodeunlimit?access_token=ACCESS-TOKEN-2',
      ]);
      expect(await getAccessToken(cfg)).toBe('ACCESS-TOKEN-2');
      expect(tokenRequests()).toBe(2);
    },
  );

  it('is refetched once when many concurrent calls meet the same expired token', async () => {
    await wxaCode();
    wechat.accessToken = 'ACCESS-TOKEN-2';
    const codes = await Promise.all(Array.from({ length: 8 }, wxaCode));
    expect(codes.every((png) => Buffer.compare(png, fakeWxaCodePng) === 0)).toBe(true);
    expect(tokenRequests()).toBe(2);
  });

  it('gives up after one retry, and the next call asks WeChat again', async () => {
    const attempts: string[] = [];
    const alwaysRefused = (token: string) => {
      attempts.push(token);
      return Promise.reject(new WechatApiError(42001, 'access_token expired'));
    };
    const err = await rejection(withAccessToken(cfg, alwaysRefused));
    expect(err).toMatchObject({ errcode: 42001, status: 502, code: ErrorCode.WechatFailed });
    expect(attempts).toEqual(['ACCESS-TOKEN', 'ACCESS-TOKEN']);
    expect(tokenRequests()).toBe(2);
    await getAccessToken(cfg);
    expect(tokenRequests()).toBe(3);
  });

  it('does not retry other WeChat errors', async () => {
    let calls = 0;
    const refused = () => {
      calls += 1;
      return Promise.reject(new WechatApiError(43101, 'user refuse to accept the msg'));
    };
    expect(await rejection(withAccessToken(cfg, refused))).toMatchObject({ errcode: 43101 });
    expect(calls).toBe(1);
    expect(tokenRequests()).toBe(1);
  });
});

describe('WeChat access_token errors', () => {
  it('says in Chinese that WeChat failed, as 502 wechat_failed, and does not cache the failure', async () => {
    wechat.down = true;
    const err = await rejection(getAccessToken(cfg));
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({
      status: 502,
      code: ErrorCode.WechatFailed,
      message: '获取微信接口调用凭证（access_token）失败：微信服务器异常（HTTP 500），请稍后再试',
    });
    expect(await rejection(wxaCode())).toMatchObject({
      status: 502,
      message: expect.stringContaining('HTTP 500'),
    });
    wechat.down = false;
    expect(await getAccessToken(cfg)).toBe('ACCESS-TOKEN');
    expect(tokenRequests()).toBe(3);
  });

  it('shares one failure between concurrent callers', async () => {
    wechat.down = true;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => getAccessToken(cfg)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(tokenRequests()).toBe(1);
  });

  it('names the configuration problem when WeChat refuses the app secret', async () => {
    const wrong = { ...cfg, appSecret: 'not-the-secret' };
    const call = vi.fn(() => Promise.resolve('never'));
    const err = await rejection(withAccessToken(wrong, call));
    expect(err).toBeInstanceOf(WechatApiError);
    expect(err).toMatchObject({
      status: 502,
      code: ErrorCode.WechatFailed,
      errcode: 40125,
      message:
        '获取微信接口调用凭证（access_token）失败：AppSecret 不正确，请检查 WECHAT_APP_SECRET（微信错误码 40125：invalid appsecret）',
    });
    // A refused token request is not taken for an expired token and retried.
    expect(tokenRequests()).toBe(1);
    expect(call).not.toHaveBeenCalled();
  });

  it('says WeChat is unreachable when nothing answers', async () => {
    await wechat.close();
    const err = await rejection(getAccessToken(cfg));
    expect(err).toMatchObject({
      status: 502,
      code: ErrorCode.WechatFailed,
      message: '获取微信接口调用凭证（access_token）失败：无法连接微信服务器，请稍后再试',
    });
    wechat = await startFakeWechat();
  });
});
