import type { Types } from 'mongoose';
import {
  maskName,
  maskPhone,
  supervisorCategoryLabel,
  type InspectionSummary,
  type InspectionView,
  type SupervisionMemberView,
  type SupervisorCategory,
} from '@jiugai/shared';
import type { InspectionDoc } from '../../models/inspection';
import type { SupervisionMemberDoc } from '../../models/supervisionMember';
import { Inspection } from '../../models/inspection';
import { SupervisionMember } from '../../models/supervisionMember';
import { User } from '../../models/user';

const categoryLabel = (c: string) => supervisorCategoryLabel[c as SupervisorCategory] ?? '';

export async function presentMembers(docs: SupervisionMemberDoc[]): Promise<SupervisionMemberView[]> {
  const users = await User.find({ _id: { $in: docs.map((d) => d.userId) } }, { name: 1, phone: 1 }).lean();
  const byId = new Map(users.map((u) => [String(u._id), u]));
  return docs.map((d) => {
    const u = byId.get(String(d.userId));
    return {
      id: String(d._id),
      projectId: String(d.projectId),
      userId: String(d.userId),
      category: d.category as SupervisorCategory,
      categoryLabel: categoryLabel(d.category),
      // Staff manage the group and need to know who is in it; the phone stays masked.
      name: u?.name ?? '',
      phone: maskPhone(u?.phone),
      createdAt: new Date(d.createdAt).toISOString(),
    };
  });
}

export async function presentInspections(docs: InspectionDoc[]): Promise<InspectionView[]> {
  const users = await User.find({ _id: { $in: docs.map((d) => d.memberId) } }, { name: 1 }).lean();
  const names = new Map(users.map((u) => [String(u._id), u.name ?? '']));
  return docs.map((d) => ({
    id: String(d._id),
    projectId: String(d.projectId),
    date: d.date,
    ratings: { quality: d.ratings!.quality, safety: d.ratings!.safety, civility: d.ratings!.civility },
    findings: d.findings,
    photos: d.photos,
    member: {
      name: names.get(String(d.memberId)) ?? '',
      category: (d.memberCategory || '') as SupervisorCategory | '',
      categoryLabel: categoryLabel(d.memberCategory ?? ''),
    },
    createdAt: new Date(d.createdAt).toISOString(),
  }));
}

const average = (values: number[]) =>
  values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;

/** Count, average ratings and the latest inspection of each project. */
export async function summarise(
  projects: { _id: Types.ObjectId; name: string }[],
): Promise<InspectionSummary[]> {
  const ids = projects.map((p) => p._id);
  const [inspections, members] = await Promise.all([
    Inspection.find(
      { projectId: { $in: ids } },
      { projectId: 1, date: 1, ratings: 1, findings: 1, memberId: 1, createdAt: 1 },
    )
      .sort({ date: -1, createdAt: -1 })
      .lean(),
    SupervisionMember.find({ projectId: { $in: ids } }, { projectId: 1 }).lean(),
  ]);
  const names = new Map(
    (
      await User.find(
        { _id: { $in: [...new Set(inspections.map((i) => String(i.memberId)))] } },
        { name: 1 },
      ).lean()
    ).map((u) => [String(u._id), u.name ?? '']),
  );
  return projects.map((p) => {
    const mine = inspections.filter((i) => String(i.projectId) === String(p._id));
    const last = mine[0];
    return {
      projectId: String(p._id),
      projectName: p.name,
      memberCount: members.filter((m) => String(m.projectId) === String(p._id)).length,
      count: mine.length,
      averages: {
        quality: average(mine.map((i) => i.ratings!.quality)),
        safety: average(mine.map((i) => i.ratings!.safety)),
        civility: average(mine.map((i) => i.ratings!.civility)),
      },
      lastInspection: last
        ? { date: last.date, memberName: maskName(names.get(String(last.memberId))), findings: last.findings }
        : null,
    };
  });
}
