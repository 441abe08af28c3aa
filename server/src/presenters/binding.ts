import type { BindingRequestView, BindingStatus } from '@jiugai/shared';
import { maskName, maskPhone } from '@jiugai/shared';
import type { BindingRequestDoc } from '../models/bindingRequest';
import type { HouseholdDoc } from '../models/household';

export function presentBindingRequest(
  r: BindingRequestDoc & { createdAt?: Date },
  household: HouseholdDoc | undefined,
  regionNames: Map<string, string>,
): BindingRequestView {
  return {
    id: String(r._id),
    status: r.status as BindingStatus,
    compoundName: regionNames.get(String(r.compoundId)) ?? '',
    buildingName: household ? (regionNames.get(String(household.buildingId)) ?? '') : '',
    unit: household?.unit ?? '',
    room: household?.room ?? '',
    householdId: String(r.householdId),
    name: maskName(r.name),
    phone: maskPhone(r.phone),
    matchesOwner:
      Boolean(household?.ownerName) && household!.ownerName.replace(/\s/g, '') === r.name.replace(/\s/g, ''),
    ...(r.rejectReason ? { rejectReason: r.rejectReason } : {}),
    createdAt: (r.createdAt ?? new Date()).toISOString(),
    ...(r.decidedAt ? { decidedAt: r.decidedAt.toISOString() } : {}),
  };
}
