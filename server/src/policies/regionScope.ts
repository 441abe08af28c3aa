import type { AuthUser } from '../auth/tokens';
import { assertInScope } from '../middlewares/auth';
import { NotFoundError, ValidationError } from '../errors';
import { Region, type RegionDoc } from '../models/region';
import type { RegionLevel } from '@jiugai/shared';
import { regionLevelLabel } from '@jiugai/shared';

/** Loads a region node the caller may see: 404 when it does not exist, 403 out_of_scope when it is elsewhere. */
export async function regionInScope(
  user: AuthUser,
  id: string,
  level?: RegionLevel | RegionLevel[],
): Promise<RegionDoc> {
  const region = await Region.findById(id).lean<RegionDoc>();
  if (!region) throw NotFoundError('找不到该区域');
  assertInScope(user, region.path);
  const levels = level === undefined ? undefined : Array.isArray(level) ? level : [level];
  if (levels && !levels.includes(region.level as RegionLevel)) {
    throw ValidationError(`请选择${levels.map((l) => regionLevelLabel[l]).join('或')}`);
  }
  return region;
}

/** Ids in a materialized path "/a/b/c/", top first. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);
