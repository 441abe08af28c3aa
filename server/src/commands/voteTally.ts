import { createHash } from 'node:crypto';
import type mongoose from 'mongoose';
import type { Article278Item, ParticipationChannel, TallyView, VoteKind, VoteStatus } from '@jiugai/shared';
import { Ballot } from '../models/ballot';
import { Vote, type VoteDoc } from '../models/vote';
import { statusAt } from '../policies/participation';
import { tally, type TallyBallot, type TallyOutcome } from './tally';

interface StoredFinal {
  tally: TallyOutcome;
  fingerprint: string;
  finalizedAt: Date;
}

export async function loadTallyBallots(voteId: mongoose.Types.ObjectId): Promise<TallyBallot[]> {
  const rows = await Ballot.find(
    { voteId },
    { _id: 0, householdId: 1, ownerKey: 1, areaCenti: 1, optionId: 1, channel: 1, castAt: 1 },
  ).lean();
  return rows.map((b) => ({
    householdId: String(b.householdId),
    ownerKey: b.ownerKey,
    areaCenti: b.areaCenti,
    optionId: b.optionId,
    channel: b.channel as ParticipationChannel,
    castAt: b.castAt.getTime(),
  }));
}

/** JSON with object keys sorted at every level, so the same tally always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * SHA-256 over a canonical text of the matter, the totals, every ballot (sorted by household) and the outcome:
 * anyone holding the exported record can recompute it and see that nothing changed after close.
 */
export function tallyFingerprint(vote: VoteDoc, ballots: TallyBallot[], outcome: TallyOutcome): string {
  const lines = [
    `vote:${vote._id}|${vote.title}|item:${vote.article278Item}|kind:${vote.kind}`,
    `options:${vote.options.map((o) => `${o.id}=${o.label}`).join(',')}`,
    `window:${vote.opensAt.toISOString()}/${vote.closesAt.toISOString()}`,
    `totals:${vote.totals.households}|${vote.totals.areaCenti}|${vote.totals.owners}`,
    ...[...ballots]
      .sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0))
      .map(
        (b) =>
          `ballot:${b.householdId}|${b.ownerKey}|${b.areaCenti}|${b.optionId}|${b.channel}|${new Date(b.castAt).toISOString()}`,
      ),
    `outcome:${canonicalJson(outcome)}`,
  ];
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

const view = (vote: VoteDoc, status: VoteStatus, outcome: TallyOutcome, final?: StoredFinal): TallyView => ({
  voteId: String(vote._id),
  status,
  ...outcome,
  ...(final ? { fingerprint: final.fingerprint, finalizedAt: final.finalizedAt.toISOString() } : {}),
});

/**
 * The tally of a vote. While open: participation only. After close: the full tally, computed once and stored
 * with its fingerprint, so later reads (and exports) show exactly the same figures.
 */
export async function tallyVote(
  voteId: mongoose.Types.ObjectId | string,
): Promise<{ view: TallyView; ballots?: TallyBallot[] }> {
  const vote = (await Vote.findById(voteId).lean<VoteDoc>())!;
  const status = statusAt(vote);
  const stored = vote.final as Partial<StoredFinal> | undefined;
  if (status === 'closed' && stored?.fingerprint)
    return { view: view(vote, status, stored.tally!, stored as StoredFinal) };

  const ballots = await loadTallyBallots(vote._id);
  const outcome = tally({
    article278Item: vote.article278Item as Article278Item,
    kind: vote.kind as VoteKind,
    options: vote.options.map((o) => ({ id: o.id, label: o.label })),
    totals: vote.totals,
    ballots,
    closed: status === 'closed',
  });
  if (status !== 'closed') return { view: view(vote, status, outcome) };

  const final: StoredFinal = {
    tally: outcome,
    fingerprint: tallyFingerprint(vote, ballots, outcome),
    finalizedAt: new Date(),
  };
  const written = await Vote.updateOne(
    { _id: vote._id, 'final.fingerprint': { $exists: false } },
    { $set: { final } },
  );
  if (written.modifiedCount === 0) {
    // Another request finalized it first: show the stored figures, which are the same ballots.
    const first = (await Vote.findById(vote._id, { final: 1 }).lean<VoteDoc>())?.final as
      Partial<StoredFinal> | undefined;
    if (first?.fingerprint) return { view: view(vote, status, first.tally!, first as StoredFinal) };
  }
  return { view: view(vote, status, outcome, final), ballots };
}
