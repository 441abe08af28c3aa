import type { ComplaintExportQuery } from '@jiugai/shared';
import type { AuthUser } from '../../auth/tokens';
import { scopeFilter } from '../../middlewares/auth';

/** The Mongo filter of the staff queue (and its export): the caller's region plus the chosen filters. */
export function complaintQueueFilter(
  user: AuthUser,
  q: ComplaintExportQuery,
  now: Date,
): Record<string, unknown> {
  const filter: Record<string, unknown> = { ...scopeFilter(user) };
  if (q.status) filter.status = q.status;
  if (q.category) filter.category = q.category;
  if (q.projectId) filter.projectId = q.projectId;
  if (q.escalation) filter.escalationLevel = q.escalation;
  if (q.overdue === true)
    Object.assign(filter, { status: q.status ?? { $ne: 'closed' }, dueAt: { $lt: now } });
  if (q.overdue === false) filter.$or = [{ status: 'closed' }, { dueAt: { $gte: now } }];
  return filter;
}
