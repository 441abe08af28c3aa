import Router from '@koa/router';
import { IdParams, PageQuery, ProgressCreate, ProjectRefParams, roleLabel } from '@jiugai/shared';
import type { AuthUser } from '../../auth/tokens';
import { parse } from '../../middlewares/validate';
import { auth, currentUser } from '../../middlewares/auth';
import { recordAudit } from '../../commands/audit';
import { findProjectByRef, projectInScope } from '../../policies/projectAccess';
import { presentProgress } from '../../presenters/progress';
import { Project } from '../../models/project';
import { ProgressUpdate, type ProgressUpdateDoc } from '../../models/progressUpdate';
import { Region } from '../../models/region';
import { invalidateBoard } from '../board/boardCache';
import { projectManagers } from './projects';

/** Progress updates: staff publish (text, photos, percent); anyone can read them, like the board. */
export function progressRouter(): Router {
  const router = new Router({ prefix: '/projects/:id/progress' });

  router.get('/', async (ctx) => {
    const { id } = parse(ProjectRefParams, ctx.params);
    const q = parse(PageQuery, ctx.query);
    const project = await findProjectByRef(id);
    const filter = { projectId: project._id };
    const [items, total] = await Promise.all([
      ProgressUpdate.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<ProgressUpdateDoc[]>(),
      ProgressUpdate.countDocuments(filter),
    ]);
    ctx.body = { items: items.map(presentProgress), total, page: q.page, size: q.size };
  });

  router.post('/', auth({ roles: [...projectManagers] }), async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(ProgressCreate, ctx.request.body);
    const user = currentUser(ctx);
    const project = await projectInScope(user, id);
    const authorName = await publisherLabel(user);
    const update = await ProgressUpdate.create({
      projectId: project._id,
      regionPath: project.regionPath,
      ...body,
      authorId: user.id,
      authorName,
    });
    await Project.updateOne({ _id: project._id }, { $set: { percent: body.percent } });
    invalidateBoard(id);
    await recordAudit(ctx, {
      action: 'project.progress',
      targetType: 'project',
      targetId: id,
      regionPath: project.regionPath,
      summary: `发布进度 ${body.percent}%`,
    });
    ctx.status = 201;
    ctx.body = presentProgress(update.toObject() as ProgressUpdateDoc);
  });

  return router;
}

/** Progress is public: it names the office that posted it ("西脑包街道 街道办"), never the person. */
async function publisherLabel(user: AuthUser): Promise<string> {
  const regionId = user.scopePath?.split('/').filter(Boolean).at(-1);
  const region = regionId ? await Region.findById(regionId, { name: 1 }).lean<{ name: string }>() : null;
  return [region?.name, roleLabel[user.role]].filter(Boolean).join(' ');
}
