import { z } from 'zod';
import { PageQuery } from './pagination';

/** The subscription-message templates the mini-program asks residents to accept (wx.requestSubscribeMessage). */
export const NotificationTemplate = {
  SurveyOpen: 'survey_open',
  VoteOpen: 'vote_open',
  ComplaintStatus: 'complaint_status',
} as const;
export type NotificationTemplate = (typeof NotificationTemplate)[keyof typeof NotificationTemplate];
export const notificationTemplates = Object.values(NotificationTemplate) as [
  NotificationTemplate,
  ...NotificationTemplate[],
];

export const notificationTemplateLabel: Record<NotificationTemplate, string> = {
  survey_open: '征求意见开始通知',
  vote_open: '业主表决开始通知',
  complaint_status: '投诉办理进度通知',
};

/** What callers pass for each template; the server maps it to the WeChat template's keyword fields. */
export interface SurveyOpenData {
  title: string;
  surveyId: string;
  projectId?: string;
  closesAt?: Date | string;
}
export interface VoteOpenData {
  title: string;
  voteId: string;
  projectId?: string;
  closesAt?: Date | string;
}
export interface ComplaintStatusData {
  complaintId: string;
  /** A short excerpt of the complaint text. */
  title: string;
  statusLabel: string;
  note?: string;
  at?: Date | string;
}
export interface NotificationDataMap {
  survey_open: SurveyOpenData;
  vote_open: VoteOpenData;
  complaint_status: ComplaintStatusData;
}

/**
 * Delivery state of one message: sent to WeChat, failed at WeChat, or kept in the outbox because WeChat is
 * not configured (development and on-premise installs without a mini-program).
 */
export const NotificationStatus = { Sent: 'sent', Failed: 'failed', Outbox: 'outbox' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];
export const notificationStatuses = Object.values(NotificationStatus) as [
  NotificationStatus,
  ...NotificationStatus[],
];

/** Body of POST /notifications/subscriptions: the templates the resident accepted in the WeChat prompt. */
export const SubscriptionCreateBody = z.object({
  templates: z
    .array(z.enum(notificationTemplates, { message: '订阅消息类型不正确' }))
    .min(1, '请至少选择一种订阅消息')
    .max(notificationTemplates.length),
});
export type SubscriptionCreateBody = z.infer<typeof SubscriptionCreateBody>;

export const OutboxQuery = PageQuery.extend({
  template: z.enum(notificationTemplates, { message: '订阅消息类型不正确' }).optional(),
  status: z.enum(notificationStatuses, { message: '发送状态不正确' }).default('outbox'),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export interface SubscriptionView {
  template: NotificationTemplate;
  /** One accepted prompt allows one message (WeChat one-time subscription). */
  remaining: number;
}

export interface NotificationView {
  id: string;
  template: NotificationTemplate;
  templateLabel: string;
  status: NotificationStatus;
  /** Masked name of the recipient. */
  recipient: string;
  /** The message as the resident reads it. */
  fields: Record<string, string>;
  page: string;
  error?: string;
  createdAt: string;
}

/** Mini-program pages a message opens; `{id}` is replaced with the survey, vote or complaint id. */
export const notificationPagePath: Record<NotificationTemplate, string> = {
  survey_open: 'participate/pages/survey/index?id={id}',
  vote_open: 'participate/pages/vote/index?id={id}',
  complaint_status: 'mine/pages/complaint/index?id={id}',
};
