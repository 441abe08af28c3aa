import type { DashboardView, OpenVoteSummary } from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { scopeFilter } from '../middlewares/auth';
import { Complaint } from '../models/complaint';
import { Project } from '../models/project';
import { Region } from '../models/region';
import { Vote } from '../models/vote';
import { statusFilter } from '../policies/participation';
import { regionInScope } from '../policies/regionScope';
import { collectionOverview } from './collectionRate';
import { escalateOverdueComplaints } from './complaintEscalation';
import { complaintStats, overdueMilestones, projectsByStage, type ComplaintGroup } from './dashboardStats';
import { tallyVote } from './voteTally';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The region dashboard: projects, milestones, collection rates, open votes and complaints, for one scope. */
export async function buildDashboard(
  user: AuthUser,
  regionId?: string,
  now = new Date(),
): Promise<DashboardView> {
  const region = regionId ? await regionInScope(user, regionId) : undefined;
  const scope = region ? { regionPath: { $regex: `^${escapeRegex(region.path)}` } } : scopeFilter(user);
  const ownRegion =
    !region && user.scopePath
      ? await Region.findOne({ path: user.scopePath }, { name: 1 }).lean()
      : undefined;

  await escalateOverdueComplaints(now);
  const [projects, complaintGroups, overdueComplaints, votes, collection] = await Promise.all([
    Project.find(scope, { name: 1, stage: 1, milestones: 1 }).lean(),
    Complaint.aggregate<{
      _id: Omit<ComplaintGroup, 'count' | 'handlingMs'>;
      count: number;
      handlingMs: number;
    }>([
      { $match: scope },
      {
        $group: {
          _id: {
            status: '$status',
            category: '$category',
            escalationLevel: '$escalationLevel',
            score: '$rating.score',
          },
          count: { $sum: 1 },
          handlingMs: {
            $sum: { $cond: [{ $eq: ['$status', 'closed'] }, { $subtract: ['$closedAt', '$createdAt'] }, 0] },
          },
        },
      },
    ]),
    Complaint.countDocuments({ ...scope, status: { $ne: 'closed' }, dueAt: { $lt: now } }),
    Vote.find({ ...scope, ...statusFilter('open', now) }, { title: 1, projectId: 1, closesAt: 1 })
      .sort({ closesAt: 1 })
      .lean(),
    collectionOverview(user, regionId),
  ]);

  const openVotes: OpenVoteSummary[] = [];
  for (const v of votes) {
    const { view } = await tallyVote(v._id);
    openVotes.push({
      voteId: String(v._id),
      title: v.title,
      projectId: String(v.projectId),
      closesAt: v.closesAt.toISOString(),
      participation: view.participation,
    });
  }

  return {
    region: region
      ? { id: String(region._id), name: region.name }
      : { id: ownRegion ? String(ownRegion._id) : null, name: ownRegion?.name ?? '全部' },
    generatedAt: now.toISOString(),
    projects: { total: projects.length, byStage: projectsByStage(projects) },
    milestonesOverdue: overdueMilestones(projects, now),
    collection: {
      target: collection.target,
      total: collection.total,
      compounds: collection.compounds,
      belowTargetCount: collection.belowTarget.length,
    },
    openVotes,
    complaints: complaintStats(
      complaintGroups.map((g) => ({ ...g._id, count: g.count, handlingMs: g.handlingMs })),
      overdueComplaints,
    ),
  };
}
