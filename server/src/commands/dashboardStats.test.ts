import { describe, expect, it } from 'vitest';
import { complaintStats, overdueMilestones, projectsByStage } from './dashboardStats';

const china = (s: string) => new Date(`${s}+08:00`);
const now = china('2026-04-15T09:00:00');

describe('dashboard figures', () => {
  it('counts projects in every stage, zero included', () => {
    const byStage = projectsByStage([
      { stage: 'construction' },
      { stage: 'construction' },
      { stage: 'design' },
      {},
    ]);
    expect(byStage).toMatchObject({ construction: 2, design: 1, consultation: 0, handover: 0 });
  });

  it('lists milestones past their deadline and not done, tolerating missing data', () => {
    const list = overdueMilestones(
      [
        {
          _id: 'p1',
          name: '甲小区',
          milestones: [
            { key: 'procedures', deadline: '2026-04-10', doneAt: null },
            { key: 'basic_completion', deadline: '2026-10-31', doneAt: null },
            { key: 'acceptance', deadline: '2026-04-14', doneAt: '2026-04-13' },
          ],
        },
        {
          _id: 'p2',
          name: '乙小区',
          milestones: [{ key: 'procedures', deadline: '2026-04-14' }, { key: 'x' }],
        },
        { _id: 'p3', name: '丙小区' },
        { _id: 'p4', name: '丁小区', milestones: [{ key: 'procedures', deadline: '2026-04-15' }] },
      ],
      now,
    );
    expect(list).toEqual([
      {
        projectId: 'p1',
        projectName: '甲小区',
        key: 'procedures',
        label: '完成前期手续及方案评审',
        deadline: '2026-04-10',
        daysOverdue: 5,
      },
      {
        projectId: 'p2',
        projectName: '乙小区',
        key: 'procedures',
        label: '完成前期手续及方案评审',
        deadline: '2026-04-14',
        daysOverdue: 1,
      },
    ]);
  });

  it('summarises complaints: status, category, escalation, handling time and satisfaction', () => {
    const hours = (h: number) => h * 3_600_000;
    const stats = complaintStats(
      [
        { status: 'submitted', category: 'safety', escalationLevel: 'street', count: 1, handlingMs: 0 },
        { status: 'processing', category: 'quality', escalationLevel: 'community', count: 1, handlingMs: 0 },
        {
          status: 'closed',
          category: 'quality',
          escalationLevel: 'community',
          score: 5,
          count: 1,
          handlingMs: hours(24),
        },
        {
          status: 'closed',
          category: 'civility',
          escalationLevel: 'street',
          score: 2,
          count: 2,
          handlingMs: hours(120),
        },
        {
          status: 'closed',
          category: 'other',
          escalationLevel: 'community',
          score: null,
          count: 1,
          handlingMs: hours(6),
        },
      ],
      1,
    );
    expect(stats).toMatchObject({
      total: 6,
      open: 2,
      byStatus: { submitted: 1, accepted: 0, processing: 1, closed: 4 },
      byCategory: { quality: 2, safety: 1, civility: 2, other: 1, plan: 0 },
      overdue: 1,
      byEscalation: { community: 1, street: 1, bureau: 0 },
      avgHandlingHours: 37.5, // (24 + 2 × 60 + 6) / 4
      satisfaction: { rated: 3, average: 3, distribution: { '1': 0, '2': 2, '3': 0, '4': 0, '5': 1 } },
    });
    expect(complaintStats([], 0)).toMatchObject({
      total: 0,
      avgHandlingHours: null,
      satisfaction: { average: null },
    });
  });
});
