import { z } from 'zod';
import { PageQuery } from './pagination';
import { mobilePhone, objectId, personName } from './staff';
import { supervisorCategories } from './supervision';

export const BindingStatus = { Pending: 'pending', Approved: 'approved', Rejected: 'rejected' } as const;
export type BindingStatus = (typeof BindingStatus)[keyof typeof BindingStatus];
export const bindingStatuses = Object.values(BindingStatus) as [BindingStatus, ...BindingStatus[]];
export const bindingStatusLabel: Record<BindingStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** Binding codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const bindingCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const bindingCodeLength = 8;

export const BindingRequestCreate = z.object({
  buildingId: objectId('楼栋'),
  unit: z.string().trim().min(1, '请输入单元').max(20, '单元最多 20 个字符'),
  room: z.string().trim().min(1, '请输入房号').max(20, '房号最多 20 个字符'),
  name: personName,
  phone: mobilePhone,
});
export type BindingRequestCreate = z.infer<typeof BindingRequestCreate>;

export const BindingReject = z.object({
  reason: z.string().trim().min(1, '请填写不通过的原因').max(200, '原因最多 200 个字符'),
});
export type BindingReject = z.infer<typeof BindingReject>;

export const BindingListQuery = PageQuery.extend({
  status: z.enum(bindingStatuses, { message: '状态无效' }).optional(),
  compoundId: objectId('小区').optional(),
});
export type BindingListQuery = z.infer<typeof BindingListQuery>;

export const BindingRedeem = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(
      z
        .string()
        .regex(new RegExp(`^[${bindingCodeAlphabet}]{${bindingCodeLength}}$`), '绑定码应为 8 位字母或数字'),
    ),
});
export type BindingRedeem = z.infer<typeof BindingRedeem>;

/** Staff print codes for every household of a building or a compound (existing codes are kept unless `regenerate`). */
export const BindingCodesGenerate = z
  .object({
    compoundId: objectId('小区').optional(),
    buildingId: objectId('楼栋').optional(),
    regenerate: z.boolean().default(false),
  })
  .refine((v) => Boolean(v.compoundId) !== Boolean(v.buildingId), '请选择一个小区或一个楼栋');
export type BindingCodesGenerate = z.infer<typeof BindingCodesGenerate>;

export const BindingBuildingsQuery = z.object({ compoundId: objectId('小区') });

export interface BindingRequestView {
  id: string;
  status: BindingStatus;
  compoundName: string;
  buildingName: string;
  unit: string;
  room: string;
  householdId: string;
  /** Masked in lists for staff outside the decision (全名 shown to the deciding staff in detail). */
  name: string;
  phone: string;
  /** Whether the applicant's name matches the owner on record. */
  matchesOwner: boolean;
  rejectReason?: string;
  createdAt: string;
  decidedAt?: string;
}

export interface BindingCodeView {
  householdId: string;
  buildingName: string;
  unit: string;
  room: string;
  code: string;
}

// ---- Appointing supervision-group members (义务监督员) from residents ----

export const SupervisorCandidatesQuery = z.object({ compoundId: objectId('小区') });
export const SupervisorAppoint = z.object({
  userId: objectId('用户'),
  /** The community or compound whose projects the member supervises. */
  scopeRegionId: objectId('监督区域'),
  category: z.enum(supervisorCategories, { message: '请选择监督员身份' }).optional(),
});
export type SupervisorAppoint = z.infer<typeof SupervisorAppoint>;
export const SupervisorListQuery = PageQuery.extend({ regionId: objectId('区域').optional() });

/** A resident or supervisor as staff see them when appointing: name and phone masked. */
export interface ResidentPerson {
  id: string;
  role: 'resident' | 'supervisor';
  name: string;
  phone: string;
  supervisorCategory?: string;
  scopeRegionName?: string;
  households: { compoundName: string; buildingName: string; unit: string; room: string }[];
}
