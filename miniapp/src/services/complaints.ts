import type {
  ComplaintCreateBody,
  ComplaintPage,
  ComplaintRatingBody,
  ComplaintReopenBody,
  ComplaintView,
} from '@jiugai/shared';
import { request } from './request';

export const fileComplaint = (body: ComplaintCreateBody) =>
  request<ComplaintView>('/complaints', { method: 'POST', data: body, quiet: true });
export const myComplaints = (page = 1, size = 20) =>
  request<ComplaintPage>(`/complaints/mine?page=${page}&size=${size}`);
export const fetchComplaint = (id: string) => request<ComplaintView>(`/complaints/${id}`);
export const rateComplaint = (id: string, body: ComplaintRatingBody) =>
  request<ComplaintView>(`/complaints/${id}/rating`, { method: 'POST', data: body });
export const reopenComplaint = (id: string, body: ComplaintReopenBody) =>
  request<ComplaintView>(`/complaints/${id}/reopen`, { method: 'POST', data: body });
