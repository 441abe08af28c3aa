import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './index';

let server: EmbeddedServer;
let client: MongoClient;

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, dir: null, ttlMonitorMs: 50 });
  client = await new MongoClient(server.uri).connect();
});

afterAll(async () => {
  await client?.close();
  await server?.close();
});

describe('TTL indexes', () => {
  it('deletes documents once their indexed date is older than expireAfterSeconds', async () => {
    const codes = client.db('ttl').collection('bindCodes');
    await codes.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await codes.createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });
    await codes.insertMany([
      { code: 'old', expiresAt: new Date(Date.now() - 1000) },
      { code: 'fresh', expiresAt: new Date(Date.now() + 60_000) },
      { code: 'stale', createdAt: new Date(Date.now() - 2 * 3600_000) },
      { code: 'no date' },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await codes.find().toArray()).map((d) => d.code).sort()).toEqual(['fresh', 'no date']);
  });
});
