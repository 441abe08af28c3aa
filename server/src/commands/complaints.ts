import {
  complaintStatusLabel,
  complaintTransitions,
  type ComplaintCreateBody,
  type ComplaintRatingBody,
  type ComplaintReopenBody,
  type ComplaintTransitionBody,
} from '@jiugai/shared';
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import type { AuthUser } from '../auth/tokens';
import {
  ConflictError,
  DuplicateError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
} from '../errors';
import { logger } from '../logger';
import { Complaint, type ComplaintDoc } from '../models/complaint';
import { Household } from '../models/household';
import { Project } from '../models/project';
import { Region } from '../models/region';
import { SupervisionMember } from '../models/supervisionMember';
import { User } from '../models/user';
import { complaintDeadlines } from './complaintEscalation';
import { notifyUser } from './notifications';

/** Residents file about their own compound's project; supervisors also about projects they supervise. */
async function assertMayFile(
  user: AuthUser,
  project: { _id: Types.ObjectId; compoundId: Types.ObjectId },
): Promise<void> {
  const person = await User.findById(user.id, { householdIds: 1, disabled: 1 }).lean();
  if (!person || person.disabled) throw ForbiddenError('账号不可用');
  const livesThere = await Household.exists({
    _id: { $in: person.householdIds },
    compoundId: project.compoundId,
  });
  if (livesThere) return;
  if (
    user.role === 'supervisor' &&
    (await SupervisionMember.exists({ projectId: project._id, userId: user.id }))
  )
    return;
  throw ForbiddenError('只能对本人所在小区或本人监督的改造项目提交投诉');
}

const duplicateWindowMs = 10 * 60_000;
/** Same author, project and text in the same 10-minute window: the unique index stops concurrent double submits. */
const dedupeKey = (authorId: string, projectId: string, text: string, at: Date) =>
  createHash('sha256')
    .update(`${authorId}|${projectId}|${text}|${Math.floor(at.getTime() / duplicateWindowMs)}`)
    .digest('hex');

export async function fileComplaint(user: AuthUser, body: ComplaintCreateBody): Promise<ComplaintDoc> {
  const project = await Project.findById(body.projectId, { compoundId: 1, regionPath: 1 }).lean();
  if (!project) throw NotFoundError('找不到该改造项目');
  await assertMayFile(user, project);
  let buildingName = '';
  if (body.buildingId) {
    const building = await Region.findOne(
      { _id: body.buildingId, parentId: project.compoundId, level: 'building' },
      { name: 1 },
    ).lean();
    if (!building)
      throw ValidationError('楼栋不属于该项目所在小区', [
        { path: 'buildingId', message: '楼栋不属于该项目所在小区' },
      ]);
    buildingName = building.name;
  }
  const now = new Date();
  // The key of this window is unique in the database; the previous window's key catches a retry across the edge.
  const key = dedupeKey(user.id, String(project._id), body.text, now);
  const previousKey = dedupeKey(
    user.id,
    String(project._id),
    body.text,
    new Date(now.getTime() - duplicateWindowMs),
  );
  const duplicate = await Complaint.exists({ dedupeKey: { $in: [key, previousKey] } });
  if (duplicate) throw DuplicateError('您刚刚已提交过相同内容的投诉，请勿重复提交');
  const doc = await Complaint.create({
    projectId: project._id,
    compoundId: project.compoundId,
    regionPath: project.regionPath,
    buildingId: body.buildingId,
    buildingName,
    authorId: user.id,
    authorRole: user.role,
    category: body.category,
    text: body.text,
    photos: body.photos,
    visibility: body.visibility,
    status: 'submitted',
    ...complaintDeadlines('submitted', now),
    history: [{ action: 'submit', status: 'submitted', actorId: user.id, actorRole: user.role, at: now }],
    dedupeKey: key,
  }).catch((err) => {
    if ((err as { code?: number }).code === 11000)
      throw DuplicateError('您刚刚已提交过相同内容的投诉，请勿重复提交');
    throw err;
  });
  return doc.toObject() as ComplaintDoc;
}

