import type { Context } from 'koa';
import { AuditLog } from '../models/auditLog';
import { currentUser } from '../middlewares/auth';

export interface AuditEntry {
  /** e.g. "project.create", "vote.ballot", "complaint.reply" */
  action: string;
  targetType: string;
  targetId?: string;
  regionPath?: string;
  /** admin | miniapp | 入户走访 | 座谈 | 纸质 */
  channel?: string;
  /** Short Chinese description, no phone numbers. */
  summary?: string;
}

/** Records one audit entry for the caller of the request. */
export async function recordAudit(ctx: Context, entry: AuditEntry): Promise<void> {
  const user = currentUser(ctx);
  await AuditLog.create({ actorId: user.id, actorRole: user.role, ip: ctx.ip, ...entry });
}
