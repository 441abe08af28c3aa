import type { RegionLevel, RegionNode } from '@jiugai/shared';
import type { RegionDoc } from '../models/region';

export const presentRegion = (r: RegionDoc): RegionNode => ({
  id: String(r._id),
  level: r.level as RegionLevel,
  name: r.name,
  parentId: r.parentId ? String(r.parentId) : null,
  path: r.path,
  ...(r.address ? { address: r.address } : {}),
  ...(r.floors ? { floors: r.floors } : {}),
});

/** Nests a flat list (any order) into trees; roots are the nodes whose parent is not in the list. */
export function buildTree(regions: RegionDoc[]): RegionNode[] {
  const nodes = new Map(
    regions.map((r) => [String(r._id), { ...presentRegion(r), children: [] as RegionNode[] }]),
  );
  const roots: RegionNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
  )) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
