import { describe, expect, it } from 'vitest';
import { addWorkingDays, formatChinaTime, workingDaysBetween } from './workingDays';

// 2026-05-01 is a Friday. Times are written in China time (+08:00).
const china = (s: string) => new Date(`${s}+08:00`);

describe('working-day deadlines (China time, Monday–Friday)', () => {
  it.each([
    ['Monday morning, 1 day', '2026-04-27T09:00:00', 1, '2026-04-28 23:59'],
    ['Friday afternoon, 1 day → end of Monday', '2026-05-01T15:00:00', 1, '2026-05-04 23:59'],
    ['Saturday, 1 day → end of Monday', '2026-05-02T10:00:00', 1, '2026-05-04 23:59'],
    ['Sunday late evening, 2 days → end of Tuesday', '2026-05-03T23:30:00', 2, '2026-05-05 23:59'],
    ['Thursday, 5 days → end of next Thursday', '2026-04-30T08:00:00', 5, '2026-05-07 23:59'],
    ['Wednesday, 3 days crosses a weekend → Monday', '2026-04-29T12:00:00', 3, '2026-05-04 23:59'],
  ])('%s', (_label, start, days, due) => {
    expect(formatChinaTime(addWorkingDays(china(start), days))).toBe(due);
  });

  it('counts the day in China, not in UTC: 01:00 Saturday in China is still Friday in UTC', () => {
    expect(formatChinaTime(addWorkingDays(china('2026-05-02T01:00:00'), 1))).toBe('2026-05-04 23:59');
  });

  it('counts working days between two moments, skipping weekends', () => {
    expect(workingDaysBetween(china('2026-05-01T10:00:00'), china('2026-05-04T10:00:00'))).toBe(1);
    expect(workingDaysBetween(china('2026-05-01T10:00:00'), china('2026-05-08T10:00:00'))).toBe(5);
    expect(workingDaysBetween(china('2026-05-08T10:00:00'), china('2026-05-01T10:00:00'))).toBe(0);
  });
});
