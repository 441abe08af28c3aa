import { z } from 'zod';
import { PageQuery, type Page } from './pagination';
import { objectId } from './staff';
import { PhotoList } from './uploads';
import type { Role } from './roles';

/** Who files complaints (mini-program) and who handles them (admin console). */
export const complaintFilerRoles: Role[] = ['resident', 'supervisor'];
export const complaintHandlerRoles: Role[] = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'super_admin',
];

export const ComplaintCategory = {
  Quality: 'quality',
  Safety: 'safety',
  Civility: 'civility',
  Progress: 'progress',
  Plan: 'plan',
  Property: 'property',
  Other: 'other',
} as const;
export type ComplaintCategory = (typeof ComplaintCategory)[keyof typeof ComplaintCategory];
export const complaintCategories = Object.values(ComplaintCategory) as [
  ComplaintCategory,
  ...ComplaintCategory[],
];
export const complaintCategoryLabel: Record<ComplaintCategory, string> = {
  quality: '施工质量',
  safety: '安全',
  civility: '文明施工/扰民',
  progress: '进度',
  plan: '方案',
  property: '物业',
  other: '其他',
};

/** 已提交 → 已受理 → 处理中 → 已办结; a reopened complaint goes back to 处理中. */
export const ComplaintStatus = {
  Submitted: 'submitted',
  Accepted: 'accepted',
  Processing: 'processing',
  Closed: 'closed',
} as const;
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];
export const complaintStatuses = Object.values(ComplaintStatus) as [ComplaintStatus, ...ComplaintStatus[]];
export const complaintStatusLabel: Record<ComplaintStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  processing: '处理中',
  closed: '已办结',
};
/** Staff moves allowed from each status (closing requires a reply). */
export const complaintTransitions: Record<ComplaintStatus, ComplaintStatus[]> = {
  submitted: ['accepted'],
  accepted: ['processing', 'closed'],
  processing: ['closed'],
  closed: [],
};

/**
 * Time limits, in working days, for a complaint to leave each open status: the one place to change them.
 * Past the limit the complaint is overdue and escalates to the street office; `bureauAfterOverdueDays`
 * further working days later it escalates to the district housing bureau.
 */
export const complaintTimeLimits = {
  workingDays: { submitted: 1, accepted: 2, processing: 5 } satisfies Record<
    Exclude<ComplaintStatus, 'closed'>,
    number
  >,
  bureauAfterOverdueDays: 3,
} as const;

export const EscalationLevel = { Community: 'community', Street: 'street', Bureau: 'bureau' } as const;
export type EscalationLevel = (typeof EscalationLevel)[keyof typeof EscalationLevel];
export const escalationLevels = Object.values(EscalationLevel) as [EscalationLevel, ...EscalationLevel[]];
export const escalationLevelLabel: Record<EscalationLevel, string> = {
  community: '社区',
  street: '街道办',
  bureau: '区住建局',
};

/** public: listed with its building; anonymous: listed without the building; private: not listed publicly. */
export const ComplaintVisibility = { Public: 'public', Anonymous: 'anonymous', Private: 'private' } as const;
export type ComplaintVisibility = (typeof ComplaintVisibility)[keyof typeof ComplaintVisibility];
export const complaintVisibilities = Object.values(ComplaintVisibility) as [
  ComplaintVisibility,
  ...ComplaintVisibility[],
];
export const complaintVisibilityLabel: Record<ComplaintVisibility, string> = {
  public: '公开',
  anonymous: '匿名公开',
  private: '不公开',
};

export const complaintTextLimits = { min: 5, max: 1000 } as const;
export const complaintReplyMax = 1000;

const category = z.enum(complaintCategories, { message: '请选择投诉类别' });
const note = z.string().trim().max(500, '备注最多 500 字').optional();

export const ComplaintCreateBody = z.object({
  projectId: objectId('项目'),
  category,
  text: z
    .string()
    .trim()
    .min(complaintTextLimits.min, `内容至少 ${complaintTextLimits.min} 个字`)
    .max(complaintTextLimits.max, `内容最多 ${complaintTextLimits.max} 字`),
  photos: PhotoList.default([]),
  buildingId: objectId('楼栋').optional(),
  visibility: z.enum(complaintVisibilities, { message: '请选择是否公开' }).default('public'),
});
export type ComplaintCreateBody = z.infer<typeof ComplaintCreateBody>;

