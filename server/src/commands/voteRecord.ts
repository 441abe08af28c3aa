import { maskName, type ParticipationChannel, type VoteHouseholdRow } from '@jiugai/shared';
import { Ballot } from '../models/ballot';
import { Household } from '../models/household';
import { Region } from '../models/region';
import type { VoteDoc } from '../models/vote';
import { addressOf } from '../presenters/survey';
import { areaCenti, eligibleFilter } from './votes';

/**
 * The per-household record of a vote: every eligible household in address order, whether it voted and how
 * (channel, time); the option chosen only once the vote is closed.
 */
export async function voteHouseholdRows(
  vote: VoteDoc,
  closed: boolean,
): Promise<(VoteHouseholdRow & { changes?: number })[]> {
  const [households, ballots] = await Promise.all([
    Household.find(eligibleFilter(vote), { buildingId: 1, unit: 1, room: 1, area: 1, ownerName: 1 }).lean(),
    Ballot.find(
      { voteId: vote._id },
      { householdId: 1, optionId: 1, channel: 1, castAt: 1, areaCenti: 1, changes: 1 },
    ).lean(),
  ]);
  const buildings = await Region.find(
    { _id: { $in: [...new Set(households.map((h) => String(h.buildingId)))] } },
    { name: 1 },
  ).lean();
  const names = new Map(buildings.map((b) => [String(b._id), b.name]));
  const byHousehold = new Map(ballots.map((b) => [String(b.householdId), b]));
  return households
    .map((h) => {
      const b = byHousehold.get(String(h._id));
      return {
        householdId: String(h._id),
        address: addressOf(h, names.get(String(h.buildingId)) ?? ''),
        owner: maskName(h.ownerName),
        areaCenti: b?.areaCenti ?? areaCenti(h.area),
        voted: Boolean(b),
        ...(b
          ? { channel: b.channel as ParticipationChannel, castAt: b.castAt.toISOString(), changes: b.changes }
          : {}),
        ...(b && closed ? { optionId: b.optionId } : {}),
      };
    })
    .sort((a, b) => a.address.localeCompare(b.address, 'zh-CN', { numeric: true }));
}
