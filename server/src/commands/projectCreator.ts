import { randomInt } from 'node:crypto';
import mongoose from 'mongoose';
import type { ProjectFigures, ProjectStage } from '@jiugai/shared';
import { milestoneDefaults, milestoneKeys } from '@jiugai/shared';
import { Region, type RegionDoc } from '../models/region';
import { Household } from '../models/household';
import { Project, type ProjectDoc } from '../models/project';
import { DuplicateError } from '../errors';
import { pathIds } from '../policies/regionScope';

const sceneAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
/** A short id for the QR / mini-program code scene (WeChat allows at most 32 visible characters). */
export const newSceneId = (): string =>
  `p${Array.from({ length: 9 }, () => sceneAlphabet[randomInt(sceneAlphabet.length)]).join('')}`;

export const defaultMilestones = (year: number) =>
  milestoneKeys.map((key) => ({ key, deadline: `${year}-${milestoneDefaults[key].monthDay}`, doneAt: null }));

/** Buildings, households and total exclusive area of a compound, as the default project figures. */
export async function countCompoundFigures(compound: Pick<RegionDoc, '_id'>): Promise<ProjectFigures> {
  const [buildings, households] = await Promise.all([
    Region.countDocuments({ parentId: compound._id, level: 'building' }),
    Household.find({ compoundId: compound._id }, { area: 1 }).lean(),
  ]);
  const area = households.reduce((sum, h) => sum + Math.round(h.area * 100), 0) / 100;
  return { buildings, households: households.length, floorArea: area };
}

/** Names of the compound's ancestors, copied into the project for search and the board. */
export async function regionNamesOf(compound: Pick<RegionDoc, 'path' | 'name' | 'address'>) {
  const ancestors = await Region.find({ _id: { $in: pathIds(compound.path) } }, { level: 1, name: 1 }).lean();
  const byLevel = new Map(ancestors.map((r) => [r.level, r.name]));
  return {
    districtName: byLevel.get('district') ?? '',
    streetName: byLevel.get('street') ?? '',
    communityName: byLevel.get('community') ?? '',
    compoundName: compound.name,
    address: compound.address ?? '',
  };
}

export interface ProjectProps {
  compound: RegionDoc;
  year: number;
  name?: string;
  figures?: ProjectFigures;
  stage?: ProjectStage;
  actorId?: string;
}

/** Builds (without saving) a new project document for a compound and year. */
export async function buildProject(props: ProjectProps) {
  const names = await regionNamesOf(props.compound);
  const stage = props.stage ?? 'consultation';
  return {
    _id: new mongoose.Types.ObjectId(),
    compoundId: props.compound._id,
    regionPath: props.compound.path,
    year: props.year,
    name: props.name ?? `${props.year}年${props.compound.name}老旧小区改造项目`,
    stage,
    sceneId: newSceneId(),
    ...names,
    figures: props.figures ?? (await countCompoundFigures(props.compound)),
    milestones: defaultMilestones(props.year),
    stageHistory: [{ from: null, to: stage, at: new Date(), note: '项目创建', by: props.actorId ?? '' }],
  };
}

export async function createProject(props: ProjectProps): Promise<ProjectDoc> {
  if (await Project.exists({ compoundId: props.compound._id, year: props.year })) {
    throw DuplicateError(`${props.compound.name} ${props.year} 年度已有改造项目`);
  }
  const doc = await Project.create(await buildProject(props));
  return doc.toObject() as ProjectDoc;
}
