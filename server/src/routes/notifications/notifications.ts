import Router from '@koa/router';
import {
  OutboxQuery,
  SubscriptionCreateBody,
  complaintFilerRoles,
  complaintHandlerRoles,
  maskName,
  notificationTemplateLabel,
  notificationTemplates,
  type NotificationStatus,
  type NotificationTemplate,
  type NotificationView,
  type SubscriptionView,
} from '@jiugai/shared';
import { addSubscriptions, subscribeTemplateIds } from '../../commands/notifications';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { Notification } from '../../models/notification';
import { Subscription } from '../../models/subscription';
import { User } from '../../models/user';

async function subscriptionsOf(userId: string): Promise<SubscriptionView[]> {
  const subs = await Subscription.find({ userId }, { template: 1, remaining: 1 }).lean();
  return subs.map((s) => ({ template: s.template as NotificationTemplate, remaining: s.remaining }));
}

export function notificationsRouter(): Router {
  const router = new Router();

  // The template ids the mini-program passes to wx.requestSubscribeMessage; empty when not configured.
  router.get('/notifications/templates', auth(), async (ctx) => {
    const ids = subscribeTemplateIds(ctx.env);
    ctx.body = {
      items: notificationTemplates.map((template) => ({
        template,
        label: notificationTemplateLabel[template],
        templateId: ids[template] ?? '',
      })),
    };
  });

  // The mini-program reports which templates the resident accepted in wx.requestSubscribeMessage.
  router.post('/notifications/subscriptions', auth({ roles: complaintFilerRoles }), async (ctx) => {
    const body = parse(SubscriptionCreateBody, ctx.request.body);
    const user = currentUser(ctx);
    await addSubscriptions(user.id, body.templates);
    ctx.status = 201;
    ctx.body = { items: await subscriptionsOf(user.id) };
  });

  router.get('/notifications/subscriptions', auth({ roles: complaintFilerRoles }), async (ctx) => {
    ctx.body = { items: await subscriptionsOf(currentUser(ctx).id) };
  });

  // Messages not (or not successfully) sent to WeChat, for staff to follow up by other means.
  router.get('/notifications/outbox', auth({ roles: complaintHandlerRoles }), async (ctx) => {
    const q = parse(OutboxQuery, ctx.query);
    const filter: Record<string, unknown> = { ...scopeFilter(currentUser(ctx)), status: q.status };
    if (q.template) filter.template = q.template;
    const [docs, total] = await Promise.all([
      Notification.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean(),
      Notification.countDocuments(filter),
    ]);
    const users = await User.find({ _id: { $in: docs.map((d) => d.userId) } }, { name: 1 }).lean();
    const names = new Map(users.map((u) => [String(u._id), u.name ?? '']));
    const items: NotificationView[] = docs.map((d) => ({
      id: String(d._id),
      template: d.template as NotificationTemplate,
      templateLabel: notificationTemplateLabel[d.template as NotificationTemplate],
      status: d.status as NotificationStatus,
      recipient: maskName(names.get(String(d.userId))),
      fields: d.fields as Record<string, string>,
      page: d.page,
      ...(d.error ? { error: d.error } : {}),
      createdAt: new Date(d.createdAt).toISOString(),
    }));
    ctx.body = { items, total, page: q.page, size: q.size };
  });

  return router;
}
