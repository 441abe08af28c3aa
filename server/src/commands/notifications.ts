import type { Types } from 'mongoose';
import {
  NotificationStatus,
  notificationPagePath,
  notificationTemplates,
  type NotificationDataMap,
  type NotificationTemplate,
} from '@jiugai/shared';
import { loadEnv, type Env } from '../env';
import { logger } from '../logger';
import { Household } from '../models/household';
import { Notification } from '../models/notification';
import { Subscription } from '../models/subscription';
import { User } from '../models/user';
import { sendSubscribeMessage, type WechatConfig } from '../wechat/subscribeMessage';
import { formatChinaTime } from './workingDays';

let configuredEnv: Env | undefined;

/** Called once by createApp so commands outside a request know the WeChat settings. */
export function configureNotifications(env: Env): void {
  configuredEnv = env;
}

interface Delivery {
  wechat?: WechatConfig;
  templateIds: Partial<Record<NotificationTemplate, string>>;
}

/** The WeChat template id of each template, from WECHAT_SUBSCRIBE_TEMPLATES ("survey_open=ID,…"). */
export function subscribeTemplateIds(env: Env): Partial<Record<NotificationTemplate, string>> {
  const templateIds: Partial<Record<NotificationTemplate, string>> = {};
  for (const pair of env.WECHAT_SUBSCRIBE_TEMPLATES.split(',')) {
    const [key, id] = pair.split('=').map((s) => s.trim());
    if (key && id && (notificationTemplates as string[]).includes(key))
      templateIds[key as NotificationTemplate] = id;
  }
  return templateIds;
}

function deliverySettings(env: Env = configuredEnv ?? loadEnv()): Delivery {
  const templateIds = subscribeTemplateIds(env);
  const wechat =
    env.WECHAT_APP_ID && env.WECHAT_APP_SECRET
      ? { apiBase: env.WECHAT_API_BASE, appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET }
      : undefined;
  return { wechat, templateIds };
}

/** WeChat "thing" fields take at most 20 characters. */
const thing = (text: string, max = 20): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('') || '—';
};

/** The template's keyword fields and the page it opens, in the resident's words. */
export function renderMessage<T extends NotificationTemplate>(
  template: T,
  data: NotificationDataMap[T],
): { fields: Record<string, string>; page: string } {
  const page = (id: string) => notificationPagePath[template].replace('{id}', encodeURIComponent(id));
  if (template === 'complaint_status') {
    const d = data as NotificationDataMap['complaint_status'];
    return {
      page: page(d.complaintId),
      fields: {
        thing1: thing(d.title),
        phrase2: thing(d.statusLabel, 5),
        time3: formatChinaTime(d.at ?? new Date()),
        thing4: thing(d.note || '点击查看办理详情'),
      },
    };
  }
  const d = data as NotificationDataMap['survey_open'] | NotificationDataMap['vote_open'];
  const id = 'surveyId' in d ? d.surveyId : d.voteId;
  return {
    page: page(id),
    fields: {
      thing1: thing(d.title),
      time2: d.closesAt ? formatChinaTime(d.closesAt) : '以公告为准',
      thing3: template === 'survey_open' ? '请及时填写改造征求意见表' : '请在截止前完成表决',
    },
  };
}

export interface NotifyResult {
  sent: number;
  failed: number;
  outbox: number;
}

interface Recipient {
  userId: Types.ObjectId;
  openid?: string | null;
  regionPath: string;
}

async function deliverOne(
  recipient: Recipient,
  template: NotificationTemplate,
  message: { fields: Record<string, string>; page: string },
  delivery: Delivery,
): Promise<NotificationStatus> {
  let status: NotificationStatus = NotificationStatus.Outbox;
  let error: string | undefined;
  if (delivery.wechat) {
    const templateId = delivery.templateIds[template];
    if (!templateId) [status, error] = [NotificationStatus.Failed, '未配置该订阅消息的模板 ID'];
    else if (!recipient.openid) [status, error] = [NotificationStatus.Failed, '该用户没有微信 openid'];
    else {
      try {
        await sendSubscribeMessage(delivery.wechat, { touser: recipient.openid, templateId, ...message });
        status = NotificationStatus.Sent;
      } catch (err) {
        [status, error] = [NotificationStatus.Failed, err instanceof Error ? err.message : String(err)];
        logger.warn({ err, template }, 'subscription message failed');
      }
    }
  }
  await Notification.create({
    userId: recipient.userId,
    template,
    status,
    regionPath: recipient.regionPath,
    ...message,
    error,
  });
  return status;
}

