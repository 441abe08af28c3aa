import net from 'node:net';
import { BSON, Decimal128, type Document } from 'bson';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './index';
import { OP_MSG } from './wire';

let server: EmbeddedServer;
let client: MongoClient;

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dir: null });
  client = await new MongoClient(server.uri).connect();
  await client
    .db('bad')
    .collection('c')
    .insertOne({ _id: 1 as never, v: 'kept' });
});

afterAll(async () => {
  await client?.close();
  await server?.close();
});

/** Sends raw frames on a fresh socket and collects the replies (as parsed OP_MSG bodies) or the close. */
function exchange(frames: Buffer[], replies: number): Promise<{ docs: Document[]; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const docs: Document[] = [];
    let buf = Buffer.alloc(0);
    socket.on('connect', () => frames.forEach((f) => socket.write(f)));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= buf.readInt32LE(0)) {
        const len = buf.readInt32LE(0);
        docs.push(BSON.deserialize(buf.subarray(21, len)));
        buf = buf.subarray(len);
      }
      if (docs.length >= replies) {
        socket.end();
        resolve({ docs, closed: false });
      }
    });
    socket.on('close', () => resolve({ docs, closed: true }));
    socket.on('error', reject);
  });
}

function msg(body: Buffer, opCode = OP_MSG): Buffer {
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
}

const ping = () => msg(Buffer.from(BSON.serialize({ ping: 1, $db: 'admin' })));
const coll = () => client.db('bad').collection('c');

describe('bad input', () => {
  it('answers a corrupt BSON body with an error and keeps the connection serving', async () => {
    const garbage = Buffer.from(BSON.serialize({ ping: 1, $db: 'admin' }));
    garbage[4] = 0x7f; // an invalid element type
    const { docs } = await exchange([msg(garbage), ping()], 2);
    expect(docs[0]).toMatchObject({ ok: 0, code: 22 });
    expect(docs[1]).toMatchObject({ ok: 1 });
  });

  it('answers an unsupported opCode with an error', async () => {
    const { docs } = await exchange([msg(Buffer.from(BSON.serialize({ ping: 1 })), 2010), ping()], 2);
    expect(docs[0]).toMatchObject({ ok: 0, errmsg: expect.stringContaining('opCode 2010') });
    expect(docs[1]).toMatchObject({ ok: 1 });
  });

  it('closes a connection whose frame length is impossible, and keeps accepting others', async () => {
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(3, 0);
    const { closed } = await exchange([bad], 1);
    expect(closed).toBe(true);
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });

  it('rejects a document over 16MB, in the message or produced by an update', async () => {
    const big = Buffer.from(BSON.serialize({ _id: 2, s: 'x'.repeat(17 * 1024 * 1024) }));
    const body = Buffer.from(BSON.serialize({ insert: 'c', $db: 'bad' }));
    const seqHeader = Buffer.alloc(4);
    const id = Buffer.from('documents\0');
    seqHeader.writeInt32LE(4 + id.length + big.length, 0);
    const frame = msg(Buffer.concat([body, Buffer.from([1]), seqHeader, id, big]));
    const { docs } = await exchange([frame, ping()], 2);
    expect(docs[0]).toMatchObject({ ok: 0, errmsg: expect.stringContaining('16MB') });
    expect(docs[1]).toMatchObject({ ok: 1 });

    await coll().insertOne({ _id: 3 as never, s: 'y'.repeat(9 * 1024 * 1024) });
    await expect(
      coll().updateOne({ _id: 3 as never }, { $set: { t: 'z'.repeat(9 * 1024 * 1024) } }),
    ).rejects.toMatchObject({ code: 10334 });
    expect(Object.keys((await coll().findOne({ _id: 3 as never }))!)).toEqual(['_id', 's']);
    await coll().deleteOne({ _id: 3 as never });
  });

  it('names an unknown command (code 59)', async () => {
    await expect(client.db('bad').command({ frobnicate: 1 })).rejects.toMatchObject({
      code: 59,
      message: expect.stringContaining("'frobnicate'"),
    });
  });

  it('answers unknown query and update operators with an error and changes nothing', async () => {
    await expect(
      coll()
        .find({ v: { $frob: 1 } })
        .toArray(),
    ).rejects.toMatchObject({ code: 2, message: expect.stringContaining('$frob') });
    await expect(
      coll()
        .aggregate([{ $frob: {} }])
        .toArray(),
    ).rejects.toMatchObject({ code: 2 });
    await expect(coll().updateOne({ _id: 1 as never }, { $frob: { v: 1 } } as never)).rejects.toThrow();
    expect(await coll().find().toArray()).toEqual([{ _id: 1, v: 'kept' }]);
  });

  it('refuses transactions clearly and writes nothing', async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      const err = await coll()
        .insertOne({ _id: 9 as never }, { session })
        .catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(String(err.message)).toMatch(/[Tt]ransaction/);
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
    expect(await coll().countDocuments({ _id: 9 as never })).toBe(0);
  });
});

describe('unsupported options', () => {
  it('refuses a collation instead of comparing strings differently', async () => {
    await expect(
      coll().find({ v: 'KEPT' }).collation({ locale: 'zh', strength: 2 }).toArray(),
    ).rejects.toThrow(/collation/);
    await expect(coll().createIndex({ v: 1 }, { collation: { locale: 'en' } })).rejects.toThrow(/collation/);
  });

  it('refuses to $sum Decimal128 values rather than leaving them out', async () => {
    const fees = client.db('bad').collection('fees');
    await fees.insertMany([{ fee: Decimal128.fromString('1.10') }, { fee: Decimal128.fromString('2.20') }]);
    await expect(
      fees.aggregate([{ $group: { _id: null, total: { $sum: '$fee' } } }]).toArray(),
    ).rejects.toMatchObject({
      code: 2,
      message: expect.stringContaining('Decimal128'),
    });
  });
});
