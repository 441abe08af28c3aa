import Router from '@koa/router';
import type { Context } from 'koa';
import {
  IdParams,
  StaffCreate,
  StaffListQuery,
  StaffResetPassword,
  StaffUpdate,
  staffAccountRoles,
} from '@jiugai/shared';
import type { RegionLevel } from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { assertInScope, auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { DuplicateError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { recordAudit } from '../../commands/audit';
import { hashPassword } from '../../auth/password';
import { noteRevocation } from '../../auth/revocations';
import { regionInScope } from '../../policies/regionScope';
import { presentStaff } from '../../presenters/staff';
import { Region } from '../../models/region';
import { User, type UserDoc } from '../../models/user';
import { containsText } from '../textSearch';

const managers = ['super_admin', 'bureau_admin'] as const;
/** The region level each staff role is scoped to. */
const scopeLevels: Record<(typeof staffAccountRoles)[number], RegionLevel[]> = {
  community_staff: ['community'],
  street_staff: ['street'],
  bureau_admin: ['district'],
  expert: ['district', 'street', 'community'],
  super_admin: ['district'],
};

async function staffInScope(ctx: Context, id: string): Promise<UserDoc> {
  const caller = currentUser(ctx);
  const target = await User.findOne({ _id: id, account: { $exists: true } }).lean<UserDoc>();
  if (!target) throw NotFoundError('找不到该账号');
  if (caller.role !== 'super_admin') {
    if (target.role === 'super_admin') throw ForbiddenError('不能修改系统管理员账号');
    assertInScope(caller, target.scopePath ?? '');
  }
  return target;
}

async function regionNamesOf(users: UserDoc[]): Promise<Map<string, string>> {
  const ids = users.map((u) => u.scopeRegionId).filter(Boolean);
  const regions = await Region.find({ _id: { $in: ids } }, { name: 1 }).lean();
  return new Map(regions.map((r) => [String(r._id), r.name]));
}

export function staffRouter(): Router {
  const router = new Router({ prefix: '/staff' });
  router.use(auth({ roles: [...managers] }));

  router.get('/', async (ctx) => {
    const q = parse(StaffListQuery, ctx.query);
    const filter: Record<string, unknown> = {
      account: { $exists: true },
      role: q.role ?? { $in: [...staffAccountRoles] },
      ...scopeFilter(currentUser(ctx), 'scopePath'),
    };
    if (q.q) {
      const re = containsText(q.q);
      filter.$or = [{ account: re }, { name: re }];
    }
    const [items, total] = await Promise.all([
      User.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<UserDoc[]>(),
      User.countDocuments(filter),
    ]);
    const names = await regionNamesOf(items);
    ctx.body = { items: items.map((u) => presentStaff(u, names)), total, page: q.page, size: q.size };
  });

  router.post('/', async (ctx) => {
    const caller = currentUser(ctx);
    const body = parse(StaffCreate, ctx.request.body);
    if (body.role === 'super_admin' && caller.role !== 'super_admin')
      throw ForbiddenError('只有系统管理员可以创建系统管理员');
    if (!body.scopeRegionId && body.role !== 'super_admin')
      throw ValidationError('scopeRegionId：请选择管辖区域');
    const region = body.scopeRegionId
      ? await regionInScope(caller, body.scopeRegionId, scopeLevels[body.role])
      : null;
    if (await User.exists({ account: body.account })) throw DuplicateError('账号已存在');
    const user = await User.create({
      role: body.role,
      account: body.account,
      name: body.name,
      phone: body.phone ?? '',
      passwordHash: await hashPassword(body.password),
      ...(region ? { scopeRegionId: region._id, scopePath: region.path } : {}),
    });
    await recordAudit(ctx, {
      action: 'staff.create',
      targetType: 'user',
      targetId: String(user._id),
      regionPath: region?.path ?? '',
      summary: `创建账号 ${body.account}（${body.role}）`,
    });
    ctx.status = 201;
    ctx.body = presentStaff(
      user.toObject() as UserDoc,
      new Map(region ? [[String(region._id), region.name]] : []),
    );
  });

  router.patch('/:id', async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(StaffUpdate, ctx.request.body);
    const target = await staffInScope(ctx, id);
    if (body.disabled && String(target._id) === currentUser(ctx).id)
      throw ValidationError('不能停用自己的账号');
    const revokedAt = body.disabled ? new Date() : undefined;
    const updated = await User.findByIdAndUpdate(
      id,
      { $set: { ...body, ...(revokedAt ? { tokensValidAfter: revokedAt } : {}) } },
      { returnDocument: 'after' },
    ).lean<UserDoc>();
    if (revokedAt) noteRevocation(id, revokedAt);
    await recordAudit(ctx, {
      action: body.disabled === undefined ? 'staff.update' : body.disabled ? 'staff.disable' : 'staff.enable',
      targetType: 'user',
      targetId: id,
      regionPath: target.scopePath ?? '',
      summary: `修改账号 ${target.account}`,
    });
    ctx.body = presentStaff(updated!, await regionNamesOf([updated!]));
  });

  router.post('/:id/reset-password', async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const { password } = parse(StaffResetPassword, ctx.request.body);
    const target = await staffInScope(ctx, id);
    const resetAt = new Date();
    await User.updateOne(
      { _id: id },
      {
        $set: {
          passwordHash: await hashPassword(password),
          failedLogins: 0,
          passwordChangedAt: resetAt,
          tokensValidAfter: resetAt,
        },
        $unset: { lockedUntil: 1 },
      },
    );
    noteRevocation(id, resetAt);
    await recordAudit(ctx, {
      action: 'staff.reset_password',
      targetType: 'user',
      targetId: id,
      regionPath: target.scopePath ?? '',
      summary: `重置账号 ${target.account} 的密码`,
    });
    ctx.status = 204;
  });

  return router;
}
