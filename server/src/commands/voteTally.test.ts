import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import type { VoteDoc } from '../models/vote';
import { tally, type TallyBallot } from './tally';
import { canonicalJson, tallyFingerprint } from './voteTally';

const vote = {
  _id: new Types.ObjectId('0123456789abcdef01234567'),
  title: '选聘物业服务企业',
  article278Item: 4,
  kind: 'yes_no',
  options: [
    { id: 'yes', label: '同意' },
    { id: 'no', label: '反对' },
  ],
  opensAt: new Date('2026-05-01T00:00:00Z'),
  closesAt: new Date('2026-05-15T00:00:00Z'),
  totals: { households: 3, areaCenti: 30000, owners: 3 },
} as unknown as VoteDoc;

const ballots: TallyBallot[] = [
  { householdId: 'h1', ownerKey: 'A', areaCenti: 10000, optionId: 'yes', channel: 'paper', castAt: 1 },
  { householdId: 'h2', ownerKey: 'B', areaCenti: 10000, optionId: 'yes', channel: 'miniapp', castAt: 2 },
  { householdId: 'h3', ownerKey: 'C', areaCenti: 10000, optionId: 'no', channel: 'meeting', castAt: 3 },
];
const fingerprintOf = (list: TallyBallot[]) =>
  tallyFingerprint(
    vote,
    list,
    tally({
      article278Item: 4,
      kind: 'yes_no',
      options: vote.options,
      totals: vote.totals,
      ballots: list,
      closed: true,
    }),
  );

describe('tally fingerprint', () => {
  it('is a SHA-256 that does not depend on the order ballots were read in', () => {
    const forward = fingerprintOf(ballots);
    expect(forward).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf([...ballots].reverse())).toBe(forward);
  });

  it('changes when any single ballot changes', () => {
    const changed = ballots.map((b, i) => (i === 2 ? { ...b, optionId: 'yes' } : b));
    expect(fingerprintOf(changed)).not.toBe(fingerprintOf(ballots));
  });

  it('writes JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
