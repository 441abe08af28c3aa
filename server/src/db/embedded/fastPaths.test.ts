import { Decimal128, Long, ObjectId, type Document } from 'bson';
import { describe, expect, it } from 'vitest';
import { Collection, simpleMatcher } from './collection';
import { runFind } from './commands/read';
import { Query } from './mingoOptions';

const oid = new ObjectId();
const other = new ObjectId();
const when = new Date('2026-01-01T00:00:00Z');
const docs: Document[] = [
  { _id: 1, a: 5, s: 'x', o: oid, d: when, b: true },
  { _id: 2, a: [5, 6], s: ['x', 'y'], o: [other, oid] },
  { _id: 3, a: Long.fromNumber(5), s: 'X', o: other, d: new Date(when.getTime() + 1) },
  { _id: 4, a: Decimal128.fromString('5.0'), b: false },
  { _id: 5, a: [[5]], s: { x: 1 }, o: null },
  { _id: 6, a: 5.5, s: '' },
  { _id: 7 },
];

describe('fast paths of the embedded engine', () => {
  it('matches plain equality and $in filters exactly as mingo (with BSON comparison) does', () => {
    const filters: Document[] = [
      { a: 5 },
      { a: { $eq: 5 } },
      { a: { $in: [5, 6] } },
      { a: 5.5 },
      { s: 'x' },
      { s: { $in: ['X', ''] } },
      { o: oid },
      { o: { $in: [other] } },
      { d: when },
      { b: true },
      { b: false },
      { _id: { $in: [1, 3, 3, 9] } },
      { _id: 2, a: 6 },
      { a: 5, s: 'x', o: oid },
      { a: { $in: [] } },
      {},
    ];
    for (const filter of filters) {
      const fast = simpleMatcher(filter);
      expect(fast, JSON.stringify(filter)).toBeDefined();
      const query = new Query(filter);
      const expected = docs.filter((d) => query.test(d)).map((d) => d._id);
      expect(
        docs.filter((d) => fast!(d)).map((d) => d._id),
        JSON.stringify(filter),
      ).toEqual(expected);
    }
  });

  it('leaves everything else to mingo', () => {
    for (const filter of [
      { a: null },
      { a: [5] },
      { a: { x: 1 } },
      { 'a.b': 1 },
      { a: { $gt: 1 } },
      { a: { $in: [5, null] } },
      { a: { $in: [/x/] } },
      { a: /x/ },
      { $or: [{ a: 5 }] },
      { a: { $eq: 5, $ne: 6 } },
      { a: Number.NaN },
      { a: Long.fromNumber(5) },
    ])
      expect(simpleMatcher(filter), JSON.stringify(filter)).toBeUndefined();
  });

  it('returns each document once for an _id $in with repeats, and projects top-level fields directly', () => {
    const coll = new Collection('db', 'c');
    for (const d of docs) coll.insert({ ...d });
    expect([...coll.find({ _id: { $in: [1, 1, 3] } })].map((d) => d._id)).toEqual([1, 3]);
    expect(runFind(coll, { filter: { _id: 1 }, projection: { s: 1, b: 1 } })).toEqual([
      { _id: 1, s: 'x', b: true },
    ]);
    expect(runFind(coll, { filter: { _id: 1 }, projection: { a: 0, o: 0, d: 0 } })).toEqual([
      { _id: 1, s: 'x', b: true },
    ]);
    expect(runFind(coll, { filter: { _id: 6 }, projection: { _id: 0, s: 1, missing: 1 } })).toEqual([
      { s: '' },
    ]);
    expect(runFind(coll, { filter: { _id: 6 }, projection: { _id: 1 } })).toEqual([{ _id: 6 }]);
  });
});
