import {
  complaintCategories,
  complaintStatuses,
  escalationLevels,
  milestoneDefaults,
  projectStages,
  type ComplaintStats,
  type MilestoneKey,
  type OverdueMilestone,
  type ProjectStage,
} from '@jiugai/shared';
import { inChina } from './workingDays';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function projectsByStage(projects: { stage?: string | null }[]): Record<ProjectStage, number> {
  const byStage = zeroes(projectStages);
  for (const p of projects) if (p.stage && p.stage in byStage) byStage[p.stage as ProjectStage] += 1;
  return byStage;
}

interface ProjectMilestones {
  _id: unknown;
  name: string;
  milestones?:
    { key?: string | null; deadline?: string | Date | null; doneAt?: string | Date | null }[] | null;
}

/** Milestones past their deadline (China calendar day) and not done, most overdue first. */
export function overdueMilestones(projects: ProjectMilestones[], now: Date): OverdueMilestone[] {
  const today = inChina(now).startOf('day');
  const out: OverdueMilestone[] = [];
  for (const p of projects) {
    for (const m of p.milestones ?? []) {
      if (!m?.deadline || m.doneAt) continue;
      const deadline =
        typeof m.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m.deadline)
          ? m.deadline
          : inChina(m.deadline).format('YYYY-MM-DD');
      const days = today.diff(inChina(`${deadline}T00:00:00+08:00`).startOf('day'), 'day');
      if (!(days > 0)) continue;
      const key = m.key ?? '';
      out.push({
        projectId: String(p._id),
        projectName: p.name,
        key,
        label: milestoneDefaults[key as MilestoneKey]?.label ?? key,
        deadline,
        daysOverdue: days,
      });
    }
  }
  return out.sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.projectName.localeCompare(b.projectName, 'zh-CN'),
  );
}

/** Complaints counted by status, category, level and rating (one row per combination). */
export interface ComplaintGroup {
  status: string;
  category: string;
  escalationLevel?: string | null;
  score?: number | null;
  count: number;
  /** Sum over the closed ones of (closedAt − createdAt), in ms. */
  handlingMs: number;
}

export function complaintStats(groups: ComplaintGroup[], overdue: number): ComplaintStats {
  const byStatus = zeroes(complaintStatuses);
  const byCategory = zeroes(complaintCategories);
  const byEscalation = zeroes(escalationLevels);
  const distribution = zeroes(['1', '2', '3', '4', '5'] as const);
  let total = 0;
  let handlingMs = 0;
  let ratingSum = 0;
  let rated = 0;
  for (const g of groups) {
    total += g.count;
    if (g.status in byStatus) byStatus[g.status as keyof typeof byStatus] += g.count;
    if (g.category in byCategory) byCategory[g.category as keyof typeof byCategory] += g.count;
    if (g.status === 'closed') handlingMs += g.handlingMs;
    else {
      const level = (g.escalationLevel ?? 'community') as keyof typeof byEscalation;
      if (level in byEscalation) byEscalation[level] += g.count;
    }
    if (g.score && g.score >= 1 && g.score <= 5) {
      distribution[String(g.score) as keyof typeof distribution] += g.count;
      ratingSum += g.score * g.count;
      rated += g.count;
    }
  }
  return {
    total,
    open: total - byStatus.closed,
    byStatus,
    byCategory,
    overdue,
    byEscalation,
    avgHandlingHours: byStatus.closed ? oneDecimal(handlingMs / byStatus.closed / 3_600_000) : null,
    satisfaction: { rated, average: rated ? oneDecimal(ratingSum / rated) : null, distribution },
  };
}
