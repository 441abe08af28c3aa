import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './index';

let server: EmbeddedServer;
let conn: mongoose.Connection;

const Household = new Schema({
  code: { type: String, required: true, unique: true },
  building: { type: String, index: true },
  area: Number,
  tags: [String],
});

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dir: null });
  conn = await mongoose.createConnection(server.uri, { dbName: 'smoke' }).asPromise();
});

afterAll(async () => {
  await conn?.close();
  await server?.close();
});

describe('embedded engine through mongoose', () => {
  it('creates, finds, updates, aggregates and enforces unique keys', async () => {
    const H = conn.model('Household', Household);
    await H.init();
    await H.create([
      { code: 'A-101', building: 'A', area: 80, tags: ['north'] },
      { code: 'A-102', building: 'A', area: 95 },
      { code: 'B-201', building: 'B', area: 60 },
    ]);
    expect(await H.countDocuments()).toBe(3);
    expect((await H.findOne({ code: 'A-102' }).lean())?.area).toBe(95);

    await H.updateOne({ code: 'B-201' }, { $set: { area: 61 }, $push: { tags: 'south' } });
    const b = await H.findOne({ code: 'B-201' }).lean();
    expect(b).toMatchObject({ area: 61, tags: ['south'] });

    await expect(H.create({ code: 'A-101', building: 'C' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { code: 1 },
      keyValue: { code: 'A-101' },
    });
    await expect(H.updateOne({ code: 'A-102' }, { code: 'A-101' })).rejects.toMatchObject({ code: 11000 });
    expect(await H.countDocuments({ code: 'A-101' })).toBe(1);

    const byBuilding = await H.aggregate([
      { $group: { _id: '$building', n: { $sum: 1 }, area: { $sum: '$area' } } },
      { $sort: { _id: 1 } },
    ]);
    expect(byBuilding).toEqual([
      { _id: 'A', n: 2, area: 175 },
      { _id: 'B', n: 1, area: 61 },
    ]);

    const regex = await H.find({ code: { $regex: '^a-', $options: 'i' } })
      .sort({ code: -1 })
      .lean();
    expect(regex.map((h) => h.code)).toEqual(['A-102', 'A-101']);
  });

  it('applies unacknowledged (w:0, moreToCome) writes without replying to them', async () => {
    const coll = conn.db!.collection('fireAndForget');
    await coll.insertOne({ n: 1 }, { writeConcern: { w: 0 } });
    await coll.updateOne({ n: 1 }, { $set: { seen: true } }, { writeConcern: { w: 0 } });
    expect(await coll.findOne({ n: 1 }, { projection: { _id: 0 } })).toEqual({ n: 1, seen: true });
  });

  it('keeps databases with different names apart', async () => {
    const other = await mongoose.createConnection(server.uri, { dbName: 'smoke_other' }).asPromise();
    try {
      const H2 = other.model('Household', Household);
      expect(await H2.countDocuments()).toBe(0);
      await H2.create({ code: 'A-101' });
      expect(await H2.countDocuments()).toBe(1);
    } finally {
      await other.close();
    }
  });
});
