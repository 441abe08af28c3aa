import Router from '@koa/router';
import type { Context } from 'koa';
import {
  BindingBuildingsQuery,
  BindingCodesGenerate,
  BindingListQuery,
  BindingRedeem,
  BindingReject,
  BindingRequestCreate,
  IdParams,
} from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { assertInScope, auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { byUser, rateLimit } from '../../middlewares/rateLimit';
import { DuplicateError, InvalidStateError, NotFoundError, ValidationError } from '../../errors';
import { recordAudit } from '../../commands/audit';
import { issueBindingCodes } from '../../commands/bindingCodes';
import { regionInScope } from '../../policies/regionScope';
import { presentBindingRequest } from '../../presenters/binding';
import { boundHouseholds } from '../../presenters/session';
import { BindingRequest, type BindingRequestDoc } from '../../models/bindingRequest';
import { Household, type HouseholdDoc } from '../../models/household';
import { Region, type RegionDoc } from '../../models/region';
import { User } from '../../models/user';
import { householdStaff } from '../households/households';

const residents = ['resident', 'supervisor'] as const;

async function presentAll(requests: BindingRequestDoc[]) {
  const households = await Household.find({ _id: { $in: requests.map((r) => r.householdId) } }).lean<
    HouseholdDoc[]
  >();
  const byId = new Map(households.map((h) => [String(h._id), h]));
  const regionIds = [
    ...requests.map((r) => String(r.compoundId)),
    ...households.map((h) => String(h.buildingId)),
  ];
  const regions = await Region.find({ _id: { $in: [...new Set(regionIds)] } }, { name: 1 }).lean();
  const names = new Map(regions.map((r) => [String(r._id), r.name]));
  return requests.map((r) => presentBindingRequest(r, byId.get(String(r.householdId)), names));
}

async function pendingRequestInScope(ctx: Context, id: string): Promise<BindingRequestDoc> {
  const request = await BindingRequest.findById(id).lean<BindingRequestDoc>();
  if (!request) throw NotFoundError('找不到该绑定申请');
  assertInScope(currentUser(ctx), request.regionPath);
  if (request.status !== 'pending') throw InvalidStateError('该申请已处理');
  return request;
}

/** Binding residents to households: requests decided by staff, and one-time codes printed by staff. */
export function bindingsRouter(): Router {
  const router = new Router({ prefix: '/bindings' });
  const staff = auth({ roles: [...householdStaff] });
  const resident = auth({ roles: [...residents] });

  /** Buildings of a compound, for the resident's binding form. */
  router.get('/buildings', resident, async (ctx) => {
    const { compoundId } = parse(BindingBuildingsQuery, ctx.query);
    const compound = await Region.findOne({ _id: compoundId, level: 'compound' }).lean();
    if (!compound) throw NotFoundError('找不到该小区');
    const buildings = await Region.find({ parentId: compound._id, level: 'building' }, { name: 1 }).lean<
      RegionDoc[]
    >();
    ctx.body = {
      items: buildings
        .map((b) => ({ id: String(b._id), name: b.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    };
  });

  router.post('/', resident, async (ctx) => {
    const user = currentUser(ctx);
    const body = parse(BindingRequestCreate, ctx.request.body);
    const household = await Household.findOne({
      buildingId: body.buildingId,
      unit: body.unit,
      room: body.room,
    }).lean<HouseholdDoc>();
    if (!household) throw NotFoundError('找不到该房屋，请核对楼栋、单元和房号');
    if (await User.exists({ _id: user.id, householdIds: household._id }))
      throw DuplicateError('您已绑定该房屋');
    if (await BindingRequest.exists({ userId: user.id, householdId: household._id, status: 'pending' })) {
      throw DuplicateError('您已提交过该房屋的绑定申请，请等待社区审核');
    }
    const request = await BindingRequest.create({
      userId: user.id,
      householdId: household._id,
      compoundId: household.compoundId,
      regionPath: household.regionPath,
      name: body.name,
      phone: body.phone,
    });
    await User.updateOne({ _id: user.id, name: '' }, { $set: { name: body.name, phone: body.phone } });
    ctx.status = 201;
    ctx.body = (await presentAll([request.toObject() as BindingRequestDoc]))[0];
  });

  router.get('/mine', resident, async (ctx) => {
    const requests = await BindingRequest.find({ userId: currentUser(ctx).id })
      .sort({ createdAt: -1 })
      .limit(50)
      .lean<BindingRequestDoc[]>();
    ctx.body = { items: await presentAll(requests) };
  });

  router.post(
    '/redeem',
    resident,
    rateLimit({ name: 'binding-redeem', points: 10, durationSeconds: 60, key: byUser }),
    async (ctx) => {
      const { code } = parse(BindingRedeem, ctx.request.body);
      const user = currentUser(ctx);
      // Clearing the code in the same atomic update makes it one-time even under concurrent redemptions.
      const household = await Household.findOneAndUpdate(
        { bindingCode: code },
        { $unset: { bindingCode: 1 } },
      ).lean<HouseholdDoc>();
      if (!household) throw ValidationError('绑定码无效或已被使用');
      await User.updateOne({ _id: user.id }, { $addToSet: { householdIds: household._id } });
      const me = await User.findById(user.id, { householdIds: 1 }).lean();
      ctx.body = { households: await boundHouseholds(me?.householdIds ?? []) };
    },
  );

  router.delete('/households/:id', resident, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const result = await User.updateOne(
      { _id: currentUser(ctx).id, householdIds: id },
      { $pull: { householdIds: id } },
    );
    if (result.matchedCount === 0) throw NotFoundError('您没有绑定该房屋');
    ctx.status = 204;
  });

  router.get('/', staff, async (ctx) => {
    const user = currentUser(ctx);
    const q = parse(BindingListQuery, ctx.query);
    const clauses: Record<string, unknown>[] = [scopeFilter(user)];
    if (q.status) clauses.push({ status: q.status });
    if (q.compoundId) clauses.push({ compoundId: (await regionInScope(user, q.compoundId, 'compound'))._id });
    const filter = { $and: clauses };
    const [items, total] = await Promise.all([
      BindingRequest.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<BindingRequestDoc[]>(),
      BindingRequest.countDocuments(filter),
    ]);
    ctx.body = { items: await presentAll(items), total, page: q.page, size: q.size };
  });

  router.post('/:id/approve', staff, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const request = await pendingRequestInScope(ctx, id);
    const decided = await BindingRequest.findOneAndUpdate(
      { _id: id, status: 'pending' },
      { $set: { status: 'approved', decidedBy: currentUser(ctx).id, decidedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean<BindingRequestDoc>();
    if (!decided) throw InvalidStateError('该申请已处理');
    await User.updateOne({ _id: request.userId }, { $addToSet: { householdIds: request.householdId } });
    await recordAudit(ctx, {
      action: 'binding.approve',
      targetType: 'binding',
      targetId: id,
      regionPath: request.regionPath,
      summary: '通过房屋绑定申请',
    });
    ctx.body = (await presentAll([decided]))[0];
  });

  router.post('/:id/reject', staff, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const { reason } = parse(BindingReject, ctx.request.body);
    const request = await pendingRequestInScope(ctx, id);
    const decided = await BindingRequest.findOneAndUpdate(
      { _id: id, status: 'pending' },
      {
        $set: {
          status: 'rejected',
          rejectReason: reason,
          decidedBy: currentUser(ctx).id,
          decidedAt: new Date(),
        },
      },
      { returnDocument: 'after' },
    ).lean<BindingRequestDoc>();
    if (!decided) throw InvalidStateError('该申请已处理');
    await recordAudit(ctx, {
      action: 'binding.reject',
      targetType: 'binding',
      targetId: id,
      regionPath: request.regionPath,
      summary: `驳回房屋绑定申请：${reason}`,
    });
    ctx.body = (await presentAll([decided]))[0];
  });

  /** Codes for printing: one per household of a compound or building. */
  router.post('/codes', staff, async (ctx) => {
    const user = currentUser(ctx);
    const body = parse(BindingCodesGenerate, ctx.request.body);
    const region = await regionInScope(
      user,
      (body.compoundId ?? body.buildingId)!,
      body.compoundId ? 'compound' : 'building',
    );
    const items = await issueBindingCodes(
      body.compoundId ? { compoundId: region._id } : { buildingId: region._id },
      body.regenerate,
    );
    await recordAudit(ctx, {
      action: 'binding.codes',
      targetType: 'region',
      targetId: String(region._id),
      regionPath: region.path,
      summary: `生成 ${region.name} 的绑定码（${items.length} 户）`,
    });
    ctx.status = 201;
    ctx.body = { items };
  });

  return router;
}
