import Taro from '@tarojs/taro';
import type { BindingRequestCreate, BindingRequestView, BoundHousehold, SessionUser } from '@jiugai/shared';
import { request } from './request';
import { saveUser } from './session';

export async function fetchMe(): Promise<SessionUser> {
  const user = await request<SessionUser>('/auth/me');
  saveUser(user);
  return user;
}

export const createBinding = (body: BindingRequestCreate) =>
  request<BindingRequestView>('/bindings', { method: 'POST', data: body, quiet: true });
export const redeemBindingCode = (code: string) =>
  request<{ households: BoundHousehold[] }>('/bindings/redeem', {
    method: 'POST',
    data: { code },
    quiet: true,
  });
export const myBindings = () =>
  request<{ items: BindingRequestView[] } | BindingRequestView[]>('/bindings/mine').then((r) =>
    Array.isArray(r) ? r : r.items,
  );
export const bindingBuildings = (compoundId: string) =>
  request<{ items: { id: string; name: string }[] } | { id: string; name: string }[]>(
    `/bindings/buildings?compoundId=${compoundId}`,
  ).then((r) => (Array.isArray(r) ? r : r.items));

const currentHouseholdKey = 'jiugai.household';

/** The household the resident acts for when they hold several (picked once, remembered). */
export const currentHouseholdId = (): string => (Taro.getStorageSync(currentHouseholdKey) as string) || '';
export const setCurrentHouseholdId = (id: string) => Taro.setStorageSync(currentHouseholdKey, id);

/** The remembered household if it is among `ids`, else the first one. */
export function pickHousehold(ids: string[]): string {
  const remembered = currentHouseholdId();
  return ids.includes(remembered) ? remembered : (ids[0] ?? '');
}

export const householdAddress = (h: BoundHousehold) =>
  `${h.compoundName} ${h.buildingName} ${h.unit}单元 ${h.room}室`;
