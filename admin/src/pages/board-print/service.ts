import type { ProjectBoard } from '@jiugai/shared';
import { api, apiBase } from '../../request';

export const getBoard = (id: string) => api.get<ProjectBoard>(`/projects/${id}/board`);
export const qrCodeUrl = (id: string) => `${apiBase}/projects/${id}/qrcode`;