const excerpt = (text: string) => ([...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text);

/** Tells the author by subscription message; a failure here never fails the staff action. */
function tellAuthor(c: ComplaintDoc, note: string): void {
  notifyUser(c.authorId, c.regionPath, 'complaint_status', {
    complaintId: String(c._id),
    title: excerpt(c.text),
    statusLabel: complaintStatusLabel[c.status as keyof typeof complaintStatusLabel],
    note,
    at: new Date(),
  }).catch((err) => logger.warn({ err }, 'complaint notification failed'));
}

/** Staff move a complaint forward; closing stores the reply. Concurrent moves: the second gets 409. */
export async function transitionComplaint(
  staff: AuthUser,
  complaint: ComplaintDoc,
  body: ComplaintTransitionBody,
): Promise<ComplaintDoc> {
  const from = complaint.status as keyof typeof complaintTransitions;
  if (!complaintTransitions[from].includes(body.status))
    throw InvalidStateError(
      `“${complaintStatusLabel[from]}”的投诉不能改为“${complaintStatusLabel[body.status]}”`,
    );
  const now = new Date();
  const note = body.status === 'closed' ? body.reply : (body.note ?? '');
  const history = {
    action: 'transition',
    status: body.status,
    actorId: staff.id,
    actorRole: staff.role,
    note,
    at: now,
  };
  const update =
    body.status === 'closed'
      ? {
          $set: { status: 'closed', closedAt: now, reply: { text: body.reply, at: now, by: staff.id } },
          $unset: { dueAt: 1, bureauDueAt: 1 },
          $push: { history },
        }
      : { $set: { status: body.status, ...complaintDeadlines(body.status, now) }, $push: { history } };
  const updated = await Complaint.findOneAndUpdate({ _id: complaint._id, status: from }, update, {
    returnDocument: 'after',
  }).lean();
  if (!updated) throw ConflictError('该投诉刚刚被他人处理，请刷新后重试');
  tellAuthor(updated as ComplaintDoc, note);
  return updated as ComplaintDoc;
}

function assertAuthor(user: AuthUser, complaint: ComplaintDoc): void {
  if (String(complaint.authorId) !== user.id) throw ForbiddenError('只有投诉人本人可以评价或重新打开');
}

export async function rateComplaint(user: AuthUser, complaint: ComplaintDoc, body: ComplaintRatingBody) {
  assertAuthor(user, complaint);
  if (complaint.status !== 'closed') throw InvalidStateError('投诉办结后才能评价');
  if (complaint.rating?.score) throw InvalidStateError('该投诉已评价');
  const now = new Date();
  const updated = await Complaint.findOneAndUpdate(
    { _id: complaint._id, status: 'closed', 'rating.score': null },
    {
      $set: { rating: { score: body.score, comment: body.comment ?? '', at: now } },
      $push: {
        history: {
          action: 'rate',
          status: 'closed',
          actorId: user.id,
          actorRole: user.role,
          note: `${body.score} 分`,
          at: now,
        },
      },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw ConflictError('该投诉状态已变化，请刷新后重试');
  return updated as ComplaintDoc;
}

/** The author is not satisfied: back to 处理中 with a fresh time limit. A rated complaint stays closed. */
export async function reopenComplaint(user: AuthUser, complaint: ComplaintDoc, body: ComplaintReopenBody) {
  assertAuthor(user, complaint);
  if (complaint.status !== 'closed') throw InvalidStateError('只有已办结的投诉可以重新打开');
  if (complaint.rating?.score) throw InvalidStateError('已评价的投诉不能重新打开，请提交新的投诉');
  const now = new Date();
  const updated = await Complaint.findOneAndUpdate(
    { _id: complaint._id, status: 'closed', 'rating.score': null },
    {
      $set: { status: 'processing', ...complaintDeadlines('processing', now) },
      $unset: { closedAt: 1 },
      $inc: { reopenCount: 1 },
      $push: {
        history: {
          action: 'reopen',
          status: 'processing',
          actorId: user.id,
          actorRole: user.role,
          note: body.reason,
          at: now,
        },
      },
    },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw ConflictError('该投诉状态已变化，请刷新后重试');
  return updated as ComplaintDoc;
}
