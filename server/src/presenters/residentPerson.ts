import type { ResidentPerson } from '@jiugai/shared';
import { maskName, maskPhone } from '@jiugai/shared';
import { Household, type HouseholdDoc } from '../models/household';
import { Region } from '../models/region';
import type { UserDoc } from '../models/user';

/** Residents and supervisors for staff lists: masked, with the households they are bound to (optionally only some). */
export async function presentResidents(
  users: UserDoc[],
  onlyHouseholds?: Set<string>,
): Promise<ResidentPerson[]> {
  const householdIds = users
    .flatMap((u) => (u.householdIds ?? []).map(String))
    .filter((id) => !onlyHouseholds || onlyHouseholds.has(id));
  const households = await Household.find({ _id: { $in: householdIds } }).lean<HouseholdDoc[]>();
  const regionIds = new Set<string>();
  for (const h of households) regionIds.add(String(h.compoundId)).add(String(h.buildingId));
  for (const u of users) if (u.scopeRegionId) regionIds.add(String(u.scopeRegionId));
  const names = new Map(
    (await Region.find({ _id: { $in: [...regionIds] } }, { name: 1 }).lean()).map((r) => [
      String(r._id),
      r.name,
    ]),
  );
  const byId = new Map(households.map((h) => [String(h._id), h]));
  return users.map((u) => ({
    id: String(u._id),
    role: u.role as ResidentPerson['role'],
    name: maskName(u.name),
    phone: maskPhone(u.phone),
    ...(u.supervisorCategory ? { supervisorCategory: u.supervisorCategory } : {}),
    ...(u.scopeRegionId ? { scopeRegionName: names.get(String(u.scopeRegionId)) ?? '' } : {}),
    households: (u.householdIds ?? [])
      .map((id) => byId.get(String(id)))
      .filter((h): h is HouseholdDoc => Boolean(h))
      .map((h) => ({
        compoundName: names.get(String(h.compoundId)) ?? '',
        buildingName: names.get(String(h.buildingId)) ?? '',
        unit: h.unit,
        room: h.room,
      })),
  }));
}
