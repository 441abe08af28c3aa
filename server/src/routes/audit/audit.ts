import Router from '@koa/router';
import {
  AuditQuery,
  auditReaderRoles,
  isStaffRole,
  maskName,
  type AuditEntryView,
  type Role,
} from '@jiugai/shared';
import { chinaTimeZone } from '../../commands/workingDays';
import { ValidationError } from '../../errors';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { AuditLog } from '../../models/auditLog';
import { User } from '../../models/user';
import dayjs from 'dayjs';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A bare date means the whole day in China; `to` then runs to the end of that day. */
function boundary(value: string, edge: 'start' | 'end'): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  const day = dayjs.tz(value, chinaTimeZone);
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toDate();
}

export function auditRouter(): Router {
  const router = new Router();

  router.get('/audit', auth({ roles: auditReaderRoles }), async (ctx) => {
    const q = parse(AuditQuery, ctx.query);
    const filter: Record<string, unknown> = { ...scopeFilter(currentUser(ctx)) };
    if (q.action) filter.action = q.action.endsWith('.') ? { $regex: `^${escapeRegex(q.action)}` } : q.action;
    if (q.actorId) filter.actorId = q.actorId;
    if (q.targetType) filter.targetType = q.targetType;
    if (q.targetId) filter.targetId = q.targetId;
    const from = q.from ? boundary(q.from, 'start') : undefined;
    const to = q.to ? boundary(q.to, 'end') : undefined;
    if (from && to && from > to)
      throw ValidationError('开始时间不能晚于结束时间', [
        { path: 'from', message: '开始时间不能晚于结束时间' },
      ]);
    if (from || to) filter.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    const [docs, total] = await Promise.all([
      AuditLog.find(filter)
        .sort({ at: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean(),
      AuditLog.countDocuments(filter),
    ]);
    const actorIds = [...new Set(docs.map((d) => d.actorId))].filter((id) => /^[0-9a-f]{24}$/i.test(id));
    const actors = await User.find({ _id: { $in: actorIds } }, { name: 1, role: 1 }).lean();
    const names = new Map(
      actors.map((u) => [String(u._id), isStaffRole(u.role as Role) ? (u.name ?? '') : maskName(u.name)]),
    );
    const items: AuditEntryView[] = docs.map((d) => ({
      id: String(d._id),
      at: new Date(d.at!).toISOString(),
      actorId: d.actorId,
      actorRole: d.actorRole,
      actorName: names.get(d.actorId) ?? '',
      action: d.action,
      targetType: d.targetType,
      targetId: d.targetId,
      channel: d.channel,
      summary: d.summary,
    }));
    ctx.body = { items, total, page: q.page, size: q.size };
  });

  return router;
}
