import Router from '@koa/router';
import type { Context } from 'koa';
import {
  ComplaintCreateBody,
  ComplaintExportQuery,
  ComplaintIdParams,
  ComplaintQueueQuery,
  ComplaintRatingBody,
  ComplaintReopenBody,
  ComplaintTransitionBody,
  PageQuery,
  PublicComplaintsQuery,
  complaintFilerRoles,
  complaintHandlerRoles,
  complaintStatusLabel,
  isStaffRole,
  maxComplaintExportRows,
} from '@jiugai/shared';
import { recordAudit } from '../../commands/audit';
import { escalateOverdueComplaints } from '../../commands/complaintEscalation';
import { complaintWorkbook } from '../../commands/complaintExport';
import { formatChinaTime } from '../../commands/workingDays';
import { assertPhotosStored } from '../../commands/complaintPhotos';
import {
  fileComplaint,
  rateComplaint,
  reopenComplaint,
  transitionComplaint,
} from '../../commands/complaints';
import { ForbiddenError, NotFoundError } from '../../errors';
import { assertInScope, auth, currentUser } from '../../middlewares/auth';
import { byUser, rateLimit } from '../../middlewares/rateLimit';
import { parse } from '../../middlewares/validate';
import { Complaint, type ComplaintDoc } from '../../models/complaint';
import { Project } from '../../models/project';
import { uploadStoreOf } from '../uploads/storage';
import { complaintQueueFilter } from './queueFilter';
import { presentComplaint, presentComplaintList, presentPublicComplaint } from './present';

async function loadComplaint(ctx: Context): Promise<ComplaintDoc> {
  const { id } = parse(ComplaintIdParams, ctx.params);
  const doc = await Complaint.findById(id).lean();
  if (!doc) throw NotFoundError('找不到该投诉');
  return doc as ComplaintDoc;
}

/** Staff within the complaint's region, or its author. */
function assertMaySee(ctx: Context, doc: ComplaintDoc): void {
  const user = currentUser(ctx);
  if (isStaffRole(user.role)) {
    if (!complaintHandlerRoles.includes(user.role)) throw ForbiddenError();
    assertInScope(user, doc.regionPath);
  } else if (String(doc.authorId) !== user.id) throw ForbiddenError('只能查看本人提交的投诉');
}

export function complaintsRouter(): Router {
  const router = new Router();

  // 20 complaints an hour is far above what a resident files; more is a script or a stuck button.
  const filingLimit = rateLimit({ name: 'complaints', points: 20, durationSeconds: 3600, key: byUser });

  router.post('/complaints', auth({ roles: complaintFilerRoles }), filingLimit, async (ctx) => {
    const body = parse(ComplaintCreateBody, ctx.request.body);
    await assertPhotosStored(uploadStoreOf(ctx), body.photos);
    const doc = await fileComplaint(currentUser(ctx), body);
    ctx.status = 201;
    ctx.body = await presentComplaint(doc);
  });

  router.get('/complaints/mine', auth({ roles: complaintFilerRoles }), async (ctx) => {
    const { page, size } = parse(PageQuery, ctx.query);
    const filter = { authorId: currentUser(ctx).id };
    const [docs, total] = await Promise.all([
      Complaint.find(filter)
        .sort({ createdAt: -1 })
        .skip((page - 1) * size)
        .limit(size)
        .lean(),
      Complaint.countDocuments(filter),
    ]);
    ctx.body = { items: await presentComplaintList(docs as ComplaintDoc[]), total, page, size };
  });

  // The public board: anyone may read it; no names, no phones, anonymous ones without the building.
  router.get('/complaints/public', auth({ optional: true }), async (ctx) => {
    const { projectId, page, size } = parse(PublicComplaintsQuery, ctx.query);
    if (!(await Project.exists({ _id: projectId }))) throw NotFoundError('找不到该改造项目');
    const filter: Record<string, unknown> = { projectId, visibility: { $in: ['public', 'anonymous'] } };
    const [docs, total] = await Promise.all([
      Complaint.find(filter)
        .sort({ createdAt: -1 })
        .skip((page - 1) * size)
        .limit(size)
        .lean(),
      Complaint.countDocuments(filter),
    ]);
    ctx.body = { items: (docs as ComplaintDoc[]).map(presentPublicComplaint), total, page, size };
  });

  router.get('/complaints', auth({ roles: complaintHandlerRoles }), async (ctx) => {
    const q = parse(ComplaintQueueQuery, ctx.query);
    const user = currentUser(ctx);
    const now = new Date();
    await escalateOverdueComplaints(now);
    const filter = complaintQueueFilter(user, q, now);
    const [docs, total] = await Promise.all([
      Complaint.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean(),
      Complaint.countDocuments(filter),
    ]);
    ctx.body = {
      items: await presentComplaintList(docs as ComplaintDoc[]),
      total,
      page: q.page,
      size: q.size,
    };
  });

  router.get('/complaints/export', auth({ roles: complaintHandlerRoles }), async (ctx) => {
    const q = parse(ComplaintExportQuery, ctx.query);
    const user = currentUser(ctx);
    const now = new Date();
    await escalateOverdueComplaints(now);
    const docs = (await Complaint.find(complaintQueueFilter(user, q, now))
      .sort({ createdAt: -1 })
      .limit(maxComplaintExportRows)
      .lean()) as ComplaintDoc[];
    const projects = await Project.find(
      { _id: { $in: [...new Set(docs.map((d) => String(d.projectId)))] } },
      { name: 1 },
    ).lean();
    ctx.body = await complaintWorkbook(docs, new Map(projects.map((p) => [String(p._id), p.name])), now);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment(`投诉台账-${formatChinaTime(now).slice(0, 10)}.xlsx`);
    await recordAudit(ctx, {
      action: 'complaint.export',
      targetType: 'complaint',
      regionPath: user.scopePath ?? '',
      summary: `导出投诉台账 ${docs.length} 条`,
    });
  });

  router.get('/complaints/:id', auth(), async (ctx) => {
    const doc = await loadComplaint(ctx);
    assertMaySee(ctx, doc);
    ctx.body = await presentComplaint(doc);
  });

  router.post('/complaints/:id/transitions', auth({ roles: complaintHandlerRoles }), async (ctx) => {
    const body = parse(ComplaintTransitionBody, ctx.request.body);
    const doc = await loadComplaint(ctx);
    assertMaySee(ctx, doc);
    const updated = await transitionComplaint(currentUser(ctx), doc, body);
    await recordAudit(ctx, {
      action: body.status === 'closed' ? 'complaint.reply' : `complaint.${body.status}`,
      targetType: 'complaint',
      targetId: String(doc._id),
      regionPath: doc.regionPath,
      summary: `投诉状态改为“${complaintStatusLabel[body.status]}”`,
    });
    ctx.body = await presentComplaint(updated);
  });

  router.post('/complaints/:id/rating', auth({ roles: complaintFilerRoles }), async (ctx) => {
    const body = parse(ComplaintRatingBody, ctx.request.body);
    const doc = await loadComplaint(ctx);
    ctx.body = await presentComplaint(await rateComplaint(currentUser(ctx), doc, body));
  });

  router.post('/complaints/:id/reopen', auth({ roles: complaintFilerRoles }), async (ctx) => {
    const body = parse(ComplaintReopenBody, ctx.request.body);
    const doc = await loadComplaint(ctx);
    ctx.body = await presentComplaint(await reopenComplaint(currentUser(ctx), doc, body));
  });

  return router;
}
