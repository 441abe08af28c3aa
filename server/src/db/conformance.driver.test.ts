import { Decimal128, Long, MongoBulkWriteError, MongoClient, ObjectId, type Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceTarget } from './embedded/testTarget';

/** The engine through the official driver; the same file runs against real MongoDB with MONGODB_URI_TEST. */

let target: Awaited<ReturnType<typeof conformanceTarget>>;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  target = await conformanceTarget();
  client = await new MongoClient(target.uri).connect();
  db = client.db(target.dbName);
});

afterAll(async () => {
  await db?.dropDatabase();
  await client?.close();
  await target?.close();
});

describe('mongodb driver conformance', () => {
  it('enforces a unique compound index with E11000, keyPattern and keyValue', async () => {
    const ballots = db.collection('ballots');
    await ballots.createIndex({ vote: 1, household: 1 }, { unique: true });
    await ballots.insertOne({ vote: 'v1', household: 'h1', choice: 'yes' });
    await ballots.insertOne({ vote: 'v2', household: 'h1', choice: 'no' });
    const err = await ballots.insertOne({ vote: 'v1', household: 'h1', choice: 'no' }).catch((e) => e);
    expect(err).toMatchObject({
      code: 11000,
      keyPattern: { vote: 1, household: 1 },
      keyValue: { vote: 'v1', household: 'h1' },
    });
    expect(err.message).toContain('E11000');
    await expect(ballots.updateOne({ vote: 'v2' }, { $set: { vote: 'v1' } })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(
      ballots.updateOne({ vote: 'v3', household: 'h1' }, { $set: { vote: 'v1' } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await ballots.countDocuments()).toBe(2);
    const indexes = await ballots.listIndexes().toArray();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'vote_1_household_1']);
  });

  it('pages through a cursor with a small batchSize', async () => {
    const items = db.collection('items');
    await items.insertMany(Array.from({ length: 25 }, (_, i) => ({ i })));
    const seen: number[] = [];
    for await (const doc of items.find({}, { batchSize: 4 }).sort({ i: -1 })) seen.push(doc.i);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
    const cursor = items.find({}, { batchSize: 2 });
    expect((await cursor.next())?.i).toBe(0);
    await cursor.close();
    expect(
      await items
        .find({ i: { $gte: 20 } })
        .skip(1)
        .limit(2)
        .map((d) => d.i)
        .toArray(),
    ).toEqual([21, 22]);
    const viaAggregate = await items
      .aggregate([{ $match: { i: { $lt: 7 } } }, { $sort: { i: 1 } }], { batchSize: 0 })
      .toArray();
    expect(viaAggregate.map((d) => d.i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('counts with countDocuments and estimatedDocumentCount', async () => {
    const c = db.collection('counted');
    await c.insertMany([{ b: 'A' }, { b: 'A' }, { b: 'B' }]);
    expect(await c.countDocuments({ b: 'A' })).toBe(2);
    expect(await c.countDocuments({}, { skip: 1, limit: 1 })).toBe(1);
    expect(await c.estimatedDocumentCount()).toBe(3);
    expect(await db.collection('missing').estimatedDocumentCount()).toBe(0);
    expect((await c.distinct('b')).sort()).toEqual(['A', 'B']);
  });

  it('aggregates with $lookup, $unwind, $group, $facet and $count', async () => {
    const buildings = db.collection('buildings');
    const households = db.collection('households');
    await buildings.insertMany([
      { _id: 'b1', name: '1号楼' },
      { _id: 'b2', name: '2号楼' },
    ] as never[]);
    await households.insertMany([
      { building: 'b1', area: 50 },
      { building: 'b1', area: 70 },
      { building: 'b2', area: 90 },
    ]);
    const rows = await households
      .aggregate([
        { $lookup: { from: 'buildings', localField: 'building', foreignField: '_id', as: 'b' } },
        { $unwind: '$b' },
        { $group: { _id: '$b.name', households: { $sum: 1 }, area: { $sum: '$area' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: '1号楼', households: 2, area: 120 },
      { _id: '2号楼', households: 1, area: 90 },
    ]);
    const [facet] = await households
      .aggregate([
        {
          $facet: {
            total: [{ $count: 'n' }],
            big: [{ $match: { area: { $gt: 60 } } }, { $project: { _id: 0, area: 1 } }],
          },
        },
      ])
      .toArray();
    expect(facet).toEqual({ total: [{ n: 3 }], big: [{ area: 70 }, { area: 90 }] });
  });

  it('upserts with findOneAndUpdate and applies $setOnInsert only on insert', async () => {
    const c = db.collection('progress');
    const first = await c.findOneAndUpdate(
      { project: 'p1' },
      { $set: { percent: 10 }, $setOnInsert: { createdBy: 'u1' } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(first).toMatchObject({ project: 'p1', percent: 10, createdBy: 'u1' });
    const second = await c.findOneAndUpdate(
      { project: 'p1' },
      { $set: { percent: 20 }, $setOnInsert: { createdBy: 'u2' } },
      { upsert: true, returnDocument: 'before' },
    );
    expect(second).toMatchObject({ percent: 10, createdBy: 'u1' });
    expect(await c.findOne({ project: 'p1' }, { projection: { _id: 0 } })).toEqual({
      project: 'p1',
      percent: 20,
      createdBy: 'u1',
    });
    expect(await c.findOneAndDelete({ project: 'p1' })).toMatchObject({ percent: 20 });
    expect(await c.countDocuments()).toBe(0);
  });

  it('reports bulkWrite errors by index, ordered stopping and unordered continuing', async () => {
    const c = db.collection('bulk');
    await c.createIndex({ code: 1 }, { unique: true });
    const ops = [
      { insertOne: { document: { code: 'a' } } },
      { insertOne: { document: { code: 'a' } } },
      { insertOne: { document: { code: 'b' } } },
      { updateOne: { filter: { code: 'b' }, update: { $set: { seen: true } } } },
    ];
    const ordered = (await c.bulkWrite(ops, { ordered: true }).catch((e) => e)) as MongoBulkWriteError;
    expect(ordered).toBeInstanceOf(MongoBulkWriteError);
    const orderedErrors = [ordered.writeErrors].flat();
    expect(orderedErrors).toHaveLength(1);
    expect(orderedErrors[0]).toMatchObject({ index: 1, code: 11000 });
    expect(ordered.result.insertedCount).toBe(1);
    expect(await c.countDocuments()).toBe(1);

    await c.deleteMany({});
    const unordered = (await c.bulkWrite(ops, { ordered: false }).catch((e) => e)) as MongoBulkWriteError;
    expect([unordered.writeErrors].flat().map((e) => [e.index, e.code])).toEqual([[1, 11000]]);
    expect(unordered.result.insertedCount).toBe(2);
    expect(unordered.result.modifiedCount).toBe(1);
    expect(await c.countDocuments()).toBe(2);
  });

  it('sorts by Date and by ObjectId', async () => {
    const c = db.collection('events');
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()];
    await c.insertMany([
      { _id: ids[1], at: new Date('2024-05-01T00:00:00Z') },
      { _id: ids[2], at: new Date('2023-12-31T23:59:59Z') },
      { _id: ids[0], at: new Date('2024-10-31T00:00:00Z') },
    ]);
    expect((await c.find().sort({ at: 1 }).toArray()).map((d) => d._id)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await c.find().sort({ _id: -1 }).toArray()).map((d) => d._id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(await c.countDocuments({ at: { $gte: new Date('2024-01-01') } })).toBe(2);
  });

  it('round-trips BSON types and updates with arrayFilters and replacement', async () => {
    const c = db.collection('types');
    const doc = {
      _id: new ObjectId(),
      big: Long.fromString('9007199254740993'),
      fee: Decimal128.fromString('12.50'),
      items: [
        { k: 'a', n: 1 },
        { k: 'b', n: 2 },
      ],
    };
    await c.insertOne(doc);
    await c.updateOne(
      { _id: doc._id },
      { $inc: { 'items.$[it].n': 10 } },
      { arrayFilters: [{ 'it.k': 'b' }] },
    );
    const back = await c.findOne({ _id: doc._id }, { promoteLongs: false });
    expect(back?.big).toEqual(doc.big);
    expect(back?.fee.toString()).toBe('12.50');
    expect(back?.items).toEqual([
      { k: 'a', n: 1 },
      { k: 'b', n: 12 },
    ]);
    const replaced = await c.replaceOne({ _id: doc._id }, { only: 'this' });
    expect(replaced.modifiedCount).toBe(1);
    expect(await c.findOne({ _id: doc._id })).toEqual({ _id: doc._id, only: 'this' });
    await expect(c.updateOne({ _id: doc._id }, { $set: { 'only.deeper': 1 } })).rejects.toMatchObject({
      code: 28,
    });
    const many = await c.updateMany({}, { $set: { touched: true } });
    expect(many).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
  });

  it('rejects documents failing a collection validator with code 121', async () => {
    const c = await db.createCollection('validated', { validator: { percent: { $gte: 0, $lte: 100 } } });
    await c.insertOne({ percent: 50 });
    await expect(c.insertOne({ percent: 150 })).rejects.toMatchObject({ code: 121 });
    await expect(c.updateOne({ percent: 50 }, { $set: { percent: -1 } })).rejects.toMatchObject({
      code: 121,
    });
    expect(await c.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ percent: 50 }]);
  });

  it('lists, drops and recreates collections and indexes', async () => {
    await db.createCollection('temp');
    await expect(db.createCollection('temp')).rejects.toMatchObject({ code: 48 });
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toContain('temp');
    const t = db.collection('temp');
    await t.createIndex({ a: 1 }, { name: 'a_idx' });
    await t.dropIndex('a_idx');
    expect((await t.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    expect(await t.drop()).toBe(true);
    expect((await db.listCollections({ name: 'temp' }).toArray()).length).toBe(0);
  });
});
