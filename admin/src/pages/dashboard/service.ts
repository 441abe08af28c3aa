import type { DashboardView } from '@jiugai/shared';
import { api } from '../../request';

export const getDashboard = (regionId?: string) => api.get<DashboardView>('/dashboard', { regionId });
