import { z } from 'zod';
import { PageQuery } from './pagination';
import { objectId } from './staff';
import { PhotoList } from './uploads';
import type { Role } from './roles';

/** Staff who manage supervision groups and read inspection records. */
export const supervisionStaffRoles: Role[] = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'super_admin',
];

/** 义务监督小组 members, as the seed lists them. */
export const SupervisorCategory = {
  NpcDeputy: 'npc_deputy',
  CppccMember: 'cppcc_member',
  VeteranCadre: 'veteran_cadre',
  VeteranPartyMember: 'veteran_party_member',
  ActiveResident: 'active_resident',
} as const;
export type SupervisorCategory = (typeof SupervisorCategory)[keyof typeof SupervisorCategory];
export const supervisorCategories = Object.values(SupervisorCategory) as [
  SupervisorCategory,
  ...SupervisorCategory[],
];
export const supervisorCategoryLabel: Record<SupervisorCategory, string> = {
  npc_deputy: '人大代表',
  cppcc_member: '政协委员',
  veteran_cadre: '老干部',
  veteran_party_member: '老党员',
  active_resident: '热心居民',
};

/** The three things an inspection rates, 1 (poor) to 5 (good). */
export const InspectionAspect = { Quality: 'quality', Safety: 'safety', Civility: 'civility' } as const;
export type InspectionAspect = (typeof InspectionAspect)[keyof typeof InspectionAspect];
export const inspectionAspects = Object.values(InspectionAspect) as [InspectionAspect, ...InspectionAspect[]];
export const inspectionAspectLabel: Record<InspectionAspect, string> = {
  quality: '工程质量',
  safety: '施工安全',
  civility: '文明施工',
};
export const inspectionFindingsMax = 2000;

const rating = (label: string) =>
  z
    .number({ message: `请为${label}打分` })
    .int(`${label}评分须为整数`)
    .min(1, `${label}评分为 1–5 分`)
    .max(5, `${label}评分为 1–5 分`);

export const SupervisionMemberCreateBody = z.object({
  projectId: objectId('项目'),
  userId: objectId('用户'),
  category: z.enum(supervisorCategories, { message: '请选择监督员类别' }),
});
export type SupervisionMemberCreateBody = z.infer<typeof SupervisionMemberCreateBody>;

export const SupervisionProjectQuery = z.object({ projectId: objectId('项目') });
export const SupervisionSummaryQuery = z.object({ projectId: objectId('项目').optional() });
export const SupervisionMemberParams = z.object({ id: objectId('成员') });

export const InspectionCreateBody = z.object({
  projectId: objectId('项目'),
  date: z
    .string({ message: '请填写巡查日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '巡查日期格式应为 YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '巡查日期无效'),
  ratings: z.object({
    quality: rating('工程质量'),
    safety: rating('施工安全'),
    civility: rating('文明施工'),
  }),
  findings: z
    .string({ message: '请填写巡查发现' })
    .trim()
    .min(2, '请填写巡查发现')
    .max(inspectionFindingsMax, `巡查发现最多 ${inspectionFindingsMax} 字`),
  photos: PhotoList.default([]),
});
export type InspectionCreateBody = z.infer<typeof InspectionCreateBody>;

export const InspectionListQuery = PageQuery.extend({ projectId: objectId('项目') });
export const MyInspectionsQuery = PageQuery;
export type InspectionListQuery = z.infer<typeof InspectionListQuery>;

export interface SupervisionMemberView {
  id: string;
  projectId: string;
  userId: string;
  category: SupervisorCategory;
  categoryLabel: string;
  name: string;
  /** Masked. */
  phone: string;
  createdAt: string;
}

export interface InspectionView {
  id: string;
  projectId: string;
  date: string;
  ratings: Record<InspectionAspect, number>;
  findings: string;
  photos: string[];
  member: { name: string; category: SupervisorCategory | ''; categoryLabel: string };
  createdAt: string;
}

export interface InspectionSummary {
  projectId: string;
  projectName: string;
  memberCount: number;
  count: number;
  /** Averages to one decimal; null when there is no inspection yet. */
  averages: Record<InspectionAspect, number | null>;
  lastInspection: { date: string; memberName: string; findings: string } | null;
}

export interface SupervisedProjectView {
  projectId: string;
  projectName: string;
  category: SupervisorCategory;
  categoryLabel: string;
}
