import Router from '@koa/router';
import type { Context } from 'koa';
import {
  HouseholdCreate,
  HouseholdImportFields,
  HouseholdListQuery,
  HouseholdUpdate,
  IdParams,
  maxUploadBytes,
} from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { DuplicateError, NotFoundError } from '../../errors';
import { assertInScope } from '../../middlewares/auth';
import { recordAudit } from '../../commands/audit';
import { householdTemplate, importHouseholds } from '../../commands/householdImport';
import { ownerKeyOf } from '../../commands/ownerKey';
import { regionInScope } from '../../policies/regionScope';
import { presentHousehold } from '../../presenters/household';
import { Household, type HouseholdDoc } from '../../models/household';
import { Region } from '../../models/region';
import { User } from '../../models/user';
import { singleFile } from '../uploads/singleFile';
import { escapeRegex } from '../textSearch';

export const householdStaff = ['community_staff', 'street_staff', 'bureau_admin', 'super_admin'] as const;

async function presentAll(items: HouseholdDoc[], full = false) {
  const ids = items.map((h) => h._id);
  const [buildings, residents] = await Promise.all([
    Region.find({ _id: { $in: [...new Set(items.map((h) => String(h.buildingId)))] } }, { name: 1 }).lean(),
    User.find({ householdIds: { $in: ids } }, { householdIds: 1 }).lean(),
  ]);
  const names = new Map(buildings.map((b) => [String(b._id), b.name]));
  const counts = new Map<string, number>();
  for (const u of residents)
    for (const h of u.householdIds) counts.set(String(h), (counts.get(String(h)) ?? 0) + 1);
  return items.map((h) => presentHousehold(h, names, counts, full));
}

async function householdInScope(ctx: Context, id: string): Promise<HouseholdDoc> {
  const household = await Household.findById(id).lean<HouseholdDoc>();
  if (!household) throw NotFoundError('找不到该住户');
  assertInScope(currentUser(ctx), household.regionPath);
  return household;
}

export function householdsRouter(): Router {
  const router = new Router({ prefix: '/households' });
  router.use(auth({ roles: [...householdStaff] }));

  router.get('/', async (ctx) => {
    const user = currentUser(ctx);
    const q = parse(HouseholdListQuery, ctx.query);
    const clauses: Record<string, unknown>[] = [scopeFilter(user)];
    if (q.compoundId) clauses.push({ compoundId: (await regionInScope(user, q.compoundId, 'compound'))._id });
    if (q.buildingId) clauses.push({ buildingId: (await regionInScope(user, q.buildingId, 'building'))._id });
    if (q.q)
      clauses.push({
        $or: [{ room: { $regex: escapeRegex(q.q) } }, { ownerName: { $regex: escapeRegex(q.q) } }],
      });
    const filter = { $and: clauses };
    const [items, total] = await Promise.all([
      Household.find(filter)
        .sort({ buildingId: 1, unit: 1, room: 1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<HouseholdDoc[]>(),
      Household.countDocuments(filter),
    ]);
    ctx.body = { items: await presentAll(items), total, page: q.page, size: q.size };
  });

  router.get('/import-template', async (ctx) => {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('住户导入模板.xlsx')}`);
    ctx.body = await householdTemplate();
  });

  router.post('/import', singleFile('file', maxUploadBytes), async (ctx) => {
    const { compoundId } = parse(HouseholdImportFields, ctx.request.body);
    const compound = await regionInScope(currentUser(ctx), compoundId, 'compound');
    const result = await importHouseholds(compound, ctx.file.buffer);
    await recordAudit(ctx, {
      action: 'household.import',
      targetType: 'region',
      targetId: compoundId,
      regionPath: compound.path,
      summary: `导入 ${result.buildingsCreated} 栋楼、${result.householdsCreated} 户`,
    });
    ctx.status = 201;
    ctx.body = result;
  });

  router.get('/:id', async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    ctx.body = (await presentAll([await householdInScope(ctx, id)], true))[0];
  });

  router.post('/', async (ctx) => {
    const body = parse(HouseholdCreate, ctx.request.body);
    const building = await regionInScope(currentUser(ctx), body.buildingId, 'building');
    if (await Household.exists({ buildingId: building._id, unit: body.unit, room: body.room })) {
      throw DuplicateError(`该住户已存在：${building.name} ${body.unit} 单元 ${body.room}`);
    }
    const doc = await Household.create({
      buildingId: building._id,
      unit: body.unit,
      room: body.room,
      area: body.area,
      compoundId: building.parentId!,
      regionPath: building.path,
      ownerName: body.ownerName ?? '',
      ownerPhone: body.ownerPhone ?? '',
      ownerKey: ownerKeyOf(body.ownerName, body.ownerPhone),
    });
    await recordAudit(ctx, {
      action: 'household.create',
      targetType: 'household',
      targetId: String(doc._id),
      regionPath: building.path,
      summary: `新增住户：${building.name} ${body.unit} 单元 ${body.room}`,
    });
    ctx.status = 201;
    ctx.body = (await presentAll([doc.toObject() as HouseholdDoc], true))[0];
  });

  router.patch('/:id', async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(HouseholdUpdate, ctx.request.body);
    const household = await householdInScope(ctx, id);
    const unit = body.unit ?? household.unit;
    const room = body.room ?? household.room;
    if (
      (unit !== household.unit || room !== household.room) &&
      (await Household.exists({ buildingId: household.buildingId, unit, room }))
    ) {
      throw DuplicateError(`该住户已存在：${unit} 单元 ${room}`);
    }
    const set: Record<string, unknown> = { ...body };
    if (body.ownerName !== undefined || body.ownerPhone !== undefined) {
      set.ownerKey = ownerKeyOf(
        body.ownerName ?? household.ownerName,
        body.ownerPhone ?? household.ownerPhone,
      );
    }
    const updated = await Household.findByIdAndUpdate(
      id,
      { $set: set },
      { returnDocument: 'after' },
    ).lean<HouseholdDoc>();
    await recordAudit(ctx, {
      action: 'household.update',
      targetType: 'household',
      targetId: id,
      regionPath: household.regionPath,
      summary: `修改住户：${unit} 单元 ${room}`,
    });
    ctx.body = (await presentAll([updated!], true))[0];
  });

  return router;
}
