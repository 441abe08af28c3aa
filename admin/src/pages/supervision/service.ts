import type { InspectionSummary, InspectionView, Page, SupervisionMemberView } from '@jiugai/shared';
import { api } from '../../request';

export const getSummary = () => api.get<{ items: InspectionSummary[] }>('/supervision/summary');
export const listMembers = (projectId: string) =>
  api.get<{ items: SupervisionMemberView[] }>('/supervision/members', { projectId });
export const listInspections = (projectId: string, page: number, size: number) =>
  api.get<Page<InspectionView>>('/supervision/inspections', { projectId, page, size });
