import Router from '@koa/router';
import { IdParams, RegionCreate, RegionTreeQuery, RegionUpdate } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { ForbiddenError, InvalidStateError, DuplicateError } from '../../errors';
import { recordAudit } from '../../commands/audit';
import { createRegion } from '../../commands/regionCreator';
import { regionInScope } from '../../policies/regionScope';
import { buildTree, presentRegion } from '../../presenters/region';
import { Region, type RegionDoc } from '../../models/region';
import { Household } from '../../models/household';
import { Project } from '../../models/project';
import { invalidateAllBoards } from '../board/boardCache';
import type { AuthUser } from '../../auth/tokens';

export const regionReaders = [
  'community_staff',
  'street_staff',
  'bureau_admin',
  'expert',
  'super_admin',
] as const;
export const regionWriters = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'] as const;

/** Staff change only nodes strictly below their own scope node; super_admin changes anything. */
function assertBelowScope(user: AuthUser, region: RegionDoc) {
  if (user.role !== 'super_admin' && region.path === user.scopePath)
    throw ForbiddenError('不能修改自己所属的管辖区域');
}

const nameFieldOfLevel: Record<string, string> = {
  district: 'districtName',
  street: 'streetName',
  community: 'communityName',
  compound: 'compoundName',
};

export function regionsRouter(): Router {
  const router = new Router({ prefix: '/regions' });

  router.get('/tree', auth({ roles: [...regionReaders] }), async (ctx) => {
    const q = parse(RegionTreeQuery, ctx.query);
    const filter: Record<string, unknown> = { ...scopeFilter(currentUser(ctx), 'path') };
    if (q.includeBuildings !== 'true') filter.level = { $ne: 'building' };
    ctx.body = buildTree(await Region.find(filter).lean<RegionDoc[]>());
  });

  router.get('/:id', auth({ roles: [...regionReaders] }), async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const region = await regionInScope(currentUser(ctx), id);
    const children = await Region.find({ parentId: region._id }).lean<RegionDoc[]>();
    ctx.body = { ...presentRegion(region), children: buildTree(children) };
  });

  router.post('/', auth({ roles: [...regionWriters] }), async (ctx) => {
    const user = currentUser(ctx);
    const body = parse(RegionCreate, ctx.request.body);
    if (!body.parentId && user.role !== 'super_admin') throw ForbiddenError('只有系统管理员可以新建区');
    const parent = body.parentId ? await regionInScope(user, body.parentId) : null;
    const region = await createRegion({
      parent,
      name: body.name,
      address: body.address,
      floors: body.floors,
    });
    await recordAudit(ctx, {
      action: 'region.create',
      targetType: 'region',
      targetId: String(region._id),
      regionPath: region.path,
      summary: `新建${region.level === 'building' ? '楼栋' : '区域'}：${region.name}`,
    });
    ctx.status = 201;
    ctx.body = presentRegion(region);
  });

  router.patch('/:id', auth({ roles: [...regionWriters] }), async (ctx) => {
    const user = currentUser(ctx);
    const { id } = parse(IdParams, ctx.params);
    const body = parse(RegionUpdate, ctx.request.body);
    const region = await regionInScope(user, id);
    assertBelowScope(user, region);
    if (
      body.name &&
      body.name !== region.name &&
      (await Region.exists({ parentId: region.parentId, name: body.name }))
    ) {
      throw DuplicateError(`已存在同名区域：${body.name}`);
    }
    const updated = await Region.findByIdAndUpdate(
      id,
      { $set: body },
      { returnDocument: 'after' },
    ).lean<RegionDoc>();
    const nameField = nameFieldOfLevel[region.level];
    if (body.name && nameField) {
      await Project.updateMany(
        { regionPath: { $regex: `^${region.path}` } },
        { $set: { [nameField]: body.name } },
      );
    }
    if (body.address !== undefined && region.level === 'compound') {
      await Project.updateMany({ compoundId: region._id }, { $set: { address: body.address } });
    }
    invalidateAllBoards();
    await recordAudit(ctx, {
      action: 'region.update',
      targetType: 'region',
      targetId: id,
      regionPath: region.path,
      summary: `修改区域：${updated!.name}`,
    });
    ctx.body = presentRegion(updated!);
  });

  router.delete('/:id', auth({ roles: [...regionWriters] }), async (ctx) => {
    const user = currentUser(ctx);
    const { id } = parse(IdParams, ctx.params);
    const region = await regionInScope(user, id);
    assertBelowScope(user, region);
    const [child, household, project] = await Promise.all([
      Region.exists({ parentId: region._id }),
      Household.exists({ regionPath: { $regex: `^${region.path}` } }),
      Project.exists({ regionPath: { $regex: `^${region.path}` } }),
    ]);
    if (child || household || project) throw InvalidStateError('该区域下还有下级区域、住户或项目，不能删除');
    await Region.deleteOne({ _id: region._id });
    await recordAudit(ctx, {
      action: 'region.delete',
      targetType: 'region',
      targetId: id,
      regionPath: region.path,
      summary: `删除区域：${region.name}`,
    });
    ctx.status = 204;
  });

  return router;
}
