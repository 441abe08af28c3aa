/**
 * The WeChat access_token (接口调用凭证), one cache for the whole server: mini-program codes and subscription
 * messages both take it from here.
 *
 * It comes from POST {base}/cgi-bin/stable_token in normal mode (force_refresh: false): WeChat hands every caller
 * the same token until it expires, so several server processes do not invalidate each other's token the way
 * GET /cgi-bin/token does. The token is kept until shortly before `expires_in`; concurrent callers share one
 * request; a call that WeChat answers with an invalid/expired-token errcode drops it and is retried once.
 */
import { ErrorCode } from '@jiugai/shared';
import type { Env } from '../env';
import { HttpError } from '../errors';
import { logger } from '../logger';

export interface WechatConfig {
  apiBase: string;
  appId: string;
  appSecret: string;
}

/** The mini-program credentials from the env, or undefined when WeChat is not configured. */
export function wechatConfig(env: Env): WechatConfig | undefined {
  return env.WECHAT_APP_ID && env.WECHAT_APP_SECRET
    ? { apiBase: env.WECHAT_API_BASE, appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET }
    : undefined;
}

/** WeChat answered `{ errcode, errmsg }`: a 502 wechat_failed for API callers, the errcode kept for the code. */
export class WechatApiError extends HttpError {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    message = `微信接口错误 ${errcode}: ${errmsg}`,
  ) {
    super(502, ErrorCode.WechatFailed, message);
  }
}

const requestTimeoutMs = 5_000;

/** fetch with a timeout; a network failure or timeout becomes a 502 wechat_failed in Chinese. */
export async function wechatFetch(url: URL | string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
  } catch (err) {
    const path = new URL(url).pathname;
    logger.warn({ err: (err as Error).message, path }, 'wechat request failed');
    throw new HttpError(502, ErrorCode.WechatFailed, '无法连接微信服务器，请稍后再试');
  }
}

/** Refresh this long before WeChat's stated expiry (at most half the lifetime), so no token expires in flight. */
const expiryMarginMs = 5 * 60_000;
/** The token is invalid (40001, 40014) or expired (42001): drop it and fetch a new one. */
const tokenErrorCodes = new Set([40001, 40014, 42001]);

export const isAccessTokenError = (err: unknown): err is WechatApiError =>
  err instanceof WechatApiError && tokenErrorCodes.has(err.errcode);

/** What to tell the operator for the refusals of stable_token that are a matter of configuration. */
const tokenRefusalHints: Record<number, string> = {
  [-1]: '微信系统繁忙，请稍后再试',
  40001: 'AppSecret 不正确，请检查 WECHAT_APP_SECRET',
  40125: 'AppSecret 不正确，请检查 WECHAT_APP_SECRET',
  40013: 'AppID 无效，请检查 WECHAT_APP_ID',
  40164: '服务器 IP 不在小程序后台的 IP 白名单中',
  45009: '今日获取次数已达微信上限',
  45011: '获取过于频繁，请稍后再试',
};

const tokenFailedMessage = (reason: string) => `获取微信接口调用凭证（access_token）失败：${reason}`;
const tokenFailed = (reason: string) =>
  new HttpError(502, ErrorCode.WechatFailed, tokenFailedMessage(reason));

async function requestToken(cfg: WechatConfig): Promise<{ token: string; ttlMs: number }> {
  let res: Response;
  try {
    res = await wechatFetch(new URL('/cgi-bin/stable_token', cfg.apiBase), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: cfg.appId,
        secret: cfg.appSecret,
        force_refresh: false,
      }),
    });
  } catch {
    throw tokenFailed('无法连接微信服务器，请稍后再试');
  }
  const body = (await res.json().catch(() => undefined)) as
    { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown } | undefined;
  if (!res.ok || !body) {
    logger.warn({ status: res.status }, 'wechat stable_token failed');
    throw tokenFailed(`微信服务器异常（HTTP ${res.status}），请稍后再试`);
  }
  if (typeof body.errcode === 'number' && body.errcode !== 0) {
    const errmsg = String(body.errmsg ?? '');
    logger.warn({ errcode: body.errcode, errmsg }, 'wechat stable_token refused');
    const hint = tokenRefusalHints[body.errcode] ?? '微信拒绝了请求';
    throw new WechatApiError(
      body.errcode,
      errmsg,
      tokenFailedMessage(`${hint}（微信错误码 ${body.errcode}${errmsg ? `：${errmsg}` : ''}）`),
    );
  }
  if (typeof body.access_token !== 'string' || !body.access_token)
    throw tokenFailed('微信的应答中没有 access_token');
  const ttlSeconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 7200;
  return { token: body.access_token, ttlMs: ttlSeconds * 1000 };
}

interface CachedToken {
  promise: Promise<string>;
  /** Set once WeChat answered. */
  token?: string;
  /** Infinity while the request is in flight, so concurrent callers share it. */
  expiresAt: number;
}
const cache = new Map<string, CachedToken>();
const cacheKey = (cfg: WechatConfig) => `${cfg.apiBase}|${cfg.appId}`;

/** The access_token: cached until shortly before it expires; concurrent callers share one request to WeChat. */
export function getAccessToken(cfg: WechatConfig): Promise<string> {
  const key = cacheKey(cfg);
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.promise;
  const entry: CachedToken = {
    expiresAt: Number.POSITIVE_INFINITY,
    promise: requestToken(cfg).then(
      ({ token, ttlMs }) => {
        entry.token = token;
        entry.expiresAt = Date.now() + ttlMs - Math.min(expiryMarginMs, ttlMs / 2);
        return token;
      },
      (err: unknown) => {
        // A failure is not cached: the next caller asks WeChat again.
        if (cache.get(key) === entry) cache.delete(key);
        throw err;
      },
    ),
  };
  cache.set(key, entry);
  return entry.promise;
}

/**
 * Forgets `token` if it is still the cached one, so the next call fetches a new token. A token fetched since
 * (by another caller who met the same error) is kept.
 */
export function dropAccessToken(cfg: WechatConfig, token: string): void {
  const key = cacheKey(cfg);
  if (cache.get(key)?.token === token) cache.delete(key);
}

/**
 * Runs `call` with the access_token. When it throws a WechatApiError saying the token is invalid or expired
 * (40001/40014/42001), the token is dropped and `call` runs once more with a fresh one; a second such error
 * is thrown to the caller.
 */
export async function withAccessToken<T>(cfg: WechatConfig, call: (token: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const token = await getAccessToken(cfg);
    try {
      return await call(token);
    } catch (err) {
      if (!isAccessTokenError(err)) throw err;
      dropAccessToken(cfg, token);
      if (attempt >= 2) throw err;
      logger.info({ errcode: err.errcode }, 'wechat access_token rejected, fetching a new one');
    }
  }
}

/** Test helper: forget every cached token. */
export function clearAccessTokens(): void {
  cache.clear();
}
