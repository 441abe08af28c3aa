import { complaintTimeLimits, type ComplaintStatus, type EscalationLevel } from '@jiugai/shared';
import { Complaint } from '../models/complaint';
import { addWorkingDays } from './workingDays';

const levelRank: Record<EscalationLevel, number> = { community: 0, street: 1, bureau: 2 };

/** When a complaint entering `status` at `since` must leave it, and when it then goes on to the bureau. */
export function complaintDeadlines(status: ComplaintStatus, since: Date): { dueAt?: Date; bureauDueAt?: Date } {
  if (status === 'closed') return {};
  const dueAt = addWorkingDays(since, complaintTimeLimits.workingDays[status]);
  return { dueAt, bureauDueAt: addWorkingDays(dueAt, complaintTimeLimits.bureauAfterOverdueDays) };
}

/** The level an open complaint should have reached by `now`: on time → 社区, overdue → 街道办, later → 区住建局. */
export function escalationLevelAt(deadlines: { dueAt?: Date | null; bureauDueAt?: Date | null }, now: Date): EscalationLevel {
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
 * and dashboards can filter on it. Cheap (indexed) and idempotent: run before reading queues and dashboards.
 */
export async function escalateOverdueComplaints(now = new Date()): Promise<{ toStreet: number; toBureau: number }> {
  const open = { status: { $ne: 'closed' as const } };
  const entry = (level: EscalationLevel) => ({
    action: 'escalate',
    actorRole: 'system',
    note: level === 'bureau' ? '逾期未办结，已提级至区住建局督办' : '逾期未处理，已提级至街道办督办',
    at: now,
  });
  const bureau = await Complaint.find(
    { ...open, bureauDueAt: { $lt: now }, escalationLevel: { $ne: 'bureau' } },
    { _id: 1, status: 1 },
  ).lean();
  for (const c of bureau) {
    await Complaint.updateOne(
      { _id: c._id, escalationLevel: { $ne: 'bureau' } },
      { $set: { escalationLevel: 'bureau' }, $push: { history: { ...entry('bureau'), status: c.status } } },
    );
  }
  const street = await Complaint.find(
    { ...open, dueAt: { $lt: now }, escalationLevel: 'community' },
    { _id: 1, status: 1 },
  ).lean();
  for (const c of street) {
    await Complaint.updateOne(
      { _id: c._id, escalationLevel: 'community' },
      { $set: { escalationLevel: 'street' }, $push: { history: { ...entry('street'), status: c.status } } },
    );
  }
  return { toStreet: street.length, toBureau: bureau.length };
}
