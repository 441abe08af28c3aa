import type {
  ComplaintPage,
  ComplaintQueueQuery,
  ComplaintTransitionBody,
  ComplaintView,
} from '@jiugai/shared';
import { api, type Query } from '../../request';

type QueueFilter = Partial<Omit<ComplaintQueueQuery, 'overdue'>> & { overdue?: 'true' | 'false' };

export const listComplaints = (query: QueueFilter) => api.get<ComplaintPage>('/complaints', query as Query);
export const getComplaint = (id: string) => api.get<ComplaintView>(`/complaints/${id}`);
export const transitionComplaint = (id: string, body: ComplaintTransitionBody) =>
  api.post<ComplaintView>(`/complaints/${id}/transitions`, body);
