import Router from '@koa/router';
import type { Context } from 'koa';
import {
  isWithinScope,
  InspectionCreateBody,
  InspectionListQuery,
  MyInspectionsQuery,
  SupervisionMemberCreateBody,
  SupervisionMemberParams,
  SupervisionProjectQuery,
  SupervisionSummaryQuery,
  supervisionStaffRoles,
  supervisorCategoryLabel,
  type SupervisedProjectView,
  type SupervisorCategory,
} from '@jiugai/shared';
import { recordAudit } from '../../commands/audit';
import { assertPhotosStored } from '../../commands/complaintPhotos';
import { inChina } from '../../commands/workingDays';
import { DuplicateError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { assertInScope, auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { Inspection, type InspectionDoc } from '../../models/inspection';
import { Project } from '../../models/project';
import { SupervisionMember, type SupervisionMemberDoc } from '../../models/supervisionMember';
import { User } from '../../models/user';
import { uploadStoreOf } from '../uploads/storage';
import { presentInspections, presentMembers, summarise } from './present';

const staff = auth({ roles: supervisionStaffRoles });
const supervisor = auth({ roles: ['supervisor'] });

async function projectInScope(ctx: Context, projectId: string) {
  const project = await Project.findById(projectId, { name: 1, regionPath: 1 }).lean();
  if (!project) throw NotFoundError('找不到该改造项目');
  assertInScope(currentUser(ctx), project.regionPath);
  return project;
}

export function supervisionRouter(): Router {
  const router = new Router({ prefix: '/supervision' });

  router.post('/members', staff, async (ctx) => {
    const body = parse(SupervisionMemberCreateBody, ctx.request.body);
    const project = await projectInScope(ctx, body.projectId);
    const person = await User.findById(body.userId, { role: 1, name: 1, scopePath: 1 }).lean();
    if (!person) throw NotFoundError('找不到该用户');
    if (person.role !== 'supervisor')
      throw ValidationError('该用户不是义务监督员', [{ path: 'userId', message: '该用户不是义务监督员' }]);
    // Staff add supervisors of their own area, appointed for the project's compound (or its community).
    assertInScope(currentUser(ctx), person.scopePath ?? '');
    if (!person.scopePath || !isWithinScope(project.regionPath, person.scopePath))
      throw ValidationError('该监督员不负责本项目所在小区，请先在「义务监督员」中为其任命本小区', [
        { path: 'userId', message: '该监督员不负责本项目所在小区' },
      ]);
    // The unique index still guards a race; this gives the usual case a message staff understand.
    if (await SupervisionMember.exists({ projectId: project._id, userId: person._id }))
      throw DuplicateError('该监督员已是本项目义务监督小组成员');
    const member = await SupervisionMember.create({
      projectId: project._id,
      userId: person._id,
      regionPath: project.regionPath,
      category: body.category,
      addedBy: currentUser(ctx).id,
    });
    await User.updateOne({ _id: person._id }, { supervisorCategory: body.category });
    await recordAudit(ctx, {
      action: 'supervision.member.add',
      targetType: 'project',
      targetId: String(project._id),
      regionPath: project.regionPath,
      summary: `加入义务监督小组（${supervisorCategoryLabel[body.category]}）`,
    });
    ctx.status = 201;
    ctx.body = (await presentMembers([member.toObject() as SupervisionMemberDoc]))[0];
  });

  router.get('/members', staff, async (ctx) => {
    const { projectId } = parse(SupervisionProjectQuery, ctx.query);
    await projectInScope(ctx, projectId);
    const docs = await SupervisionMember.find({ projectId }).sort({ createdAt: 1 }).lean();
    ctx.body = { items: await presentMembers(docs as SupervisionMemberDoc[]) };
  });

  router.delete('/members/:id', staff, async (ctx) => {
    const { id } = parse(SupervisionMemberParams, ctx.params);
    const member = await SupervisionMember.findById(id).lean();
    if (!member) throw NotFoundError('找不到该监督员');
    assertInScope(currentUser(ctx), member.regionPath);
    await SupervisionMember.deleteOne({ _id: member._id });
    await recordAudit(ctx, {
      action: 'supervision.member.remove',
      targetType: 'project',
      targetId: String(member.projectId),
      regionPath: member.regionPath,
      summary: '移出义务监督小组',
    });
    ctx.status = 204;
  });

  // The projects a supervisor may inspect (mini-program).
  router.get('/projects/mine', supervisor, async (ctx) => {
    const memberships = await SupervisionMember.find({ userId: currentUser(ctx).id }).lean();
    const projects = await Project.find(
      { _id: { $in: memberships.map((m) => m.projectId) } },
      { name: 1 },
    ).lean();
    const names = new Map(projects.map((p) => [String(p._id), p.name]));
    const items: SupervisedProjectView[] = memberships.map((m) => ({
      projectId: String(m.projectId),
      projectName: names.get(String(m.projectId)) ?? '',
      category: m.category as SupervisorCategory,
      categoryLabel: supervisorCategoryLabel[m.category as SupervisorCategory],
    }));
    ctx.body = { items };
  });

  router.post('/inspections', supervisor, async (ctx) => {
    const body = parse(InspectionCreateBody, ctx.request.body);
    if (body.date > inChina(new Date()).format('YYYY-MM-DD'))
      throw ValidationError('巡查日期不能晚于今天', [{ path: 'date', message: '巡查日期不能晚于今天' }]);
    await assertPhotosStored(uploadStoreOf(ctx), body.photos);
    const project = await Project.findById(body.projectId, { regionPath: 1 }).lean();
    if (!project) throw NotFoundError('找不到该改造项目');
    const user = currentUser(ctx);
    const member = await SupervisionMember.findOne({ projectId: project._id, userId: user.id }).lean();
    if (!member) throw ForbiddenError('您不是该项目义务监督小组的成员');
    const doc = await Inspection.create({
      projectId: project._id,
      regionPath: project.regionPath,
      memberId: user.id,
      memberCategory: member.category,
      date: body.date,
      ratings: body.ratings,
      findings: body.findings,
      photos: body.photos,
    });
    ctx.status = 201;
    ctx.body = (await presentInspections([doc.toObject() as InspectionDoc]))[0];
  });

  router.get('/inspections/mine', supervisor, async (ctx) => {
    const { page, size } = parse(MyInspectionsQuery, ctx.query);
    const filter = { memberId: currentUser(ctx).id };
    const [docs, total] = await Promise.all([
      Inspection.find(filter)
        .sort({ date: -1, createdAt: -1 })
        .skip((page - 1) * size)
        .limit(size)
        .lean(),
      Inspection.countDocuments(filter),
    ]);
    ctx.body = { items: await presentInspections(docs as InspectionDoc[]), total, page, size };
  });

  router.get('/inspections', staff, async (ctx) => {
    const { projectId, page, size } = parse(InspectionListQuery, ctx.query);
    await projectInScope(ctx, projectId);
    const filter = { projectId };
    const [docs, total] = await Promise.all([
      Inspection.find(filter)
        .sort({ date: -1, createdAt: -1 })
        .skip((page - 1) * size)
        .limit(size)
        .lean(),
      Inspection.countDocuments(filter),
    ]);
    ctx.body = { items: await presentInspections(docs as InspectionDoc[]), total, page, size };
  });

  // One project's summary, or every project in the caller's region.
  router.get('/summary', staff, async (ctx) => {
    const { projectId } = parse(SupervisionSummaryQuery, ctx.query);
    const projects = projectId
      ? [await projectInScope(ctx, projectId)]
      : await Project.find(scopeFilter(currentUser(ctx)), { name: 1 })
          .sort({ name: 1 })
          .lean();
    ctx.body = { items: await summarise(projects) };
  });

  return router;
}
