/**
 * WeChat subscription messages (订阅消息): POST {base}/cgi-bin/message/subscribe/send with the shared
 * access_token (./accessToken).
 */
import { ErrorCode } from '@jiugai/shared';
import { HttpError } from '../errors';
import { WechatApiError, wechatFetch, withAccessToken, type WechatConfig } from './accessToken';

export type { WechatConfig } from './accessToken';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page opened from the message, with its query. */
  page: string;
  /** Keyword fields of the template, e.g. { thing1: '…', time2: '2026-05-01 18:00' }. */
  fields: Record<string, string>;
}

async function callWechat(url: URL, init: RequestInit): Promise<void> {
  const res = await wechatFetch(url, init);
  if (!res.ok) throw new WechatApiError(-res.status, `HTTP ${res.status}`);
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!body) throw new HttpError(502, ErrorCode.WechatFailed, '微信服务器返回了无法识别的应答');
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
  if (errcode !== 0) throw new WechatApiError(errcode, String(body.errmsg ?? ''));
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
  await withAccessToken(cfg, (token) => {
    const url = new URL('/cgi-bin/message/subscribe/send', cfg.apiBase);
    url.searchParams.set('access_token', token);
    return callWechat(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  });
}
