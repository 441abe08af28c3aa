import type { BindingListQuery, BindingRequestView, Page } from '@jiugai/shared';
import { api } from '../../request';

export const listBindings = (query: Partial<BindingListQuery>) =>
  api.get<Page<BindingRequestView>>('/bindings', query);
export const approveBinding = (id: string) => api.post<BindingRequestView>(`/bindings/${id}/approve`);
export const rejectBinding = (id: string, reason: string) =>
  api.post<BindingRequestView>(`/bindings/${id}/reject`, { reason });
