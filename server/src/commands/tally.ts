import {
  abstainOptionId,
  approvalThreshold,
  meetsThreshold,
  participationThreshold,
  ratio,
  voteResultLabel,
  type Article278Item,
  type ParticipationChannel,
  type TallyOptionRow,
  type TallyView,
  type VoteKind,
  type VoteResult,
} from '@jiugai/shared';

export interface TallyBallot {
  householdId: string;
  ownerKey: string;
  /** Exclusive area of the household in 0.01 m² (integer). */
  areaCenti: number;
  optionId: string;
  channel: ParticipationChannel;
  castAt: number;
}

export interface TallyInput {
  article278Item: Article278Item;
  kind: VoteKind;
  /** The options a ballot can carry besides abstain (yes/no, or the plans). */
  options: { id: string; label: string }[];
  /** Everything eligible when the vote opened: households, their area, distinct owners. */
  totals: { households: number; areaCenti: number; owners: number };
  ballots: TallyBallot[];
  /** While open only participation is computed. */
  closed: boolean;
}

export type TallyOutcome = Omit<TallyView, 'voteId' | 'status' | 'fingerprint' | 'finalizedAt'>;

/**
 * The Civil Code art. 278 tally, as a pure function. Participation needs ≥ 2/3 of the exclusive area and ≥ 2/3
 * of the owners; approval is counted among participants, > 1/2 (items 一–五, 九) or ≥ 3/4 (items 六–八), by area
 * and by headcount. Abstention participates and never approves.
 *
 * Headcount: an owner (ownerKey) of several households counts once (法释〔2009〕7号 art. 9). Area: each
 * household that voted brings its own area to its option, so an owner's whole area counts when all their
 * households vote. An owner whose households voted differently is counted, by headcount, for the option
 * holding most of their voted area, ties going to the earliest ballot.
 */
export function tally(input: TallyInput): TallyOutcome {
  const { totals, ballots } = input;
  const areaByOption = new Map<string, number>();
  const householdsByOption = new Map<string, number>();
  const byChannel: Partial<Record<ParticipationChannel, number>> = {};
  let participatingArea = 0;
  for (const b of ballots) {
    participatingArea += b.areaCenti;
    areaByOption.set(b.optionId, (areaByOption.get(b.optionId) ?? 0) + b.areaCenti);
    householdsByOption.set(b.optionId, (householdsByOption.get(b.optionId) ?? 0) + 1);
    byChannel[b.channel] = (byChannel[b.channel] ?? 0) + 1;
  }

  // Owners: the ballots in ownerKey order, so that each owner's households are adjacent. Sorting 100,000 short
  // keys is about twice as fast as a Map of 100,000 fresh strings (each key hashed on insert), and allocates less.
  const order = Array.from({ length: ballots.length }, (_, i) => i);
  order.sort((x, y) => {
    const a = ballots[x].ownerKey;
    const b = ballots[y].ownerKey;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const ownersByOption = new Map<string, number>();
  let participatingOwners = 0;
  for (let start = 0; start < order.length;) {
    const key = ballots[order[start]].ownerKey;
    let end = start + 1;
    while (end < order.length && ballots[order[end]].ownerKey === key) end++;
    const optionId = ownerChoice(ballots, order, start, end);
    ownersByOption.set(optionId, (ownersByOption.get(optionId) ?? 0) + 1);
    participatingOwners++;
    start = end;
  }

  const met =
    meetsThreshold(participatingArea, totals.areaCenti, participationThreshold) &&
    meetsThreshold(participatingOwners, totals.owners, participationThreshold);
  const outcome: TallyOutcome = {
    article278Item: input.article278Item,
    totals,
    participation: {
      households: ballots.length,
      area: ratio(participatingArea, totals.areaCenti),
      headcount: ratio(participatingOwners, totals.owners),
      met,
      threshold: participationThreshold,
    },
    byChannel,
  };
  if (!input.closed) return outcome;

  const threshold = approvalThreshold(input.article278Item);
  const approving = new Set(input.kind === 'yes_no' ? ['yes'] : input.options.map((o) => o.id));
  const row = (id: string) => {
    const area = areaByOption.get(id) ?? 0;
    const heads = ownersByOption.get(id) ?? 0;
    return {
      households: householdsByOption.get(id) ?? 0,
      area: ratio(area, participatingArea),
      headcount: ratio(heads, participatingOwners),
      carries:
        meetsThreshold(area, participatingArea, threshold) &&
        meetsThreshold(heads, participatingOwners, threshold),
    };
  };
  const options: TallyOptionRow[] = input.options.map((o) => {
    const r = row(o.id);
    return {
      optionId: o.id,
      label: o.label,
      households: r.households,
      area: r.area,
      headcount: r.headcount,
      passed: approving.has(o.id) && r.carries,
    };
  });
  const { households, area, headcount } = row(abstainOptionId);
  const winner = options.find((o) => o.passed);
  const result: VoteResult = !met ? 'not_valid' : winner ? 'passed' : 'failed';
  return {
    ...outcome,
    approval: { threshold, options, abstentions: { households, area, headcount } },
    result,
    resultLabel: voteResultLabel[result],
    ...(met && winner ? { winningOptionId: winner.optionId } : {}),
  };
}

/**
 * The option an owner counts for by headcount, from their ballots `order[start..end)`: the one option they all
 * chose, or else the option holding most of their voted area, ties going to the earliest ballot.
 */
function ownerChoice(ballots: TallyBallot[], order: number[], start: number, end: number): string {
  const first = ballots[order[start]].optionId;
  let unanimous = true;
  for (let k = start + 1; k < end && unanimous; k++) unanimous = ballots[order[k]].optionId === first;
  if (unanimous) return first;
  const split = new Map<string, { area: number; at: number }>();
  for (let k = start; k < end; k++) {
    const b = ballots[order[k]];
    const s = split.get(b.optionId);
    if (s) [s.area, s.at] = [s.area + b.areaCenti, Math.min(s.at, b.castAt)];
    else split.set(b.optionId, { area: b.areaCenti, at: b.castAt });
  }
  let best = '';
  let bestArea = -1;
  let bestAt = Infinity;
  for (const [optionId, { area, at }] of split) {
    if (area > bestArea || (area === bestArea && at < bestAt))
      [best, bestArea, bestAt] = [optionId, area, at];
  }
  return best;
}
