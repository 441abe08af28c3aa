/**
 * WeChat subscription messages (订阅消息): POST {base}/cgi-bin/message/subscribe/send with an access_token from
 * the client-credential endpoint POST {base}/cgi-bin/stable_token, cached until shortly before it expires.
 * The stable token is kept apart by WeChat from tokens of GET /cgi-bin/token (used elsewhere for mini-program
 * codes), so neither fetch invalidates the other's token.
 */
export interface WechatConfig {
  apiBase: string;
  appId: string;
  appSecret: string;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page opened from the message, with its query. */
  page: string;
  /** Keyword fields of the template, e.g. { thing1: '…', time2: '2026-05-01 18:00' }. */
  fields: Record<string, string>;
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`微信接口错误 ${errcode}: ${errmsg}`);
  }
}

const requestTimeoutMs = 5_000;
/** Refresh this long before WeChat's stated expiry, so a token never expires in flight. */
const expiryMarginMs = 5 * 60_000;
/** access_token invalid or expired: fetch a new one and retry once. */
const tokenErrorCodes = new Set([40001, 40014, 42001]);

interface CachedToken {
  token: Promise<string>;
  expiresAt: number;
}
const tokenCache = new Map<string, CachedToken>();

async function callWechat(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
  if (!res.ok) throw new WechatApiError(-res.status, `HTTP ${res.status}`);
  const body = (await res.json()) as Record<string, unknown>;
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode !== 0) throw new WechatApiError(errcode, String(body.errmsg ?? ''));
  return body;
}

async function fetchToken(cfg: WechatConfig): Promise<{ token: string; ttlMs: number }> {
  const body = await callWechat(new URL('/cgi-bin/stable_token', cfg.apiBase).toString(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credential',
      appid: cfg.appId,
      secret: cfg.appSecret,
      force_refresh: false,
    }),
  });
  if (typeof body.access_token !== 'string') throw new WechatApiError(-1, '未返回 access_token');
  const ttlSeconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  return { token: body.access_token, ttlMs: ttlSeconds * 1000 };
}

/** The cached access_token; concurrent callers share one request. */
export async function getAccessToken(cfg: WechatConfig, opts: { refresh?: boolean } = {}): Promise<string> {
  const key = `${cfg.apiBase}|${cfg.appId}`;
  const cached = tokenCache.get(key);
  if (cached && !opts.refresh && cached.expiresAt > Date.now()) return cached.token;
  const entry: CachedToken = { token: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
  entry.token = fetchToken(cfg).then(
    ({ token, ttlMs }) => {
      entry.expiresAt = Date.now() + Math.max(0, ttlMs - expiryMarginMs);
      return token;
    },
    (err) => {
      tokenCache.delete(key);
      throw err;
    },
  );
  tokenCache.set(key, entry);
  return entry.token;
}

/** Sends one message; throws WechatApiError (e.g. 43101 when the user has no subscription left at WeChat). */
export async function sendSubscribeMessage(cfg: WechatConfig, msg: SubscribeMessage): Promise<void> {
  const body = JSON.stringify({
    touser: msg.touser,
    template_id: msg.templateId,
    page: msg.page,
    lang: 'zh_CN',
    data: Object.fromEntries(Object.entries(msg.fields).map(([k, value]) => [k, { value }])),
  });
  const send = async (token: string) => {
    const url = new URL('/cgi-bin/message/subscribe/send', cfg.apiBase);
    url.searchParams.set('access_token', token);
    await callWechat(url.toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
  };
  try {
    await send(await getAccessToken(cfg));
  } catch (err) {
    if (!(err instanceof WechatApiError) || !tokenErrorCodes.has(err.errcode)) throw err;
    await send(await getAccessToken(cfg, { refresh: true }));
  }
}

/** Test helper: forget cached tokens. */
export function clearAccessTokenCache(): void {
  tokenCache.clear();
}
