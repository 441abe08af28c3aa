import { describe, expect, it } from 'vitest';
import { Collection } from './collection';
import { Index } from './indexes';
import { choosePlan, equalityConditions } from './planner';

const index = (key: Record<string, number>, options: Record<string, unknown> = {}) =>
  new Index({ key, name: Object.keys(key).join('_'), ...options }, 'db.c');

describe('query planner', () => {
  it('uses the index with the longest equality prefix, preferring unique ones', () => {
    const byBuilding = index({ building: 1 });
    const compound = index({ building: 1, unit: 1, room: 1 }, { unique: true });
    const plan = choosePlan(
      [byBuilding, compound],
      equalityConditions({ building: 'b1', unit: { $in: ['1', '2'] }, area: { $gt: 5 } }),
    );
    expect(plan?.index).toBe(compound);
    expect(plan?.values).toEqual([['b1'], ['1', '2']]);
    expect(choosePlan([compound], equalityConditions({ unit: '1' }))).toBeUndefined();
    expect(
      choosePlan([compound], equalityConditions({ $and: [{ building: 'b1' }, { area: 1 }] }))?.values,
    ).toEqual([['b1']]);
  });

  it('skips a sparse index for null lookups and any partial index', () => {
    const sparse = index({ openid: 1 }, { unique: true, sparse: true });
    expect(choosePlan([sparse], equalityConditions({ openid: 'wx1' }))?.index).toBe(sparse);
    expect(choosePlan([sparse], equalityConditions({ openid: null }))).toBeUndefined();
    const partial = index({ phone: 1 }, { partialFilterExpression: { phone: { $exists: true } } });
    expect(choosePlan([partial], equalityConditions({ phone: '138' }))).toBeUndefined();
  });

  it('does not treat operators, regexes or arrays as equality', () => {
    expect([
      ...equalityConditions({ a: /x/, b: { $gt: 1 }, c: [1, 2], d: { $eq: 3 }, e: { x: 1 } }).keys(),
    ]).toEqual(['d', 'e']);
  });

  it('finds through a sparse unique index without scanning, and still finds null among missing fields', () => {
    const coll = new Collection('db', 'users');
    coll.createIndex({ key: { openid: 1 }, name: 'openid_1', unique: true, sparse: true });
    for (let i = 0; i < 50; i++) coll.insert({ _id: i, ...(i % 2 ? { openid: `wx${i}` } : {}) });
    expect([...coll.candidates({ openid: 'wx7' })]).toHaveLength(1);
    expect([...coll.find({ openid: 'wx7' })].map((d) => d._id)).toEqual([7]);
    expect([...coll.find({ openid: null })]).toHaveLength(25);
    expect(() => coll.insert({ _id: 'dup', openid: 'wx7' })).toThrow(/E11000/);
    coll.insert({ _id: 'no-openid' });
  });
});
