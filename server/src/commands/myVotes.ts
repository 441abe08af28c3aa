import type { MyVoteView, MyVotesQuery, Page } from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { Ballot } from '../models/ballot';
import { Household, type HouseholdDoc } from '../models/household';
import { Region } from '../models/region';
import { Vote, type VoteDoc } from '../models/vote';
import { boundHouseholdIds, statusFilter } from '../policies/participation';
import { addressOf } from '../presenters/survey';
import { optionLabel, presentVote } from '../presenters/vote';
import { tallyVote } from './voteTally';

const day = 24 * 60 * 60 * 1000;

/** Closed at or before `now`, and no earlier than `days` days before it. */
export const closedWithin = (days: number, now = new Date()): Record<string, unknown> => ({
  closesAt: { $lte: now, $gte: new Date(now.getTime() - days * day) },
});

/** The resident's households that the vote covers: its compound, and its buildings when it names some. */
const coveredBy = (v: VoteDoc, households: HouseholdDoc[]) =>
  households.filter(
    (h) =>
      String(h.compoundId) === String(v.compoundId) &&
      (!v.buildingIds?.length || v.buildingIds.some((b) => String(b) === String(h.buildingId))),
  );

/**
 * The votes of the compounds where the resident has a bound household: the open ones (soonest deadline first),
 * or the closed ones of the last `withinDays` days (most recently closed first) with the final result and each
 * household's own choice. Option counts are never part of this list; they are in the tally, after close.
 */
export async function listMyVotes(user: AuthUser, q: MyVotesQuery): Promise<Page<MyVoteView>> {
  const empty = { items: [], total: 0, page: q.page, size: q.size };
  const ids = await boundHouseholdIds(user);
  if (ids.length === 0) return empty;
  const households = await Household.find({ _id: { $in: ids } }).lean<HouseholdDoc[]>();
  if (households.length === 0) return empty;

  const closed = q.status === 'closed';
  const now = new Date();
  const filter = {
    compoundId: { $in: [...new Set(households.map((h) => String(h.compoundId)))] },
    ...(closed ? closedWithin(q.withinDays, now) : statusFilter('open', now)),
  };
  const [votes, total] = await Promise.all([
    Vote.find(filter, { final: 0 })
      .sort(closed ? { closesAt: -1, _id: -1 } : { closesAt: 1, _id: 1 })
      .skip((q.page - 1) * q.size)
      .limit(q.size)
      .lean<VoteDoc[]>(),
    Vote.countDocuments(filter),
  ]);
  const [cast, buildings, tallies] = await Promise.all([
    Ballot.find(
      { voteId: { $in: votes.map((v) => v._id) }, householdId: { $in: ids } },
      closed ? { voteId: 1, householdId: 1, optionId: 1 } : { voteId: 1, householdId: 1 },
    ).lean(),
    Region.find({ _id: { $in: households.map((h) => h.buildingId) } }, { name: 1 }).lean(),
    // The stored final tally (computed and fixed now if nobody has read it since close).
    closed ? Promise.all(votes.map((v) => tallyVote(v._id).then((t) => t.view))) : Promise.resolve([]),
  ]);
  const ballotOf = new Map(
    cast.map((b) => [`${b.voteId}:${b.householdId}`, b.optionId as string | undefined]),
  );
  const names = new Map(buildings.map((b) => [String(b._id), b.name]));

  const items = votes.map((v, i): MyVoteView => {
    const view: MyVoteView = {
      ...presentVote(v, now.getTime()),
      households: coveredBy(v, households).map((h) => {
        const key = `${v._id}:${h._id}`;
        const optionId = ballotOf.get(key);
        return {
          householdId: String(h._id),
          address: addressOf(h, names.get(String(h.buildingId)) ?? ''),
          voted: ballotOf.has(key),
          ...(closed && optionId ? { optionId, optionLabel: optionLabel(v, optionId) } : {}),
        };
      }),
    };
    const t = tallies[i];
    if (!t?.result) return view;
    return {
      ...view,
      result: t.result,
      resultLabel: t.resultLabel,
      ...(t.winningOptionId ? { winningOptionLabel: optionLabel(v, t.winningOptionId) } : {}),
    };
  });
  return { items, total, page: q.page, size: q.size };
}
