/**
 * Test fixture for crash.test.ts: starts the engine on a data dir and writes batches as fast as it can from
 * several concurrent writers, printing "acked <batch>" after each acknowledged insertMany. Killed with SIGKILL.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedServer } from './index';

export const BATCH = 20;
export const expectedDoc = (batch: number, i: number) => ({
  _id: `${batch}-${i}`,
  batch,
  i,
  payload: `p${batch}`.repeat(50),
});

async function main(dir: string): Promise<void> {
  const server = await startEmbeddedServer({ port: 0, dir });
  const client = await new MongoClient(server.uri, { maxPoolSize: 8 }).connect();
  const coll = client.db('crash').collection<{ _id: string }>('docs');
  let next = 0;
  const writer = async () => {
    for (;;) {
      const batch = next++;
      await coll.insertMany(Array.from({ length: BATCH }, (_, i) => expectedDoc(batch, i)));
      process.stdout.write(`acked ${batch}\n`);
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
}

if (process.argv[2]) void main(process.argv[2]);
