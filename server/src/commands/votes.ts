import mongoose from 'mongoose';
import { yesNoOptions, type VoteCreateBody } from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from '../errors';
import { assertInScope } from '../middlewares/auth';
import { Household, type HouseholdDoc } from '../models/household';
import { Region } from '../models/region';
import { Vote, type VoteDoc } from '../models/vote';
import { projectInScope } from '../policies/participation';

/** Exclusive area in integer 0.01 m², the unit every tally fraction uses. */
export const areaCenti = (m2: number) => Math.round(m2 * 100);

export async function voteInScope(user: AuthUser, id: string): Promise<VoteDoc> {
  const vote = await Vote.findById(id, { final: 0 }).lean<VoteDoc>();
  if (!vote) throw NotFoundError('找不到该表决');
  assertInScope(user, vote.regionPath);
  return vote;
}

/** The filter of households eligible for a vote: its compound (or buildings), existing when it was opened. */
export const eligibleFilter = (vote: Pick<VoteDoc, 'compoundId' | 'buildingIds' | 'eligibleAsOf'>) => ({
  compoundId: vote.compoundId,
  ...(vote.buildingIds?.length ? { buildingId: { $in: vote.buildingIds } } : {}),
  createdAt: { $lte: vote.eligibleAsOf },
});

export function assertEligible(vote: VoteDoc, household: HouseholdDoc): void {
  const inVote =
    String(household.compoundId) === String(vote.compoundId) &&
    (!vote.buildingIds?.length || vote.buildingIds.some((b) => String(b) === String(household.buildingId))) &&
    household.createdAt <= vote.eligibleAsOf;
  if (!inVote) throw ForbiddenError('该房屋不在本次表决范围内');
}

/** Opens a vote: fixes the eligible households' totals (area, households, distinct owners) as of now. */
export async function createVote(user: AuthUser, body: VoteCreateBody): Promise<VoteDoc> {
  const project = await projectInScope(user, body.projectId);
  const buildingIds = [...new Set(body.buildingIds ?? [])].map((id) => new mongoose.Types.ObjectId(id));
  if (buildingIds.length) {
    const found = await Region.countDocuments({
      _id: { $in: buildingIds },
      parentId: project.compoundId,
      level: 'building',
    });
    if (found !== buildingIds.length) throw ValidationError('buildingIds：所选楼栋不属于该小区');
  }
  const eligibleAsOf = new Date();
  const households = await Household.find(
    eligibleFilter({ compoundId: project.compoundId, buildingIds, eligibleAsOf }),
    { area: 1, ownerKey: 1 },
  ).lean();
  if (households.length === 0) throw ValidationError('该范围内没有可参加表决的房屋');
  const totals = {
    households: households.length,
    areaCenti: households.reduce((s, h) => s + areaCenti(h.area), 0),
    owners: new Set(households.map((h) => h.ownerKey)).size,
  };
  const doc = await Vote.create({
    projectId: project._id,
    compoundId: project.compoundId,
    regionPath: project.regionPath,
    title: body.title,
    description: body.description,
    article278Item: body.article278Item,
    kind: body.kind,
    options: body.kind === 'yes_no' ? yesNoOptions.map((o) => ({ ...o })) : body.options,
    buildingIds,
    opensAt: new Date(body.opensAt),
    closesAt: new Date(body.closesAt),
    allowChange: body.allowChange,
    eligibleAsOf,
    totals,
    createdBy: user.id,
  });
  return doc.toObject() as VoteDoc;
}

/** Ends a vote now (staff closing early); the tally is then final. */
export async function closeVote(vote: VoteDoc, now = new Date()): Promise<VoteDoc> {
  if (vote.closesAt <= now) throw InvalidStateError('该表决已经结束');
  const set = vote.opensAt > now ? { opensAt: now, closesAt: now } : { closesAt: now };
  return (await Vote.findByIdAndUpdate(
    vote._id,
    { $set: set },
    { returnDocument: 'after', projection: { final: 0 } },
  ).lean<VoteDoc>())!;
}
