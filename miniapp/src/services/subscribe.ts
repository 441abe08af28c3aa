import Taro from '@tarojs/taro';
import type { NotificationTemplate, SubscriptionCreateBody } from '@jiugai/shared';
import { request } from './request';

/**
 * WeChat template ids of the subscription messages, from TARO_APP_SUBSCRIBE_TEMPLATES
 * ("survey_open:<id>,vote_open:<id>,complaint_status:<id>"), set per mini-program at build time.
 */
export function templateIds(
  raw = process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '',
): Partial<Record<NotificationTemplate, string>> {
  return Object.fromEntries(
    raw
      .split(',')
      .map((pair) => pair.split(':').map((s) => s.trim()))
      .filter(([k, v]) => k && v),
  ) as Partial<Record<NotificationTemplate, string>>;
}

/**
 * Asks the resident to accept subscription messages. Must be called straight from a tap handler (WeChat only
 * shows the prompt on a user gesture), before any await. Accepted templates are reported to the server.
 * Without WeChat (H5) or without configured template ids there is no prompt, so nothing is recorded.
 */
export async function askToSubscribe(templates: NotificationTemplate[]): Promise<NotificationTemplate[]> {
  if (process.env.TARO_ENV !== 'weapp') return [];
  const ids = templateIds();
  const wanted = templates.filter((t) => ids[t]);
  if (wanted.length === 0) return [];
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: wanted.map((t) => ids[t]!),
      entityIds: [],
    })) as unknown as Record<string, string>;
    const accepted = wanted.filter((t) => res[ids[t]!] === 'accept');
    if (accepted.length > 0) {
      const body: SubscriptionCreateBody = { templates: accepted };
      await request('/notifications/subscriptions', { method: 'POST', data: body, quiet: true });
    }
    return accepted;
  } catch {
    // Declining or an old WeChat version must never block the action the resident tapped for.
    return [];
  }
}
