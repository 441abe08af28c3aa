import type { Context } from 'koa';
import mongoose from 'mongoose';
import { AuditLog } from '../models/auditLog';
import { currentUser } from '../middlewares/auth';
import { batchedInsert } from './surveyVoteBatching';

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

/**
 * Audit entries written in the same event-loop turn (a burst of ballots or survey answers) go to the database
 * as one unordered insertMany. Every field and default of the schema is set here, so mongoose's hydration is
 * skipped; each caller still waits for its own entry to be stored (journaled when a data dir is used) and gets
 * its own error if that fails.
 */
const insertAudit = batchedInsert((docs: Record<string, unknown>[]) =>
  AuditLog.insertMany(docs, { ordered: false, lean: true }),
);

const str = (v: unknown): v is string => typeof v === 'string';

/** Records one audit entry for the caller of the request. */
export async function recordAudit(ctx: Context, entry: AuditEntry): Promise<void> {
  const user = currentUser(ctx);
  const doc = {
    _id: new mongoose.Types.ObjectId(),
    at: new Date(),
    actorId: user.id,
    actorRole: user.role,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? '',
    regionPath: entry.regionPath ?? '',
    channel: entry.channel ?? 'admin',
    summary: entry.summary ?? '',
    ip: ctx.ip ?? '',
  };
  const valid =
    [doc.actorId, doc.actorRole, doc.action, doc.targetType].every((v) => str(v) && v !== '') &&
    [doc.targetId, doc.regionPath, doc.channel, doc.summary, doc.ip].every(str);
  // Anything unusual takes mongoose's full path (casting, validation and its error messages).
  if (!valid) {
    await AuditLog.create({ actorId: user.id, actorRole: user.role, ip: ctx.ip, ...entry });
    return;
  }
  await insertAudit(doc);
}
