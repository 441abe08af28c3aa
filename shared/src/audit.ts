import { z } from 'zod';
import { PageQuery } from './pagination';
import { objectId } from './staff';
import type { Role } from './roles';

/** Staff who may read the audit log of their region. */
export const auditReaderRoles: Role[] = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'];

/** A calendar day (China time, whole day) or an exact ISO-8601 moment. */
const moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: '时间格式应为 YYYY-MM-DD 或 ISO-8601',
});

export const AuditQuery = PageQuery.extend({
  /** Exact action ("complaint.reply"), or a prefix ending in a dot ("complaint."). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, '操作类型格式不正确')
    .max(60)
    .optional(),
  actorId: objectId('操作人').optional(),
  targetType: z
    .string()
    .trim()
    .regex(/^[a-z_]+$/, '对象类型格式不正确')
    .max(40)
    .optional(),
  targetId: z.string().trim().max(40).optional(),
  from: moment.optional(),
  to: moment.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  /** Staff by name; residents masked (张*). */
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  channel: string;
  summary: string;
}
