import type { Role, StaffAccount } from '@jiugai/shared';
import { maskPhone } from '@jiugai/shared';
import type { UserDoc } from '../models/user';

export function presentStaff(
  user: UserDoc & { createdAt?: Date },
  regionNames: Map<string, string>,
): StaffAccount {
  const scopeId = user.scopeRegionId ? String(user.scopeRegionId) : undefined;
  return {
    id: String(user._id),
    account: user.account ?? '',
    name: user.name ?? '',
    phone: maskPhone(user.phone),
    role: user.role as Role,
    ...(scopeId ? { scopeRegionId: scopeId, scopeRegionName: regionNames.get(scopeId) ?? '' } : {}),
    disabled: Boolean(user.disabled),
    locked: Boolean(user.lockedUntil && user.lockedUntil.getTime() > Date.now()),
    createdAt: (user.createdAt ?? new Date()).toISOString(),
  };
}
