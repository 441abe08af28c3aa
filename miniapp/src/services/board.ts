import type { Page, ProjectBoard, ProjectSearchHit, PublicComplaintView } from '@jiugai/shared';
import { request } from './request';

/** The public notice board; `ref` is the project id or the scene id from the QR code. No login. */
export const fetchBoard = (ref: string) =>
  request<ProjectBoard>(`/projects/${encodeURIComponent(ref)}/board`, { auth: false, quiet: true });

export const searchProjects = (q: string) =>
  request<ProjectSearchHit[] | { items: ProjectSearchHit[] }>(
    `/projects/search?q=${encodeURIComponent(q)}&size=20`,
    {
      auth: false,
    },
  ).then((r) => (Array.isArray(r) ? r : r.items));

export const fetchPublicComplaints = (projectId: string, page = 1, size = 10) =>
  request<Page<PublicComplaintView>>(`/complaints/public?projectId=${projectId}&page=${page}&size=${size}`, {
    auth: false,
  });
