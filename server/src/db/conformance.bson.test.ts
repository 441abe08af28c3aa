import { Decimal128, Long, MongoClient, ObjectId, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceTarget } from './embedded/testTarget';

/** BSON types in queries, sorts and indexes, as MongoDB answers them (also runs against MONGODB_URI_TEST). */

let target: Awaited<ReturnType<typeof conformanceTarget>>;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  target = await conformanceTarget();
  client = await new MongoClient(target.uri).connect();
  db = client.db(target.dbName);
  await db
    .collection('nums')
    .insertMany([
      { _id: 'double', n: 1.5 },
      { _id: 'int', n: 3 },
      { _id: 'long', n: Long.fromString('9007199254740993') },
      { _id: 'dec', n: Decimal128.fromString('10') },
      { _id: 'dec1', n: Decimal128.fromString('1.0') },
      { _id: 'one', n: 1 },
      { _id: 'str', n: '2' },
      { _id: 'null', n: null },
      { _id: 'missing' },
    ] as never[]);
});

afterAll(async () => {
  await db?.dropDatabase();
  await client?.close();
  await target?.close();
});

const ids = (docs: Array<{ _id?: unknown }>) => docs.map((d) => d._id);

describe('BSON comparison in queries and sorts', () => {
  it('compares numbers across int, long, double and decimal', async () => {
    const nums = db.collection('nums');
    expect(
      ids(
        await nums
          .find({ n: { $gt: 2 } })
          .sort({ _id: 1 })
          .toArray(),
      ).sort(),
    ).toEqual(['dec', 'int', 'long']);
    expect(ids(await nums.find({ n: 1 }).toArray()).sort()).toEqual(['dec1', 'one']);
    expect(ids(await nums.find({ n: { $lte: Long.fromNumber(3) } }).toArray()).sort()).toEqual([
      'dec1',
      'double',
      'int',
      'one',
    ]);
    expect(
      ids(await nums.find({ n: { $in: [Decimal128.fromString('3.00'), '2'] } }).toArray()).sort(),
    ).toEqual(['int', 'str']);
  });

  it('sorts by type bracket, then value; null and missing first', async () => {
    const sorted = ids(await db.collection('nums').find().sort({ n: 1, _id: 1 }).toArray());
    expect(sorted).toEqual(['missing', 'null', 'dec1', 'one', 'double', 'int', 'dec', 'long', 'str']);
  });

  it('matches null and missing together, and $type by BSON type', async () => {
    const nums = db.collection('nums');
    expect(ids(await nums.find({ n: null }).toArray()).sort()).toEqual(['missing', 'null']);
    expect(ids(await nums.find({ n: { $type: 'long' } }).toArray())).toEqual(['long']);
    expect(ids(await nums.find({ n: { $type: 'decimal' } }).toArray()).sort()).toEqual(['dec', 'dec1']);
    expect(await nums.countDocuments({ n: { $type: 'number' } })).toBe(6);
    expect(await nums.countDocuments({ _id: { $type: 'string' } })).toBe(9);
    const oids = db.collection('oids');
    await oids.insertMany([{ ref: new ObjectId() }, { ref: 'not an id' }]);
    expect(await oids.countDocuments({ ref: { $type: 'objectId' } })).toBe(1);
  });

  it('finds by index across numeric types and treats 1 and 1.0 as one unique key', async () => {
    const c = db.collection('uniqueNums');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ k: 5 });
    expect(await c.findOne({ k: Long.fromNumber(5) })).toMatchObject({ k: 5 });
    expect(await c.findOne({ k: Decimal128.fromString('5.0') })).toMatchObject({ k: 5 });
    await expect(c.insertOne({ k: Decimal128.fromString('5.00') })).rejects.toMatchObject({ code: 11000 });
    await c.insertOne({ k: '5' });
    expect(await c.countDocuments()).toBe(2);
  });

  it('matches array elements and sorts arrays by their smallest or largest element', async () => {
    const c = db.collection('arrays');
    await c.insertMany([
      { _id: 'a', tags: ['x', 'm'], scores: [5, 9] },
      { _id: 'b', tags: ['y'], scores: [1, 20] },
      { _id: 'c', tags: [], scores: [7] },
    ] as never[]);
    expect(ids(await c.find({ tags: 'x' }).toArray())).toEqual(['a']);
    // Without $elemMatch each condition may be met by a different element.
    expect(ids(await c.find({ scores: { $gt: 8, $lt: 10 } }).toArray())).toEqual(['a', 'b']);
    expect(ids(await c.find({ scores: { $elemMatch: { $gt: 8, $lt: 10 } } }).toArray())).toEqual(['a']);
    expect(ids(await c.find().sort({ scores: 1 }).toArray())).toEqual(['b', 'a', 'c']);
    expect(ids(await c.find().sort({ scores: -1 }).toArray())).toEqual(['b', 'a', 'c']);
  });

  it('sorts the same way in aggregation', async () => {
    const rows = await db
      .collection('nums')
      .aggregate([
        { $match: { n: { $exists: true } } },
        { $sort: { n: -1, _id: 1 } },
        { $project: { _id: 1 } },
      ])
      .toArray();
    expect(ids(rows)).toEqual(['str', 'long', 'dec', 'int', 'double', 'dec1', 'one', 'null']);
    const grouped = await db
      .collection('nums')
      .aggregate([
        { $group: { _id: null, ids: { $push: '$_id' } } },
        { $project: { _id: 0, count: { $size: '$ids' } } },
      ])
      .toArray();
    expect(grouped).toEqual([{ count: 9 }]);
    const [range] = await db
      .collection('nums')
      .aggregate([{ $group: { _id: null, lo: { $min: '$n' }, hi: { $max: '$n' } } }])
      .toArray();
    expect(Number(String(range.lo))).toBe(1); // 1 or Decimal128('1.0'): equal, either may come first
    expect(range.hi).toBe('2');
  });
});
