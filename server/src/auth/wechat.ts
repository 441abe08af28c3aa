import type { Env } from '../env';
import { AuthenticationError, HttpError } from '../errors';
import { ErrorCode } from '@jiugai/shared';
import { logger } from '../logger';

export const wechatConfigured = (env: Env): boolean => Boolean(env.WECHAT_APP_ID && env.WECHAT_APP_SECRET);

const wechatFailed = () => new HttpError(502, ErrorCode.WechatFailed);
const timeoutMs = 5000;

async function wechatFetch(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'wechat request failed');
    throw wechatFailed();
  }
}

/** Exchanges a `wx.login` code for the openid. The session_key stays here: it is neither stored nor returned. */
export async function exchangeLoginCode(
  env: Env,
  code: string,
): Promise<{ openid: string; unionid?: string }> {
  const url = new URL('/sns/jscode2session', env.WECHAT_API_BASE);
  url.search = new URLSearchParams({
    appid: env.WECHAT_APP_ID ?? '',
    secret: env.WECHAT_APP_SECRET ?? '',
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  const res = await wechatFetch(url.toString());
  if (!res.ok) throw wechatFailed();
  const body = (await res.json().catch(() => ({}))) as {
    openid?: string;
    unionid?: string;
    errcode?: number;
  };
  // 40029 invalid code, 40163 code already used: the user should simply log in again.
  if (body.errcode === 40029 || body.errcode === 40163)
    throw AuthenticationError('微信登录凭证无效，请重新进入小程序');
  if (body.errcode || typeof body.openid !== 'string' || !body.openid) {
    logger.warn({ errcode: body.errcode }, 'jscode2session refused');
    throw wechatFailed();
  }
  return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
}

const accessTokens = new Map<string, { token: string; expiresAt: number }>();

async function accessToken(env: Env): Promise<string> {
  const cacheKey = `${env.WECHAT_API_BASE}|${env.WECHAT_APP_ID}`;
  const cached = accessTokens.get(cacheKey);
  if (cached && cached.expiresAt > Date.now()) return cached.token;
  const url = new URL('/cgi-bin/token', env.WECHAT_API_BASE);
  url.search = new URLSearchParams({
    grant_type: 'client_credential',
    appid: env.WECHAT_APP_ID ?? '',
    secret: env.WECHAT_APP_SECRET ?? '',
  }).toString();
  const res = await wechatFetch(url.toString());
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
  if (!res.ok || !body.access_token) throw wechatFailed();
  accessTokens.set(cacheKey, {
    token: body.access_token,
    expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000,
  });
  return body.access_token;
}

/** The mini-program code (wxacode.getUnlimited) that opens `page` with `scene`; a PNG. */
export async function unlimitedMiniProgramCode(env: Env, scene: string, page: string): Promise<Buffer> {
  const url = new URL('/wxa/getwxacodeunlimit', env.WECHAT_API_BASE);
  url.search = new URLSearchParams({ access_token: await accessToken(env) }).toString();
  const res = await wechatFetch(url.toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scene, page, width: 430, check_path: false }),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  // On failure WeChat answers JSON ({ errcode, errmsg }) instead of an image.
  if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('image/')) {
    logger.warn({ status: res.status, body: buf.subarray(0, 200).toString() }, 'getwxacodeunlimit refused');
    throw wechatFailed();
  }
  return buf;
}
