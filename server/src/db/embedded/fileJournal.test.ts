import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from './fileJournal';
import { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './index';

const open: Array<{ server: EmbeddedServer; client: MongoClient }> = [];

async function start(dir: string, extra: Partial<EmbeddedServerOptions> = {}) {
  const server = await startEmbeddedServer({ port: 0, dir, ...extra });
  const client = await new MongoClient(server.uri).connect();
  const entry = { server, client };
  open.push(entry);
  return { ...entry, coll: client.db('app').collection('ballots') };
}

async function stop(entry: { server: EmbeddedServer; client: MongoClient }) {
  await entry.client.close();
  await entry.server.close();
  open.splice(open.indexOf(entry), 1);
}

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiugai-journal-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  for (const e of [...open]) await stop(e);
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe('file journal', () => {
  it('keeps writes, deletes and unique indexes across a restart', async () => {
    const dir = await tempDir();
    const a = await start(dir);
    await a.coll.createIndex({ household: 1 }, { unique: true });
    await a.coll.insertMany([
      { household: 'h1', choice: 'yes' },
      { household: 'h2', choice: 'no' },
      { household: 'h3' },
    ]);
    await a.coll.updateOne({ household: 'h2' }, { $set: { choice: 'yes' } });
    await a.coll.deleteOne({ household: 'h3' });
    await a.client.db('app').createCollection('checked', { validator: { score: { $gte: 0 } } });
    await a.client.db('app').command({ collMod: 'checked', validator: { score: { $gte: 1 } } });
    await stop(a);

    const b = await start(dir);
    const docs = await b.coll
      .find({}, { projection: { _id: 0 } })
      .sort({ household: 1 })
      .toArray();
    expect(docs).toEqual([
      { household: 'h1', choice: 'yes' },
      { household: 'h2', choice: 'yes' },
    ]);
    await expect(b.coll.insertOne({ household: 'h1' })).rejects.toMatchObject({ code: 11000 });
    const checked = b.client.db('app').collection('checked');
    await expect(checked.insertOne({ score: 0 })).rejects.toMatchObject({ code: 121 });
    await checked.insertOne({ score: 1 });
  });

  it('refuses a data directory another running engine holds, and releases it on close', async () => {
    const dir = await tempDir();
    const a = await start(dir);
    await expect(startEmbeddedServer({ port: 0, dir })).rejects.toThrow(/in use/);
    await stop(a);
    const b = await start(dir);
    expect(await b.coll.countDocuments()).toBe(0);
  });

  it('drops a torn or corrupt last record and keeps everything before it', async () => {
    const dir = await tempDir();
    const a = await start(dir);
    await a.coll.insertOne({ n: 1 });
    await a.coll.insertOne({ n: 2 });
    await stop(a);
    const file = path.join(dir, JOURNAL_FILE);
    const whole = await fs.readFile(file);

    // A torn write: the last record cut in half.
    await fs.writeFile(file, whole.subarray(0, whole.length - 7));
    const b = await start(dir);
    expect(
      await b.coll
        .find()
        .map((d) => d.n)
        .toArray(),
    ).toEqual([1]);
    await b.coll.insertOne({ n: 3 });
    await stop(b);
    const c = await start(dir);
    expect(
      await c.coll
        .find()
        .map((d) => d.n)
        .toArray(),
    ).toEqual([1, 3]);
    await stop(c);

    // A flipped byte inside the last record fails its checksum.
    const now = await fs.readFile(file);
    now[now.length - 3] ^= 0xff;
    await fs.writeFile(file, now);
    const d = await start(dir);
    expect(
      await d.coll
        .find()
        .map((x) => x.n)
        .toArray(),
    ).toEqual([1]);
  });

  it('compacts in the background without losing writes made meanwhile', async () => {
    const dir = await tempDir();
    const a = await start(dir, { journal: { compactAtBytes: 8_000 } });
    await a.coll.insertOne({ _id: 'counter' as never, n: 0 });
    for (let i = 1; i <= 150; i++)
      await a.coll.updateOne({ _id: 'counter' as never }, { $set: { n: i, pad: 'x'.repeat(100) } });
    await Promise.all(Array.from({ length: 50 }, (_, i) => a.coll.insertOne({ i })));
    const size = (await fs.stat(path.join(dir, JOURNAL_FILE))).size;
    expect(size).toBeLessThan(150 * 150);
    await stop(a);
    const b = await start(dir);
    expect(await b.coll.findOne({ _id: 'counter' as never })).toMatchObject({ n: 150 });
    expect(await b.coll.countDocuments({ i: { $exists: true } })).toBe(50);
  });

  it('answers a clear error on a full disk, undoes the write, keeps serving reads', async () => {
    const dir = await tempDir();
    let full = false;
    const beforeWrite = () => {
      if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const a = await start(dir, { journal: { beforeWrite } });
    await a.coll.insertOne({ n: 1 });
    full = true;
    await expect(a.coll.insertOne({ n: 2 })).rejects.toMatchObject({
      code: 14031,
      message: expect.stringContaining('ENOSPC'),
    });
    await expect(a.coll.updateOne({ n: 1 }, { $set: { n: 9 } })).rejects.toMatchObject({ code: 14031 });
    expect(
      await a.coll
        .find()
        .map((d) => d.n)
        .toArray(),
    ).toEqual([1]);
    const concurrent = await Promise.allSettled([2, 3, 4, 5].map((n) => a.coll.insertOne({ n })));
    expect(concurrent.every((r) => r.status === 'rejected')).toBe(true);
    expect(await a.coll.countDocuments()).toBe(1);
    full = false;
    await a.coll.insertOne({ n: 6 });
    await stop(a);
    const b = await start(dir);
    expect(
      await b.coll
        .find()
        .map((d) => d.n)
        .toArray(),
    ).toEqual([1, 6]);
  });
});
