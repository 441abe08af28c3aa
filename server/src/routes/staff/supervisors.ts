import Router from '@koa/router';
import {
  IdParams,
  SupervisorAppoint,
  SupervisorCandidatesQuery,
  SupervisorListQuery,
  supervisionStaffRoles,
} from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { assertInScope, auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { NotFoundError } from '../../errors';
import { noteRevocation } from '../../auth/revocations';
import { recordAudit } from '../../commands/audit';
import { regionInScope } from '../../policies/regionScope';
import { presentResidents } from '../../presenters/residentPerson';
import { Household } from '../../models/household';
import { User, type UserDoc } from '../../models/user';

/**
 * Community and street staff appoint supervision-group members from residents bound to households in their area
 * (WeChat users start as residents), and can take the role back.
 */
export function supervisorsRouter(): Router {
  const router = new Router({ prefix: '/supervisors' });
  router.use(auth({ roles: supervisionStaffRoles }));

  router.get('/candidates', async (ctx) => {
    const { compoundId } = parse(SupervisorCandidatesQuery, ctx.query);
    const compound = await regionInScope(currentUser(ctx), compoundId, 'compound');
    const ids = (await Household.find({ compoundId: compound._id }, { _id: 1 }).lean()).map((h) => h._id);
    const users = await User.find({ role: { $in: ['resident', 'supervisor'] }, householdIds: { $in: ids } })
      .limit(500)
      .lean<UserDoc[]>();
    ctx.body = { items: await presentResidents(users, new Set(ids.map(String))) };
  });

  router.get('/', async (ctx) => {
    const user = currentUser(ctx);
    const q = parse(SupervisorListQuery, ctx.query);
    const clauses: Record<string, unknown>[] = [{ role: 'supervisor' }, scopeFilter(user, 'scopePath')];
    if (q.regionId)
      clauses.push({ scopePath: { $regex: `^${(await regionInScope(user, q.regionId)).path}` } });
    const filter = { $and: clauses };
    const [users, total] = await Promise.all([
      User.find(filter)
        .sort({ createdAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<UserDoc[]>(),
      User.countDocuments(filter),
    ]);
    ctx.body = { items: await presentResidents(users), total, page: q.page, size: q.size };
  });

  router.post('/', async (ctx) => {
    const caller = currentUser(ctx);
    const body = parse(SupervisorAppoint, ctx.request.body);
    const region = await regionInScope(caller, body.scopeRegionId, ['community', 'compound']);
    const person = await User.findOne({
      _id: body.userId,
      role: { $in: ['resident', 'supervisor'] },
    }).lean<UserDoc>();
    if (!person) throw NotFoundError('找不到该居民');
    if (person.role === 'supervisor' && person.scopePath) assertInScope(caller, person.scopePath);
    const set = {
      role: 'supervisor',
      scopeRegionId: region._id,
      scopePath: region.path,
      ...(body.category ? { supervisorCategory: body.category } : {}),
    };
    const updated = await User.findByIdAndUpdate(
      person._id,
      { $set: set },
      { returnDocument: 'after' },
    ).lean<UserDoc>();
    await recordAudit(ctx, {
      action: 'supervisor.appoint',
      targetType: 'user',
      targetId: body.userId,
      regionPath: region.path,
      summary: `任命义务监督员（${region.name}）`,
    });
    ctx.body = (await presentResidents([updated!]))[0];
  });

  router.delete('/:id', async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const person = await User.findOne({ _id: id, role: 'supervisor' }).lean<UserDoc>();
    if (!person) throw NotFoundError('找不到该义务监督员');
    assertInScope(currentUser(ctx), person.scopePath ?? '');
    // The supervisor's tokens carry the role and scope: they stop working now, the next login is a resident's.
    const revokedAt = new Date();
    await User.updateOne(
      { _id: id },
      {
        $set: { role: 'resident', tokensValidAfter: revokedAt },
        $unset: { scopeRegionId: 1, scopePath: 1, supervisorCategory: 1 },
      },
    );
    noteRevocation(id, revokedAt);
    await recordAudit(ctx, {
      action: 'supervisor.revoke',
      targetType: 'user',
      targetId: id,
      regionPath: person.scopePath ?? '',
      summary: '取消义务监督员身份',
    });
    ctx.status = 204;
  });

  return router;
}
