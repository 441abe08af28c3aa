import type { Page, ProjectCreate, ProjectDetail, ProjectListQuery, ProjectSummary } from '@jiugai/shared';
import { api } from '../../request';

export const listProjects = (query: Partial<ProjectListQuery>) =>
  api.get<Page<ProjectSummary>>('/projects', query);
export const createProject = (body: ProjectCreate) => api.post<ProjectDetail>('/projects', body);
