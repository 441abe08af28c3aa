import type { InspectionCreateBody, InspectionView, Page } from '@jiugai/shared';
import { request } from './request';

export const submitInspection = (body: InspectionCreateBody) =>
  request<InspectionView>('/supervision/inspections', { method: 'POST', data: body, quiet: true });
export const myInspections = (page = 1, size = 20) =>
  request<Page<InspectionView>>(`/supervision/inspections/mine?page=${page}&size=${size}`);
