import type { Page, StaffAccount, StaffCreate, StaffListQuery, StaffUpdate } from '@jiugai/shared';
import { api } from '../../request';

export const listStaff = (query: Partial<StaffListQuery>) => api.get<Page<StaffAccount>>('/staff', query);
export const createStaff = (body: StaffCreate) => api.post<StaffAccount>('/staff', body);
export const updateStaff = (id: string, body: StaffUpdate) => api.patch<StaffAccount>(`/staff/${id}`, body);
export const resetStaffPassword = (id: string, password: string) =>
  api.post<void>(`/staff/${id}/reset-password`, { password });
