import mongoose from 'mongoose';
import type { RegionLevel } from '@jiugai/shared';
import { regionLevels } from '@jiugai/shared';
import { Region, type RegionDoc } from '../models/region';
import { DuplicateError, ValidationError } from '../errors';

/** The level below `level`, or undefined for a building (households are not regions). */
export const childLevel = (level: RegionLevel | null): RegionLevel | undefined =>
  level === null ? 'district' : regionLevels[regionLevels.indexOf(level) + 1];

export interface RegionProps {
  parent: Pick<RegionDoc, '_id' | 'level' | 'path'> | null;
  name: string;
  address?: string;
  floors?: number;
}

/** Builds (without saving) a region node under `parent` with its materialized path. */
export function buildRegion({ parent, name, address, floors }: RegionProps) {
  const level = childLevel(parent ? (parent.level as RegionLevel) : null);
  if (!level) throw ValidationError('楼栋下不能再建下级区域，请添加住户');
  const _id = new mongoose.Types.ObjectId();
  return {
    _id,
    level,
    name,
    parentId: parent?._id ?? null,
    path: `${parent?.path ?? '/'}${String(_id)}/`,
    address: address ?? '',
    ...(floors === undefined ? {} : { floors }),
  };
}

export async function createRegion(props: RegionProps): Promise<RegionDoc> {
  if (await Region.exists({ parentId: props.parent?._id ?? null, name: props.name })) {
    throw DuplicateError(`已存在同名区域：${props.name}`);
  }
  const doc = await Region.create(buildRegion(props));
  return doc.toObject() as RegionDoc;
}
