import { abstainOptionId, type ParticipationChannel } from '@jiugai/shared';
import { ConflictError, DuplicateError, InvalidStateError, ValidationError } from '../errors';
import mongoose from 'mongoose';
import { Ballot, type BallotDoc } from '../models/ballot';
import type { HouseholdDoc } from '../models/household';
import type { VoteDoc } from '../models/vote';
import { statusAt } from '../policies/participation';
import { batchedById, batchedInsert, splitPairs } from './surveyVoteBatching';
import { areaCenti, assertEligible } from './votes';

/** Every field is set here (ids, defaults), so the batched insert can skip mongoose's hydration. */
const insertBallot = batchedInsert((docs: Record<string, unknown>[]) =>
  Ballot.insertMany(docs, { ordered: false, lean: true }),
);

/** A household's current ballot in a vote, keyed `voteId:householdId`; changes in a burst read together. */
const findBallot = batchedById(
  (keys) => {
    const [voteIds, householdIds] = splitPairs(keys);
    return Ballot.find({ voteId: { $in: voteIds }, householdId: { $in: householdIds } }).lean<BallotDoc[]>();
  },
  (b) => `${b.voteId}:${b.householdId}`,
);

/**
 * Starts reading a household's current ballot. Routes call it as soon as they know the ids, so the read goes out
 * in the same batch as the vote and household reads and a change costs no extra round trip.
 */
export function lookUpBallot(voteId: string, householdId: string): Promise<BallotDoc | null> {
  const pending = findBallot(`${voteId}:${householdId}`);
  pending.catch(() => undefined);
  return pending;
}

export interface BallotWrite {
  vote: VoteDoc;
  household: HouseholdDoc;
  optionId: string;
  channel: ParticipationChannel;
  /** The resident, or the staff member entering a paper ballot. */
  by: string;
  /** From lookUpBallot, when the route started it early. */
  existing?: Promise<BallotDoc | null>;
}

/**
 * Casts a household's ballot, or changes it while the vote is open if the vote allows changes. The unique
 * (voteId, householdId) index decides between concurrent first ballots: exactly one insert wins, the others
 * fall through to the change path. An online ballot and a staff-entered one never replace each other.
 */
export async function castBallot(w: BallotWrite): Promise<{ ballot: BallotDoc; created: boolean }> {
  const status = statusAt(w.vote);
  if (status !== 'open')
    throw InvalidStateError(status === 'scheduled' ? '表决尚未开始' : '表决已结束，不能再投票或修改');
  assertEligible(w.vote, w.household);
  if (w.optionId !== abstainOptionId && !w.vote.options.some((o) => o.id === w.optionId))
    throw ValidationError('optionId：没有这个表决选项', [{ path: 'optionId', message: '没有这个表决选项' }]);

  await Ballot.init();
  const castAt = new Date();
  const known = await (w.existing ?? lookUpBallot(String(w.vote._id), String(w.household._id)));
  if (!known) {
    try {
      const doc = {
        _id: new mongoose.Types.ObjectId(),
        voteId: w.vote._id,
        householdId: w.household._id,
        buildingId: w.household.buildingId,
        regionPath: w.household.regionPath,
        ownerKey: w.household.ownerKey,
        areaCenti: areaCenti(w.household.area),
        optionId: w.optionId,
        channel: w.channel,
        castBy: w.by,
        castAt,
        changes: 0,
      };
      await insertBallot(doc);
      return { ballot: doc as BallotDoc, created: true };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }

  // A first ballot that lost the race to a concurrent one reads the winner.
  const existing = known ?? (await findBallot(`${w.vote._id}:${w.household._id}`));
  if (!existing) throw ConflictError();
  const online = w.channel === 'miniapp';
  if ((existing.channel === 'miniapp') !== online)
    throw InvalidStateError(
      online
        ? '社区已为您家录入了纸质表决票，如需更改请联系社区'
        : '该户已在小程序投票，不能再录入纸质表决票',
    );
  if (!w.vote.allowChange) throw DuplicateError('该户已经投票，本次表决不允许修改');
  const updated = await Ballot.findOneAndUpdate(
    { _id: existing._id, changes: existing.changes },
    { $set: { optionId: w.optionId, channel: w.channel, castBy: w.by, castAt }, $inc: { changes: 1 } },
    { returnDocument: 'after' },
  ).lean<BallotDoc>();
  if (!updated) throw ConflictError('该户的表决票刚被修改过，请刷新后重试');
  return { ballot: updated, created: false };
}
