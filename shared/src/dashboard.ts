import { z } from 'zod';
import { objectId } from './staff';
import type { Role } from './roles';
import type { ComplaintCategory, ComplaintStatus, EscalationLevel } from './complaints';
import type { MilestoneKey, ProjectStage } from './projects';
import type { CollectionOverview } from './surveys';
import type { TallyView } from './votes';

/** Staff who see dashboards of their region. */
export const dashboardRoles: Role[] = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'];

/** Without `regionId`: the caller's whole scope. */
export const DashboardQuery = z.object({ regionId: objectId('区域').optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export interface OverdueMilestone {
  projectId: string;
  projectName: string;
  key: MilestoneKey | string;
  label: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** Calendar days past the deadline, China time. */
  daysOverdue: number;
}

export interface OpenVoteSummary {
  voteId: string;
  title: string;
  projectId: string;
  closesAt: string;
  participation: TallyView['participation'];
}

export interface ComplaintStats {
  total: number;
  open: number;
  byStatus: Record<ComplaintStatus, number>;
  byCategory: Record<ComplaintCategory, number>;
  /** Open complaints past their time limit. */
  overdue: number;
  /** Open complaints by the level watching them. */
  byEscalation: Record<EscalationLevel, number>;
  /** Mean hours from filing to (last) closing, over closed complaints; null when none is closed. */
  avgHandlingHours: number | null;
  satisfaction: {
    rated: number;
    average: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  };
}

export interface DashboardView {
  region: { id: string | null; name: string };
  generatedAt: string;
  projects: { total: number; byStage: Record<ProjectStage, number> };
  milestonesOverdue: OverdueMilestone[];
  collection: Pick<CollectionOverview, 'target' | 'total' | 'compounds'> & { belowTargetCount: number };
  openVotes: OpenVoteSummary[];
  complaints: ComplaintStats;
}
