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
import { Region } from '../models/region';
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

/** Sends one message to WeChat, or keeps it for the outbox when WeChat is not configured. */
async function deliverOne(
  recipient: Recipient,
  template: NotificationTemplate,
  message: { fields: Record<string, string>; page: string },
  delivery: Delivery,
): Promise<{ status: NotificationStatus; error?: string }> {
  if (!delivery.wechat) return { status: NotificationStatus.Outbox };
  const templateId = delivery.templateIds[template];
  if (!templateId) return { status: NotificationStatus.Failed, error: '未配置该订阅消息的模板 ID' };
  if (!recipient.openid) return { status: NotificationStatus.Failed, error: '该用户没有微信 openid' };
  try {
    await sendSubscribeMessage(delivery.wechat, { touser: recipient.openid, templateId, ...message });
    return { status: NotificationStatus.Sent };
  } catch (err) {
    logger.warn({ err, template }, 'subscription message failed');
    return { status: NotificationStatus.Failed, error: err instanceof Error ? err.message : String(err) };
  }
}

const sendConcurrency = 8;

/** Delivers one message per recipient (8 WeChat requests in flight) and records them all in one insert. */
async function deliverAll<T extends NotificationTemplate>(
  recipients: Recipient[],
  template: T,
  data: NotificationDataMap[T],
  env?: Env,
): Promise<NotifyResult> {
  const result: NotifyResult = { sent: 0, failed: 0, outbox: 0 };
  if (recipients.length === 0) return result;
  const delivery = deliverySettings(env);
  const message = renderMessage(template, data);
  const queue = [...recipients];
  const records: Record<string, unknown>[] = [];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const { status, error } = await deliverOne(r, template, message, delivery);
      result[status] += 1;
      records.push({
        userId: r.userId,
        template,
        status,
        regionPath: r.regionPath,
        ...message,
        ...(error ? { error } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: sendConcurrency }, worker));
  await Notification.insertMany(records);
  return result;
}

/**
 * Tells every resident and supervisor of the compound who accepted the template in the mini-program that a
 * survey or vote opened, by WeChat subscription message (or into the outbox when WeChat is not configured),
 * using one subscription each. Resolves when every message is handled; never throws for a single failed
 * message. Callers that must not wait can `void notifyCompoundResidents(...).catch(log)`.
 */
export async function notifyCompoundResidents<T extends NotificationTemplate>(
  compoundId: string | Types.ObjectId,
  template: T,
  data: NotificationDataMap[T],
  opts: { env?: Env } = {},
): Promise<NotifyResult> {
  const startedAt = new Date();
  const available = { template, compoundIds: compoundId, remaining: { $gt: 0 } };
  const [subscriptions, compound] = await Promise.all([
    Subscription.find(available, { userId: 1, openid: 1 }).lean(),
    Region.findById(compoundId, { path: 1 }).lean(),
  ]);
  if (subscriptions.length === 0) return { sent: 0, failed: 0, outbox: 0 };
  // One update uses them all. A resident who subscribes again while this runs keeps the new subscription
  // (updatedAt after the start); at worst they get this message without paying for it.
  await Subscription.updateMany(
    { ...available, updatedAt: { $lte: startedAt } },
    { $inc: { remaining: -1 } },
  );
  const recipients = subscriptions.map((s) => ({
    userId: s.userId,
    openid: s.openid,
    regionPath: compound?.path ?? '',
  }));
  return deliverAll(recipients, template, data, opts.env);
}

/** One message to one user (e.g. the author of a complaint whose status changed), if they hold a subscription. */
export async function notifyUser<T extends NotificationTemplate>(
  userId: string | Types.ObjectId,
  regionPath: string,
  template: T,
  data: NotificationDataMap[T],
  opts: { env?: Env } = {},
): Promise<NotifyResult> {
  const used = await Subscription.findOneAndUpdate(
    { userId, template, remaining: { $gt: 0 } },
    { $inc: { remaining: -1 } },
    { projection: { userId: 1, openid: 1 } },
  ).lean();
  if (!used) return { sent: 0, failed: 0, outbox: 0 };
  return deliverAll([{ userId: used.userId, openid: used.openid, regionPath }], template, data, opts.env);
}

/** Records templates the resident accepted in the WeChat prompt: one more message allowed per acceptance. */
export async function addSubscriptions(userId: string, templates: NotificationTemplate[]): Promise<void> {
  const user = await User.findById(userId, { householdIds: 1, openid: 1 }).lean();
  const households = user?.householdIds.length
    ? await Household.find({ _id: { $in: user.householdIds } }, { compoundId: 1 }).lean()
    : [];
  const current = {
    compoundIds: [...new Set(households.map((h) => String(h.compoundId)))],
    openid: user?.openid ?? '',
  };
  await Subscription.updateMany({ userId }, { $set: current });
  for (const template of new Set(templates)) {
    await Subscription.updateOne(
      { userId, template },
      { $inc: { remaining: 1 }, $set: current },
      { upsert: true },
    );
  }
}
