import type { HouseholdView } from '@jiugai/shared';
import { maskName, maskPhone } from '@jiugai/shared';
import type { HouseholdDoc } from '../models/household';

/** Lists mask the owner's name and phone; `full` is for the single-household view of staff in scope. */
export function presentHousehold(
  h: HouseholdDoc,
  buildingNames: Map<string, string>,
  boundCounts: Map<string, number>,
  full = false,
): HouseholdView {
  return {
    id: String(h._id),
    compoundId: String(h.compoundId),
    buildingId: String(h.buildingId),
    buildingName: buildingNames.get(String(h.buildingId)) ?? '',
    unit: h.unit,
    room: h.room,
    area: h.area,
    ownerName: full ? (h.ownerName ?? '') : maskName(h.ownerName),
    ownerPhone: full ? (h.ownerPhone ?? '') : maskPhone(h.ownerPhone),
    hasBindingCode: Boolean(h.bindingCode),
    boundResidents: boundCounts.get(String(h._id)) ?? 0,
  };
}
