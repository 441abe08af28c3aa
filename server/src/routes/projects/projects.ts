import Router from '@koa/router';
import { IdParams, ProjectCreate, ProjectListQuery, ProjectSearchQuery, ProjectUpdate } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { recordAudit } from '../../commands/audit';
import { createProject } from '../../commands/projectCreator';
import { regionInScope } from '../../policies/regionScope';
import { projectInScope } from '../../policies/projectAccess';
import { presentProjectDetail, presentProjectSummary, presentSearchHit } from '../../presenters/project';
import { Project, type ProjectDoc } from '../../models/project';
import { invalidateBoard } from '../board/boardCache';
import { containsText } from '../textSearch';

export const projectReaders = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
] as const;
export const projectManagers = ['street_staff', 'bureau_admin', 'super_admin'] as const;

const nameMatch = (q: string) => {
  const re = containsText(q);
  return { $or: [{ name: re }, { compoundName: re }, { communityName: re }, { streetName: re }] };
};

export function projectsRouter(): Router {
  const router = new Router({ prefix: '/projects' });

  /** Public search for the mini-program: by street, community, compound or project name. */
  router.get('/search', async (ctx) => {
    const q = parse(ProjectSearchQuery, ctx.query);
    const filter = { ...(q.q ? nameMatch(q.q) : {}), ...(q.compoundId ? { compoundId: q.compoundId } : {}) };
    const items = await Project.find(filter).sort({ year: -1, name: 1 }).limit(q.size).lean<ProjectDoc[]>();
    ctx.body = { items: items.map(presentSearchHit) };
  });

  router.get('/', auth({ roles: [...projectReaders] }), async (ctx) => {
    const user = currentUser(ctx);
    const q = parse(ProjectListQuery, ctx.query);
    const clauses: Record<string, unknown>[] = [scopeFilter(user)];
    if (q.regionId)
      clauses.push({ regionPath: { $regex: `^${(await regionInScope(user, q.regionId)).path}` } });
    if (q.year) clauses.push({ year: q.year });
    if (q.stage) clauses.push({ stage: q.stage });
    if (q.demonstration) clauses.push({ isDemonstration: q.demonstration === 'true' });
    if (q.q) clauses.push(nameMatch(q.q));
    const filter = { $and: clauses };
    const [items, total] = await Promise.all([
      Project.find(filter)
        .sort({ year: -1, streetName: 1, name: 1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<ProjectDoc[]>(),
      Project.countDocuments(filter),
    ]);
    ctx.body = { items: items.map(presentProjectSummary), total, page: q.page, size: q.size };
  });

  router.post('/', auth({ roles: [...projectManagers] }), async (ctx) => {
    const user = currentUser(ctx);
    const body = parse(ProjectCreate, ctx.request.body);
    const compound = await regionInScope(user, body.compoundId, 'compound');
    const project = await createProject({
      compound,
      year: body.year,
      name: body.name,
      figures: body.figures,
      actorId: user.id,
    });
    await recordAudit(ctx, {
      action: 'project.create',
      targetType: 'project',
      targetId: String(project._id),
      regionPath: project.regionPath,
      summary: `新建改造项目：${project.name}`,
    });
    ctx.status = 201;
    ctx.body = presentProjectDetail(project);
  });

  router.get('/:id', auth({ roles: [...projectReaders] }), async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    ctx.body = presentProjectDetail(await projectInScope(currentUser(ctx), id));
  });

  router.patch('/:id', auth({ roles: [...projectManagers] }), async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(ProjectUpdate, ctx.request.body);
    const project = await projectInScope(currentUser(ctx), id);
    const updated = await Project.findByIdAndUpdate(
      id,
      { $set: body },
      { returnDocument: 'after' },
    ).lean<ProjectDoc>();
    invalidateBoard(id);
    await recordAudit(ctx, {
      action: 'project.update',
      targetType: 'project',
      targetId: id,
      regionPath: project.regionPath,
      summary: `修改项目信息：${Object.keys(body).join('、')}`,
    });
    ctx.body = presentProjectDetail(updated!);
  });

  return router;
}
