import { z } from 'zod';
import { maxAccountLength, maxPasswordLength, minPasswordLength } from './auth';
import { PageQuery } from './pagination';
import type { Role } from './roles';

export const objectId = (label = 'ID') => z.string().regex(/^[0-9a-f]{24}$/i, `${label}格式不正确`);
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');
/** Mobile or landline (e.g. 0472-1234567, 12345). */
export const contactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{5,8})$/, '电话号码格式不正确');
export const personName = z.string().trim().min(1, '请输入姓名').max(50, '姓名最多 50 个字符');

export const staffAccountRoles = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
] as const;

export const StaffPassword = z
  .string()
  .min(minPasswordLength, `密码至少 ${minPasswordLength} 位`)
  .max(maxPasswordLength, `密码最多 ${maxPasswordLength} 位`)
  .regex(/[A-Za-z]/, '密码需同时包含字母和数字')
  .regex(/\d/, '密码需同时包含字母和数字');

export const StaffCreate = z.object({
  account: z
    .string()
    .trim()
    .min(3, '账号至少 3 个字符')
    .max(maxAccountLength, `账号最多 ${maxAccountLength} 个字符`)
    .regex(/^[A-Za-z0-9_.-]+$/, '账号只能包含字母、数字、下划线、点和短横线'),
  name: personName,
  phone: mobilePhone.optional(),
  role: z.enum(staffAccountRoles, { message: '请选择有效的角色' }),
  /** The region node (district, street or community) the account sees; required except for super_admin. */
  scopeRegionId: objectId('管辖区域').optional(),
  password: StaffPassword,
});
export type StaffCreate = z.infer<typeof StaffCreate>;

export const StaffUpdate = z
  .object({ name: personName.optional(), phone: mobilePhone.optional(), disabled: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type StaffUpdate = z.infer<typeof StaffUpdate>;

export const StaffResetPassword = z.object({ password: StaffPassword });
export type StaffResetPassword = z.infer<typeof StaffResetPassword>;

export const StaffListQuery = PageQuery.extend({
  role: z.enum(staffAccountRoles, { message: '请选择有效的角色' }).optional(),
  q: z.string().trim().max(50, '关键词最多 50 个字符').optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuery>;

/** A staff account as listed in the console (phone masked). */
export interface StaffAccount {
  id: string;
  account: string;
  name: string;
  phone: string;
  role: Role;
  scopeRegionId?: string;
  scopeRegionName?: string;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
}

/** Masks a phone for lists: 138****5678. */
export const maskPhone = (phone: string | undefined | null): string => {
  if (!phone) return '';
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${phone.slice(0, 1)}***`;
};
/** Masks a name for lists: 张*, 欧阳** . */
export const maskName = (name: string | undefined | null): string => {
  if (!name) return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
};
