export const RegionLevel = {
  District: 'district',
  Street: 'street',
  Community: 'community',
  Compound: 'compound',
  Building: 'building',
} as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];
export const regionLevels = Object.values(RegionLevel) as [RegionLevel, ...RegionLevel[]];

export const regionLevelLabel: Record<RegionLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  compound: '小区',
  building: '楼栋',
};

/**
 * Region scope is a materialized path of region ids, e.g. "/<districtId>/<streetId>/<communityId>/".
 * A staff account scoped to a node sees every record whose path starts with the node's path.
 */
export const isWithinScope = (recordPath: string, scopePath: string): boolean =>
  recordPath.startsWith(scopePath);
