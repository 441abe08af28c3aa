import type {
  AcceptanceRecordBody,
  ExpertReviewCreate,
  HandoverCreate,
  MilestoneKey,
  MilestoneUpdate,
  Page,
  PlanUpdate,
  ProgressCreate,
  ProgressView,
  ProjectDetail,
  ProjectUpdate,
  StageChange,
} from '@jiugai/shared';
import { api } from '../../request';

const base = (id: string) => `/projects/${id}`;
export const getProject = (id: string) => api.get<ProjectDetail>(base(id));
export const updateProject = (id: string, body: ProjectUpdate) => api.patch<ProjectDetail>(base(id), body);
export const savePlan = (id: string, body: PlanUpdate) => api.put<ProjectDetail>(`${base(id)}/plan`, body);
export const addReview = (id: string, body: ExpertReviewCreate) =>
  api.post<ProjectDetail>(`${base(id)}/reviews`, body);
export const changeStage = (id: string, body: StageChange) =>
  api.post<ProjectDetail>(`${base(id)}/stage`, body);
export const updateMilestone = (id: string, key: MilestoneKey, body: MilestoneUpdate) =>
  api.patch<ProjectDetail>(`${base(id)}/milestones/${key}`, body);
export const listProgress = (id: string) =>
  api.get<Page<ProgressView>>(`${base(id)}/progress`, { page: 1, size: 50 });
export const addProgress = (id: string, body: ProgressCreate) =>
  api.post<ProgressView>(`${base(id)}/progress`, body);
export const saveAcceptance = (id: string, body: AcceptanceRecordBody) =>
  api.put<ProjectDetail>(`${base(id)}/acceptance`, body);
export const addHandover = (id: string, body: HandoverCreate) =>
  api.post<ProjectDetail>(`${base(id)}/handovers`, body);
