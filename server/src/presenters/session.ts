import type { BoundHousehold, Role, SessionUser } from '@jiugai/shared';
import { maskPhone } from '@jiugai/shared';
import { Household } from '../models/household';
import { Region } from '../models/region';
import type { UserDoc } from '../models/user';

type UserLike = Pick<UserDoc, 'role' | 'name' | 'phone' | 'householdIds'> & {
  _id: { toString(): string };
  account?: string | null;
  scopeRegionId?: { toString(): string } | null;
  scopePath?: string | null;
  supervisorCategory?: string | null;
};

/** The households a resident is bound to, with compound and building names. */
export async function boundHouseholds(ids: { toString(): string }[]): Promise<BoundHousehold[]> {
  if (ids.length === 0) return [];
  const households = await Household.find({ _id: { $in: ids } }).lean();
  const regionIds = [...new Set(households.flatMap((h) => [String(h.compoundId), String(h.buildingId)]))];
  const names = new Map(
    (await Region.find({ _id: { $in: regionIds } }, { name: 1 }).lean()).map((r) => [String(r._id), r.name]),
  );
  return households.map((h) => ({
    id: String(h._id),
    compoundId: String(h.compoundId),
    compoundName: names.get(String(h.compoundId)) ?? '',
    buildingId: String(h.buildingId),
    buildingName: names.get(String(h.buildingId)) ?? '',
    unit: h.unit,
    room: h.room,
    area: h.area,
  }));
}

export async function presentSessionUser(user: UserLike): Promise<SessionUser> {
  const scope = user.scopeRegionId
    ? await Region.findById(user.scopeRegionId, { name: 1, level: 1 }).lean()
    : null;
  return {
    id: String(user._id),
    role: user.role as Role,
    name: user.name ?? '',
    ...(user.account ? { account: user.account } : {}),
    phone: maskPhone(user.phone),
    ...(scope
      ? { scopeRegionId: String(scope._id), scopeRegionName: scope.name, scopeRegionLevel: scope.level }
      : {}),
    ...(user.scopePath ? { scopePath: user.scopePath } : {}),
    ...(user.supervisorCategory ? { supervisorCategory: user.supervisorCategory } : {}),
    households: await boundHouseholds(user.householdIds ?? []),
  };
}
