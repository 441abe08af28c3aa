import { describe, expect, it } from 'vitest';
import type { Article278Item, ParticipationChannel, VoteKind, VoteResult } from '@jiugai/shared';
import { tally, type TallyBallot } from './tally';

/** A household: owner key and exclusive area in m² (two decimals). */
type H = [owner: string, areaM2: number];
/** A ballot: index into the households, option, channel (default miniapp). */
type B = [household: number, optionId: string, channel?: ParticipationChannel];

interface Case {
  name: string;
  item: Article278Item;
  kind?: VoteKind;
  options?: string[];
  households: H[];
  ballots: B[];
  /** Hand-computed: participating area (0.01 m²) / total, participating owners / total owners. */
  participation: { area: [number, number]; headcount: [number, number]; met: boolean };
  /** Hand-computed approval of the first approving option (yes, or the first plan). */
  approval: { area: [number, number]; headcount: [number, number] };
  result: VoteResult;
  winner?: string;
}

const cases: Case[] = [
  {
    name: 'participation exactly 2/3 by area and headcount is enough; exactly 1/2 approval is not 过半数',
    item: 4,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'no'],
    ],
    participation: { area: [20000, 30000], headcount: [2, 3], met: true },
    approval: { area: [10000, 20000], headcount: [1, 2] },
    result: 'failed',
  },
  {
    name: 'participation 0.01 m² short of 2/3 makes the vote not valid',
    item: 4,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100.01],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
    ],
    participation: { area: [20000, 30001], headcount: [2, 3], met: false },
    approval: { area: [20000, 20000], headcount: [2, 2] },
    result: 'not_valid',
  },
  {
    name: 'general matter passes with more than half of participants',
    item: 4,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100],
      ['E', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
    ],
    participation: { area: [40000, 50000], headcount: [4, 5], met: true },
    approval: { area: [30000, 40000], headcount: [3, 4] },
    result: 'passed',
    winner: 'yes',
  },
  {
    name: 'item 六 passes at exactly 3/4 (以上 includes the bound)',
    item: 6,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
    ],
    participation: { area: [40000, 40000], headcount: [4, 4], met: true },
    approval: { area: [30000, 40000], headcount: [3, 4] },
    result: 'passed',
    winner: 'yes',
  },
  {
    name: 'item 七 fails 0.01 m² short of 3/4 by area though headcount is 3/4',
    item: 7,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100.01],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
    ],
    participation: { area: [40001, 40001], headcount: [4, 4], met: true },
    approval: { area: [30000, 40001], headcount: [3, 4] },
    result: 'failed',
  },
  {
    name: 'item 八 with 2/3 approval fails where a general matter would pass',
    item: 8,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'no'],
    ],
    participation: { area: [30000, 30000], headcount: [3, 3], met: true },
    approval: { area: [20000, 30000], headcount: [2, 3] },
    result: 'failed',
  },
  {
    name: 'abstention participates but does not approve: 2 of 4 participants is not more than half',
    item: 4,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100],
      ['E', 100],
      ['F', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'no'],
      [3, 'abstain'],
    ],
    participation: { area: [40000, 60000], headcount: [4, 6], met: true },
    approval: { area: [20000, 40000], headcount: [2, 4] },
    result: 'failed',
  },
  {
    name: 'an abstention helps reach participation and the rest can still pass',
    item: 5,
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'abstain'],
    ],
    participation: { area: [30000, 30000], headcount: [3, 3], met: true },
    approval: { area: [20000, 30000], headcount: [2, 3] },
    result: 'passed',
    winner: 'yes',
  },
  {
    name: 'an owner of two households counts once by headcount and with both areas',
    item: 4,
    households: [
      ['X', 80.5],
      ['X', 70.25],
      ['Y', 50],
      ['Z', 60],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'no'],
    ],
    participation: { area: [20075, 26075], headcount: [2, 3], met: true },
    approval: { area: [15075, 20075], headcount: [1, 2] },
    result: 'failed',
  },
  {
    name: 'a multi-household owner whose households split is counted for the larger area',
    item: 4,
    households: [
      ['X', 100],
      ['X', 50],
      ['Y', 100],
    ],
    ballots: [
      [0, 'yes'],
      [1, 'no'],
      [2, 'no'],
    ],
    participation: { area: [25000, 25000], headcount: [2, 2], met: true },
    approval: { area: [10000, 25000], headcount: [1, 2] },
    result: 'failed',
  },
  {
    name: 'paper, door-to-door and meeting ballots count like online ones',
    item: 4,
    households: [
      ['A', 90],
      ['B', 90],
      ['C', 90],
    ],
    ballots: [
      [0, 'yes', 'paper'],
      [1, 'yes', 'door_to_door'],
      [2, 'no', 'meeting'],
    ],
    participation: { area: [27000, 27000], headcount: [3, 3], met: true },
    approval: { area: [18000, 27000], headcount: [2, 3] },
    result: 'passed',
    winner: 'yes',
  },
  {
    name: 'a red-property fee standard wins with more than half of participants',
    item: 4,
    kind: 'choice',
    options: ['fee50', 'fee80', 'fee120'],
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100],
      ['E', 100],
    ],
    ballots: [
      [0, 'fee50'],
      [1, 'fee50'],
      [2, 'fee50'],
      [3, 'fee80'],
      [4, 'fee120'],
    ],
    participation: { area: [50000, 50000], headcount: [5, 5], met: true },
    approval: { area: [30000, 50000], headcount: [3, 5] },
    result: 'passed',
    winner: 'fee50',
  },
  {
    name: 'a choice with no plan over half fails',
    item: 4,
    kind: 'choice',
    options: ['planA', 'planB'],
    households: [
      ['A', 100],
      ['B', 100],
      ['C', 100],
      ['D', 100],
    ],
    ballots: [
      [0, 'planA'],
      [1, 'planA'],
      [2, 'planB'],
      [3, 'abstain'],
    ],
    participation: { area: [40000, 40000], headcount: [4, 4], met: true },
    approval: { area: [20000, 40000], headcount: [2, 4] },
    result: 'failed',
  },
  {
    name: 'no ballots at all is not valid',
    item: 9,
    households: [['A', 100]],
    ballots: [],
    participation: { area: [0, 10000], headcount: [0, 1], met: false },
    approval: { area: [0, 0], headcount: [0, 0] },
    result: 'not_valid',
  },
  {
    name: 'a split owner with equal areas counts for the option of their earliest ballot',
    item: 4,
    households: [
      ['X', 60],
      ['X', 60],
      ['Y', 100],
    ],
    ballots: [
      [1, 'no'],
      [0, 'yes'],
      [2, 'yes'],
    ],
    participation: { area: [22000, 22000], headcount: [2, 2], met: true },
    approval: { area: [16000, 22000], headcount: [1, 2] },
    result: 'failed',
  },
];