export const ComplaintTransitionBody = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('accepted'), note }),
    z.object({ status: z.literal('processing'), note }),
    z.object({
      status: z.literal('closed'),
      reply: z
        .string({ message: '办结时必须填写答复' })
        .trim()
        .min(2, '办结时必须填写答复')
        .max(complaintReplyMax, `答复最多 ${complaintReplyMax} 字`),
    }),
  ],
  { message: '目标状态不正确' },
);
export type ComplaintTransitionBody = z.infer<typeof ComplaintTransitionBody>;

export const ComplaintRatingBody = z.object({
  score: z.number({ message: '请打分' }).int('评分须为整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'),
  comment: z.string().trim().max(200, '评价最多 200 字').optional(),
});
export type ComplaintRatingBody = z.infer<typeof ComplaintRatingBody>;

export const ComplaintReopenBody = z.object({
  reason: z
    .string({ message: '请说明重新打开的原因' })
    .trim()
    .min(2, '请说明重新打开的原因')
    .max(500, '原因最多 500 字'),
});
export type ComplaintReopenBody = z.infer<typeof ComplaintReopenBody>;

export const ComplaintIdParams = z.object({ id: objectId('投诉') });

const booleanQuery = z
  .enum(['true', 'false'], { message: '只能为 true 或 false' })
  .transform((v) => v === 'true');

export const ComplaintQueueQuery = PageQuery.extend({
  status: z.enum(complaintStatuses, { message: '状态不正确' }).optional(),
  category: category.optional(),
  overdue: booleanQuery.optional(),
  escalation: z.enum(escalationLevels, { message: '督办层级不正确' }).optional(),
  projectId: objectId('项目').optional(),
});
export type ComplaintQueueQuery = z.infer<typeof ComplaintQueueQuery>;

/** The staff queue's filters, for the xlsx export of every matching complaint (newest first, at most this many). */
export const maxComplaintExportRows = 10_000;
export const ComplaintExportQuery = ComplaintQueueQuery.omit({ page: true, size: true });
export type ComplaintExportQuery = z.infer<typeof ComplaintExportQuery>;

export const PublicComplaintsQuery = PageQuery.extend({ projectId: objectId('项目') });
export type PublicComplaintsQuery = z.infer<typeof PublicComplaintsQuery>;

export interface ComplaintHistoryEntry {
  action: 'submit' | 'transition' | 'rate' | 'reopen' | 'escalate';
  status: ComplaintStatus;
  actorRole: string;
  /** Masked name of the person who acted (staff: their name; residents: masked). */
  actorName: string;
  note: string;
  at: string;
}

/** A complaint in a list, as its author and staff see it. */
export interface ComplaintSummary {
  id: string;
  projectId: string;
  projectName: string;
  category: ComplaintCategory;
  text: string;
  photos: string[];
  buildingName: string;
  visibility: ComplaintVisibility;
  status: ComplaintStatus;
  /** When the current status's time limit runs out; absent once closed. */
  dueAt?: string;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  /** Masked author name and phone (staff); the author sees their own complaint. */
  author: { name: string; phone: string; role: string };
  reply?: { text: string; at: string };
  rating?: { score: number; comment: string; at: string };
  reopenCount: number;
  createdAt: string;
  closedAt?: string;
}
/** One complaint with its full history (who, when, note). */
export interface ComplaintView extends ComplaintSummary {
  history: ComplaintHistoryEntry[];
}

/** A complaint on the public board: no names, no phones; anonymous ones without the building. */
export interface PublicComplaintView {
  id: string;
  category: ComplaintCategory;
  text: string;
  photos: string[];
  buildingName?: string;
  status: ComplaintStatus;
  reply?: string;
  rating?: number;
  createdAt: string;
  closedAt?: string;
}

export type ComplaintPage = Page<ComplaintSummary>;
