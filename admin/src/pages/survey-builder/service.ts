import type { ProjectDetail, SurveyCreateBody } from '@jiugai/shared';
import { api } from '../../request';

export const createSurvey = (body: SurveyCreateBody) => api.post<{ id: string }>('/surveys', body);
export const fetchPlanItems = async (projectId: string): Promise<string[]> => {
  const project = await api.get<ProjectDetail>(`/projects/${projectId}`, undefined, { silent: true });
  return project.plan?.items.map((i) => i.title) ?? [];
};
