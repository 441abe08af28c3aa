import type { RegionLevel, RegionNode } from '@jiugai/shared';
import { regionLevels } from '@jiugai/shared';
import { api } from '../request';

export const fetchRegionTree = (includeBuildings = false) =>
  api.get<RegionNode[]>('/regions/tree', { includeBuildings: String(includeBuildings) });

export interface RegionOption {
  value: string;
  title: string;
  level: RegionLevel;
  selectable: boolean;
  children?: RegionOption[];
}

/** Region nodes as TreeSelect options, cut below `maxLevel`; only `selectLevels` can be picked. */
export function toRegionOptions(
  nodes: RegionNode[],
  maxLevel: RegionLevel,
  selectLevels?: RegionLevel[],
): RegionOption[] {
  const depth = regionLevels.indexOf(maxLevel);
  return nodes
    .filter((n) => regionLevels.indexOf(n.level) <= depth)
    .map((n) => ({
      value: n.id,
      title: n.name,
      level: n.level,
      selectable: !selectLevels || selectLevels.includes(n.level),
      children: n.children?.length ? toRegionOptions(n.children, maxLevel, selectLevels) : undefined,
    }));
}

/** Every node of a level, flattened, with its ancestors' names ("东河区 / 河东街道 / …"). */
export function flattenLevel(
  nodes: RegionNode[],
  level: RegionLevel,
  prefix = '',
): { id: string; label: string; node: RegionNode }[] {
  return nodes.flatMap((n) => {
    const label = prefix ? `${prefix} / ${n.name}` : n.name;
    const own = n.level === level ? [{ id: n.id, label, node: n }] : [];
    return [...own, ...flattenLevel(n.children ?? [], level, label)];
  });
}

/** The buildings of a compound. */
export const fetchBuildings = async (compoundId: string): Promise<RegionNode[]> =>
  (await api.get<RegionNode>(`/regions/${compoundId}`)).children?.filter((c) => c.level === 'building') ?? [];
