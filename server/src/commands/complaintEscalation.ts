import { complaintTimeLimits, type ComplaintStatus, type EscalationLevel } from '@jiugai/shared';
import { Complaint } from '../models/complaint';
import { addWorkingDays } from './workingDays';

const levelRank: Record<EscalationLevel, number> = { community: 0, street: 1, bureau: 2 };

/** When a complaint entering `status` at `since` must leave it, and when it then goes on to the bureau. */
export function complaintDeadlines(
  status: ComplaintStatus,
  since: Date,
): { dueAt?: Date; bureauDueAt?: Date } {
  if (status === 'closed') return {};
  const dueAt = addWorkingDays(since, complaintTimeLimits.workingDays[status]);
  return { dueAt, bureauDueAt: addWorkingDays(dueAt, complaintTimeLimits.bureauAfterOverdueDays) };
}

/** The level an open complaint should have reached by `now`: on time → 社区, overdue → 街道办, later → 区住建局. */
export function escalationLevelAt(
  deadlines: { dueAt?: Date | null; bureauDueAt?: Date | null },
  now: Date,
): EscalationLevel {
  if (deadlines.bureauDueAt && now > deadlines.bureauDueAt) return 'bureau';
  if (deadlines.dueAt && now > deadlines.dueAt) return 'street';
  return 'community';
}

/** Levels never go back down: once the street office has been told, the complaint stays on its list. */
export const higherLevel = (a: EscalationLevel, b: EscalationLevel): EscalationLevel =>
  levelRank[a] >= levelRank[b] ? a : b;

export const isOverdue = (c: { status: string; dueAt?: Date | null }, now: Date): boolean =>
  c.status !== 'closed' && !!c.dueAt && now > c.dueAt;

/**
 * Raises the stored escalation level of every open complaint past its limits, so street and bureau queues
 * and dashboards can filter on it. Idempotent, and cheap when nothing is due (index lookups only): run before
 * reading queues and dashboards. One update per status and level, whatever the number of complaints.
 */
export async function escalateOverdueComplaints(
  now = new Date(),
): Promise<{ toStreet: number; toBureau: number }> {
  const due = (level: EscalationLevel, field: 'dueAt' | 'bureauDueAt') =>
    Complaint.find(
      { escalationLevel: level, [field]: { $lt: now }, status: { $ne: 'closed' as const } },
      { _id: 1, status: 1 },
    ).lean();
  const toBureau = [...(await due('community', 'bureauDueAt')), ...(await due('street', 'bureauDueAt'))];
  const bureauIds = new Set(toBureau.map((c) => String(c._id)));
  const toStreet = (await due('community', 'dueAt')).filter((c) => !bureauIds.has(String(c._id)));
  const raise = async (rows: { _id: unknown; status: string }[], level: EscalationLevel, note: string) => {
    for (const status of new Set(rows.map((r) => r.status))) {
      const ids = rows.filter((r) => r.status === status).map((r) => r._id);
      // Only ever upwards, also when two sweeps run at once.
      const below = level === 'bureau' ? { $ne: 'bureau' } : 'community';
      const filter: Record<string, unknown> = { _id: { $in: ids }, status, escalationLevel: below };
      await Complaint.updateMany(filter, {
        $set: { escalationLevel: level },
        $push: { history: { action: 'escalate', status, actorRole: 'system', note, at: now } },
      });
    }
  };
  await raise(toBureau, 'bureau', '逾期未办结，已提级至区住建局督办');
  await raise(toStreet, 'street', '逾期未处理，已提级至街道办督办');
  return { toStreet: toStreet.length, toBureau: toBureau.length };
}
