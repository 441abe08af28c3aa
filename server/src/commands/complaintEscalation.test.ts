import { describe, expect, it } from 'vitest';
import { complaintTimeLimits } from '@jiugai/shared';
import { complaintDeadlines, escalationLevelAt, higherLevel, isOverdue } from './complaintEscalation';
import { formatChinaTime } from './workingDays';

const china = (s: string) => new Date(`${s}+08:00`);

describe('complaint time limits and escalation', () => {
  it('gives each open status its working-day limit and no deadline once closed', () => {
    expect(complaintTimeLimits.workingDays).toEqual({ submitted: 1, accepted: 2, processing: 5 });
    const friday = china('2026-05-01T16:00:00');
    expect(formatChinaTime(complaintDeadlines('submitted', friday).dueAt!)).toBe('2026-05-04 23:59');
    expect(formatChinaTime(complaintDeadlines('accepted', friday).dueAt!)).toBe('2026-05-05 23:59');
    expect(formatChinaTime(complaintDeadlines('processing', friday).dueAt!)).toBe('2026-05-08 23:59');
    expect(complaintDeadlines('closed', friday)).toEqual({});
  });

  it('goes to the bureau three working days after the deadline', () => {
    const { bureauDueAt } = complaintDeadlines('submitted', china('2026-05-01T16:00:00'));
    expect(formatChinaTime(bureauDueAt!)).toBe('2026-05-07 23:59');
  });

  it('escalates community → street → bureau as time passes', () => {
    const d = complaintDeadlines('submitted', china('2026-05-01T16:00:00'));
    expect(escalationLevelAt(d, china('2026-05-04T23:00:00'))).toBe('community');
    expect(escalationLevelAt(d, china('2026-05-05T08:00:00'))).toBe('street');
    expect(escalationLevelAt(d, china('2026-05-07T23:00:00'))).toBe('street');
    expect(escalationLevelAt(d, china('2026-05-08T00:30:00'))).toBe('bureau');
  });

  it('never lowers a level and never calls a closed complaint overdue', () => {
    expect(higherLevel('bureau', 'community')).toBe('bureau');
    expect(higherLevel('community', 'street')).toBe('street');
    const dueAt = china('2026-05-04T23:59:59');
    expect(isOverdue({ status: 'accepted', dueAt }, china('2026-05-05T09:00:00'))).toBe(true);
    expect(isOverdue({ status: 'closed', dueAt }, china('2026-05-05T09:00:00'))).toBe(false);
  });
});