function run(c: Case, closed = true) {
  const kind = c.kind ?? 'yes_no';
  const optionIds = c.options ?? ['yes', 'no'];
  const areaCenti = (m2: number) => Math.round(m2 * 100);
  const ballots: TallyBallot[] = c.ballots.map(([h, optionId, channel], i) => ({
    householdId: `h${h}`,
    ownerKey: c.households[h][0],
    areaCenti: areaCenti(c.households[h][1]),
    optionId,
    channel: channel ?? 'miniapp',
    castAt: 1_000 + i,
  }));
  return tally({
    article278Item: c.item,
    kind,
    options: optionIds.map((id) => ({ id, label: id })),
    totals: {
      households: c.households.length,
      areaCenti: c.households.reduce((s, [, a]) => s + areaCenti(a), 0),
      owners: new Set(c.households.map(([o]) => o)).size,
    },
    ballots,
    closed,
  });
}

describe('tally (Civil Code art. 278)', () => {
  it.each(cases)('$name', (c) => {
    const t = run(c);
    expect([t.participation.area.numerator, t.participation.area.denominator]).toEqual(c.participation.area);
    expect([t.participation.headcount.numerator, t.participation.headcount.denominator]).toEqual(
      c.participation.headcount,
    );
    expect(t.participation.met).toBe(c.participation.met);
    const first = t.approval!.options[0];
    expect([first.area.numerator, first.area.denominator]).toEqual(c.approval.area);
    expect([first.headcount.numerator, first.headcount.denominator]).toEqual(c.approval.headcount);
    expect(t.result).toBe(c.result);
    expect(t.winningOptionId).toBe(c.winner);
  });

  it('gives every ratio as a percentage with two decimals', () => {
    const t = run(cases[0]);
    expect(t.participation.area.percent).toBe(66.67);
    expect(t.approval!.options[0].area.percent).toBe(50);
    expect(t.resultLabel).toBe('未通过');
  });

  it('counts abstentions separately and ballots by channel', () => {
    const t = run(cases[6]);
    expect(t.approval!.abstentions).toMatchObject({
      households: 1,
      area: { numerator: 10000, denominator: 40000 },
    });
    expect(run(cases[10]).byChannel).toEqual({ paper: 1, door_to_door: 1, meeting: 1 });
  });

  it('shows only participation while the vote is open', () => {
    const t = run(cases[2], false);
    expect(t.participation.met).toBe(true);
    expect(t.approval).toBeUndefined();
    expect(t.result).toBeUndefined();
  });

  it('a "no" majority never passes a yes/no matter', () => {
    const t = run({
      ...cases[2],
      ballots: [
        [0, 'no'],
        [1, 'no'],
        [2, 'no'],
        [3, 'yes'],
      ],
    } as Case);
    expect(t.result).toBe('failed');
    expect(t.approval!.options.find((o) => o.optionId === 'no')!.passed).toBe(false);
  });

  it('tallies 100,000 ballots fast (bench/vote.ts measures the < 50 ms target)', () => {
    const ballots: TallyBallot[] = Array.from({ length: 100_000 }, (_, i) => ({
      householdId: `h${i}`,
      ownerKey: `o${i % 90_000}`,
      areaCenti: 5_000 + (i % 7_000),
      optionId: i % 3 === 0 ? 'no' : i % 11 === 0 ? 'abstain' : 'yes',
      channel: 'miniapp',
      castAt: i,
    }));
    const input = {
      article278Item: 4 as const,
      kind: 'yes_no' as const,
      options: [
        { id: 'yes', label: '同意' },
        { id: 'no', label: '反对' },
      ],
      totals: {
        households: 100_000,
        areaCenti: ballots.reduce((s, b) => s + b.areaCenti, 0),
        owners: 90_000,
      },
      ballots,
      closed: true,
    };
    // CPU time (not wall time), best of five, with 2× headroom: other processes on a shared test machine must
    // not decide the result; the 50 ms figure itself is measured and printed by `npm run bench:vote`.
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = process.cpuUsage();
      tally(input);
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    expect(best).toBeLessThan(100);
    expect(tally(input).participation.met).toBe(true);
  });
});
