import type {
  InspectionSummary,
  InspectionView,
  Page,
  ProjectDetail,
  ResidentPerson,
  SupervisionMemberCreateBody,
  SupervisionMemberView,
  SupervisorAppoint,
} from '@jiugai/shared';
import { maxPageSize } from '@jiugai/shared';
import { api, type RequestOptions } from '../../request';

export const getSummary = () => api.get<{ items: InspectionSummary[] }>('/supervision/summary');
export const listMembers = (projectId: string) =>
  api.get<{ items: SupervisionMemberView[] }>('/supervision/members', { projectId });
export const addMember = (body: SupervisionMemberCreateBody) =>
  api.post<SupervisionMemberView>('/supervision/members', body);
export const removeMember = (id: string) => api.delete<void>(`/supervision/members/${id}`);
export const listInspections = (projectId: string, page: number, size: number) =>
  api.get<Page<InspectionView>>('/supervision/inspections', { projectId, page, size });

/** The project's compound: whose residents may be appointed. */
export const getProject = (projectId: string) => api.get<ProjectDetail>(`/projects/${projectId}`);
/** Residents (and supervisors) bound to households of a compound; names and phones masked by the server. */
export const listCandidates = (compoundId: string) =>
  api.get<{ items: ResidentPerson[] }>('/supervisors/candidates', { compoundId });
/** Supervisors already appointed in the caller's region; `silent`: the caller shows the error itself. */
export const listSupervisors = (opts?: RequestOptions) =>
  api.get<Page<ResidentPerson>>('/supervisors', { page: 1, size: maxPageSize }, opts);
/** Makes a resident a supervision-group member (role 义务监督员) for a community or compound. */
export const appointSupervisor = (body: SupervisorAppoint) => api.post<ResidentPerson>('/supervisors', body);
