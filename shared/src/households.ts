import { z } from 'zod';
import { PageQuery } from './pagination';
import type { RegionLevel } from './regions';
import { contactPhone, objectId } from './staff';

// ---- Region tree (district → street → community → compound → building) ----

export const maxRegionNameLength = 100;
export const RegionCreate = z.object({
  /** Omitted for a district (super_admin only). The new node's level is the level below its parent. */
  parentId: objectId('上级区域').optional(),
  name: z
    .string()
    .trim()
    .min(1, '请输入名称')
    .max(maxRegionNameLength, `名称最多 ${maxRegionNameLength} 个字符`),
  address: z.string().trim().max(200, '地址最多 200 个字符').optional(),
  floors: z.coerce.number().int('层数必须是整数').min(1, '层数至少为 1').max(100, '层数最多 100').optional(),
});
export type RegionCreate = z.infer<typeof RegionCreate>;

export const RegionUpdate = RegionCreate.omit({ parentId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type RegionUpdate = z.infer<typeof RegionUpdate>;

export const RegionTreeQuery = z.object({
  includeBuildings: z
    .enum(['true', 'false'], { message: 'includeBuildings 只能是 true 或 false' })
    .optional(),
});
export const IdParams = z.object({ id: objectId() });
export type IdParams = z.infer<typeof IdParams>;

export interface RegionNode {
  id: string;
  level: RegionLevel;
  name: string;
  parentId: string | null;
  path: string;
  address?: string;
  floors?: number;
  children?: RegionNode[];
}

// ---- Households (户) ----

export const maxHouseholdArea = 10000;
const unitField = z.string().trim().min(1, '请输入单元').max(20, '单元最多 20 个字符');
const roomField = z.string().trim().min(1, '请输入房号').max(20, '房号最多 20 个字符');
const areaField = z.coerce
  .number({ message: '面积必须是数字' })
  .positive('面积必须大于 0')
  .max(maxHouseholdArea, `面积不能超过 ${maxHouseholdArea} 平方米`)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '面积最多两位小数');

export const HouseholdCreate = z.object({
  buildingId: objectId('楼栋'),
  unit: unitField,
  room: roomField,
  /** 专有部分面积, m². */
  area: areaField,
  ownerName: z.string().trim().max(50, '业主姓名最多 50 个字符').optional(),
  ownerPhone: contactPhone.optional(),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreate>;

export const HouseholdUpdate = HouseholdCreate.omit({ buildingId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

export const HouseholdListQuery = PageQuery.extend({
  compoundId: objectId('小区').optional(),
  buildingId: objectId('楼栋').optional(),
  q: z.string().trim().max(50, '关键词最多 50 个字符').optional(),
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

/** A household as listed to staff: owner name and phone masked. The detail view shows them in full. */
export interface HouseholdView {
  id: string;
  compoundId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  area: number;
  ownerName: string;
  ownerPhone: string;
  hasBindingCode: boolean;
  boundResidents: number;
}

/** Excel import: one row of the template (楼栋, 单元, 房号, 面积, 业主姓名, 联系电话). */
export const householdImportColumns = [
  '楼栋',
  '单元',
  '房号',
  '专有部分面积(平方米)',
  '业主姓名',
  '联系电话',
] as const;
export const HouseholdImportRow = z.object({
  building: z.string().trim().min(1, '楼栋不能为空').max(100, '楼栋名称最多 100 个字符'),
  unit: unitField,
  room: roomField,
  area: areaField,
  ownerName: z.string().trim().max(50, '业主姓名最多 50 个字符').optional(),
  ownerPhone: contactPhone.optional(),
});
export type HouseholdImportRow = z.infer<typeof HouseholdImportRow>;
export const HouseholdImportFields = z.object({ compoundId: objectId('小区') });
export const maxImportRows = 5000;

export interface ImportRowError {
  /** 1-based Excel row number. */
  row: number;
  message: string;
}
export interface HouseholdImportResult {
  buildingsCreated: number;
  householdsCreated: number;
}
