import type { DashboardQuery, DashboardView } from '@jiugai/shared';
import { api } from '../../request';

/** Without a region: the caller's own scope. A region outside it is refused (403 out_of_scope). */
export const getDashboard = (regionId?: DashboardQuery['regionId'], signal?: AbortSignal) =>
  api.get<DashboardView>('/dashboard', { regionId }, { signal });
