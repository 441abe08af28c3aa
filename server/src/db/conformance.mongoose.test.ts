import mongoose, { Schema, Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceTarget } from './embedded/testTarget';

/** The engine through mongoose, as the app uses it; also runs against real MongoDB with MONGODB_URI_TEST. */

let target: Awaited<ReturnType<typeof conformanceTarget>>;
let conn: mongoose.Connection;

const Building = new Schema({ name: { type: String, required: true } });
const Household = new Schema(
  {
    building: { type: Schema.Types.ObjectId, ref: 'Building', required: true },
    unit: { type: String, required: true },
    room: { type: String, required: true },
    area: { type: Number, min: 1, max: 1000 },
  },
  { timestamps: true },
);
Household.index({ building: 1, unit: 1, room: 1 }, { unique: true });

beforeAll(async () => {
  target = await conformanceTarget();
  conn = await mongoose.createConnection(target.uri, { dbName: target.dbName }).asPromise();
});

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
  await target?.close();
});

describe('mongoose conformance', () => {
  const models = () => ({ B: conn.model('Building', Building), H: conn.model('Household', Household) });

  it('rejects invalid documents with a ValidationError and writes nothing', async () => {
    const { H } = models();
    await H.init();
    const err = await H.create({ unit: '1', area: -5 }).catch((e) => e);
    expect(err).toBeInstanceOf(mongoose.Error.ValidationError);
    expect(Object.keys(err.errors).sort()).toEqual(['area', 'building', 'room']);
    expect(await H.countDocuments()).toBe(0);
  });

  it('reports a unique compound index violation as E11000', async () => {
    const { B, H } = models();
    await H.init();
    const b = await B.create({ name: '1号楼' });
    await H.create({ building: b._id, unit: '1', room: '101', area: 80 });
    await H.create({ building: b._id, unit: '1', room: '102', area: 80 });
    const err = await H.create({ building: b._id, unit: '1', room: '101', area: 60 }).catch((e) => e);
    expect(err).toMatchObject({ code: 11000, keyPattern: { building: 1, unit: 1, room: 1 } });
    expect(err.keyValue.room).toBe('101');
    expect(String(err.message)).toMatch(/E11000 duplicate key/);
  });

  it('populates references and sorts by ObjectId and Date', async () => {
    const { B, H } = models();
    const b2 = await B.create({ name: '2号楼' });
    const created = [];
    for (const room of ['201', '202', '203'])
      created.push(await H.create({ building: b2._id, unit: '2', room, area: 70 }));
    const rows = await H.find({ building: b2._id })
      .populate<{ building: { name: string } }>('building')
      .sort({ _id: -1 })
      .lean();
    expect(rows.map((r) => r.room)).toEqual(['203', '202', '201']);
    expect(rows[0].building.name).toBe('2号楼');
    const byDate = await H.find({ building: b2._id }).sort({ createdAt: 1, _id: 1 }).lean();
    expect(byDate.map((r) => r.room)).toEqual(['201', '202', '203']);
    expect(byDate[0].createdAt).toBeInstanceOf(Date);
  });

  it('streams with a small batchSize cursor and counts', async () => {
    const { B, H } = models();
    const b = await B.create({ name: '3号楼' });
    await H.insertMany(
      Array.from({ length: 12 }, (_, i) => ({
        building: b._id,
        unit: '3',
        room: String(300 + i),
        area: 50 + i,
      })),
    );
    const rooms: string[] = [];
    for await (const h of H.find({ building: b._id }).sort({ room: 1 }).cursor({ batchSize: 5 }))
      rooms.push(h.room);
    expect(rooms).toHaveLength(12);
    expect(rooms[0]).toBe('300');
    expect(await H.countDocuments({ building: b._id, area: { $gte: 55 } })).toBe(7);
    expect(await H.estimatedDocumentCount()).toBeGreaterThanOrEqual(12);
  });

  it('aggregates with $lookup and $group', async () => {
    const { H } = models();
    const rows = await H.aggregate<{ _id: string; n: number; area: number }>([
      { $lookup: { from: 'buildings', localField: 'building', foreignField: '_id', as: 'b' } },
      { $unwind: '$b' },
      { $group: { _id: '$b.name', n: { $sum: 1 }, area: { $sum: '$area' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(rows.find((r) => r._id === '2号楼')).toEqual({ _id: '2号楼', n: 3, area: 210 });
  });

  it('upserts with findOneAndUpdate', async () => {
    const { B } = models();
    const doc = await B.findOneAndUpdate(
      { name: '9号楼' },
      { $set: { name: '9号楼' } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc?._id).toBeInstanceOf(Types.ObjectId);
    const again = await B.findOneAndUpdate(
      { name: '9号楼' },
      { name: '9号楼' },
      { upsert: true, returnDocument: 'after' },
    );
    expect(String(again?._id)).toBe(String(doc?._id));
    expect(await B.countDocuments({ name: '9号楼' })).toBe(1);
  });

  it('bulkWrite reports writeErrors, ordered and unordered', async () => {
    const { B, H } = models();
    const b = await B.create({ name: '5号楼' });
    const row = (room: string) => ({
      insertOne: { document: { building: b._id, unit: '5', room, area: 40 } },
    });
    const ordered = await H.bulkWrite([row('501'), row('501'), row('502')], { ordered: true }).catch(
      (e) => e,
    );
    expect(ordered.writeErrors?.map((e: { index: number }) => e.index)).toEqual([1]);
    expect(await H.countDocuments({ building: b._id })).toBe(1);
    const unordered = await H.bulkWrite([row('501'), row('503'), row('504')], { ordered: false }).catch(
      (e) => e,
    );
    expect(unordered.writeErrors?.map((e: { index: number; code: number }) => [e.index, e.code])).toEqual([
      [0, 11000],
    ]);
    expect(await H.countDocuments({ building: b._id })).toBe(3);
  });
});