const sendConcurrency = 8;

/** Sends to those recipients who still hold an accepted subscription for the template, using one each. */
async function notifyRecipients<T extends NotificationTemplate>(
  recipients: Recipient[],
  template: T,
  data: NotificationDataMap[T],
  env?: Env,
): Promise<NotifyResult> {
  const result: NotifyResult = { sent: 0, failed: 0, outbox: 0 };
  if (recipients.length === 0) return result;
  const delivery = deliverySettings(env);
  const message = renderMessage(template, data);
  const subscribed = await Subscription.find(
    { userId: { $in: recipients.map((r) => r.userId) }, template, remaining: { $gt: 0 } },
    { userId: 1 },
  ).lean();
  const withSubscription = new Set(subscribed.map((s) => String(s.userId)));
  const queue = recipients.filter((r) => withSubscription.has(String(r.userId)));
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const used = await Subscription.findOneAndUpdate(
        { userId: r.userId, template, remaining: { $gt: 0 } },
        { $inc: { remaining: -1 } },
      );
      if (!used) continue;
      result[await deliverOne(r, template, message, delivery)] += 1;
    }
  };
  await Promise.all(Array.from({ length: sendConcurrency }, worker));
  return result;
}

/**
 * Tells every resident and supervisor bound to a household of the compound that a survey or vote opened, by
 * WeChat subscription message (or into the outbox when WeChat is not configured). Only those who accepted the
 * template in the mini-program receive it. Resolves when every message is handled; never throws for a single
 * failed message. Callers that must not wait can `void notifyCompoundResidents(...).catch(log)`.
 */
export async function notifyCompoundResidents<T extends NotificationTemplate>(
  compoundId: string | Types.ObjectId,
  template: T,
  data: NotificationDataMap[T],
  opts: { env?: Env } = {},
): Promise<NotifyResult> {
  const households = await Household.find({ compoundId }, { _id: 1, regionPath: 1 }).lean();
  const pathOf = new Map(households.map((h) => [String(h._id), h.regionPath]));
  const users = await User.find(
    {
      householdIds: { $in: households.map((h) => h._id) },
      role: { $in: ['resident', 'supervisor'] },
      disabled: { $ne: true },
    },
    { _id: 1, openid: 1, householdIds: 1 },
  ).lean();
  const recipients = users.map((u) => ({
    userId: u._id,
    openid: u.openid,
    regionPath: u.householdIds.map((h) => pathOf.get(String(h))).find(Boolean) ?? '',
  }));
  return notifyRecipients(recipients, template, data, opts.env);
}

/** One message to one user (e.g. the author of a complaint whose status changed). */
export async function notifyUser<T extends NotificationTemplate>(
  userId: string | Types.ObjectId,
  regionPath: string,
  template: T,
  data: NotificationDataMap[T],
  opts: { env?: Env } = {},
): Promise<NotifyResult> {
  const user = await User.findById(userId, { _id: 1, openid: 1 }).lean();
  if (!user) return { sent: 0, failed: 0, outbox: 0 };
  return notifyRecipients([{ userId: user._id, openid: user.openid, regionPath }], template, data, opts.env);
}

/** Records templates the resident accepted in the WeChat prompt: one more message allowed per acceptance. */
export async function addSubscriptions(userId: string, templates: NotificationTemplate[]): Promise<void> {
  for (const template of new Set(templates)) {
    await Subscription.updateOne({ userId, template }, { $inc: { remaining: 1 } }, { upsert: true });
  }
}
