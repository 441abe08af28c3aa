import type { Env } from '../env';
import { AuthenticationError, HttpError } from '../errors';
import { ErrorCode } from '@jiugai/shared';
import { logger } from '../logger';
import { WechatApiError, wechatConfig, wechatFetch, withAccessToken } from '../wechat/accessToken';

export const wechatConfigured = (env: Env): boolean => wechatConfig(env) !== undefined;

const wechatFailed = () => new HttpError(502, ErrorCode.WechatFailed);

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

/** The mini-program code (wxacode.getUnlimited) that opens `page` with `scene`; a PNG. */
export async function unlimitedMiniProgramCode(env: Env, scene: string, page: string): Promise<Buffer> {
  const cfg = wechatConfig(env);
  if (!cfg) throw new HttpError(503, ErrorCode.WechatFailed, '服务器未配置微信小程序');
  return withAccessToken(cfg, async (token) => {
    const url = new URL('/wxa/getwxacodeunlimit', cfg.apiBase);
    url.searchParams.set('access_token', token);
    const res = await wechatFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene, page, width: 430, check_path: false }),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    if (res.ok && (res.headers.get('content-type') ?? '').startsWith('image/')) return buf;
    // On failure WeChat answers JSON ({ errcode, errmsg }) instead of an image.
    logger.warn({ status: res.status, body: buf.subarray(0, 200).toString() }, 'getwxacodeunlimit refused');
    const body = parseJson(buf) as { errcode?: unknown; errmsg?: unknown } | undefined;
    if (typeof body?.errcode === 'number' && body.errcode !== 0)
      throw new WechatApiError(
        body.errcode,
        String(body.errmsg ?? ''),
        `生成小程序码失败（微信错误码 ${body.errcode}）`,
      );
    throw wechatFailed();
  });
}

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString());
  } catch {
    return undefined;
  }
}
