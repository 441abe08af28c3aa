/**
 * Embedded database figures, through mongoose as the app uses it (run: npm run bench:db).
 * 10,000 inserts, 10,000 finds by unique key, 1,000 $group aggregations over 10,000 documents, with the journal
 * on (fsync per acknowledged write, group commit) and off (memory), beside the same work on a plain Map; then
 * find-by-unique-key time at 1,000 vs 100,000 documents.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema } from 'mongoose';
import { startEmbeddedServer } from '../server/src/db/embedded/index';

const N = 10_000;
const AGGREGATIONS = 1_000;
const CONCURRENCY = 16;
const BUILDINGS = 20;

const BallotSchema = new Schema({
  code: { type: String, required: true, unique: true },
  building: { type: String, required: true },
  area: { type: Number, required: true },
  choice: { type: String, enum: ['yes', 'no', 'abstain'] },
});

const row = (i: number) => ({
  code: `H${String(i).padStart(7, '0')}`,
  building: `B${i % BUILDINGS}`,
  area: 40 + (i % 80),
  choice: (i % 3 ? 'yes' : 'no') as 'yes' | 'no',
});

let phase = '';

async function timed(
  label: string,
  ops: number,
  work: () => Promise<void>,
): Promise<{ label: string; ops: number; ms: number }> {
  const start = performance.now();
  await work();
  const result = { label, ops, ms: performance.now() - start };
  process.stderr.write(`  ${phase.padEnd(12)} ${label.padEnd(26)} ${(result.ms / 1000).toFixed(1)} s\n`);
  return result;
}
/** Runs `count` calls of `op` with `CONCURRENCY` callers in flight, as concurrent API requests would. */
async function concurrently(count: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await op(next++);
    }),
  );
}

async function engineRun(dir: string | null) {
  const server = await startEmbeddedServer({ port: 0, dir });
  const conn = await mongoose.createConnection(server.uri, { dbName: 'bench' }).asPromise();
  const Ballot = conn.model('Ballot', BallotSchema);
  await Ballot.init();
  const groupPipeline = [{ $group: { _id: '$building', n: { $sum: 1 }, area: { $sum: '$area' } } }];
  const results = [
    await timed('insert', N, () => concurrently(N, (i) => Ballot.create(row(i)))),
    await timed('find by unique key', N, () =>
      concurrently(N, (i) => Ballot.findOne({ code: row((i * 7919) % N).code }).lean()),
    ),
    await timed(`$group over ${N} docs`, AGGREGATIONS, () =>
      concurrently(AGGREGATIONS, () => Ballot.aggregate(groupPipeline)),
    ),
  ];
  await conn.close();
  await server.close();
  return results;
}

async function mapRun() {
  const map = new Map<string, ReturnType<typeof row>>();
  const results = [
    await timed('insert', N, async () => {
      for (let i = 0; i < N; i++) map.set(row(i).code, row(i));
    }),
    await timed('find by unique key', N, async () => {
      for (let i = 0; i < N; i++) map.get(row((i * 7919) % N).code);
    }),
    await timed(`$group over ${N} docs`, AGGREGATIONS, async () => {
      for (let a = 0; a < AGGREGATIONS; a++) {
        const groups = new Map<string, { n: number; area: number }>();
        for (const v of map.values()) {
          const g = groups.get(v.building) ?? { n: 0, area: 0 };
          g.n++;
          g.area += v.area;
          groups.set(v.building, g);
        }
      }
    }),
  ];
  return results;
}

/** Mean time of a find by unique key (sequential, so it is latency) once the collection holds `size` docs. */
async function findLatencyAt(sizes: number[]): Promise<Map<number, number>> {
  const server = await startEmbeddedServer({ port: 0, dir: null });
  const conn = await mongoose.createConnection(server.uri, { dbName: 'scale' }).asPromise();
  const Ballot = conn.model('Ballot', BallotSchema);
  await Ballot.init();
  const out = new Map<number, number>();
  let have = 0;
  for (const size of sizes) {
    for (let i = have; i < size; i += 5_000) {
      await Ballot.collection.insertMany(
        Array.from({ length: Math.min(5_000, size - i) }, (_, k) => row(i + k)),
      );
    }
    have = size;
    const probes = 1_000;
    for (let i = 0; i < 200; i++) await Ballot.findOne({ code: row(i).code }).lean(); // warm-up
    const start = performance.now();
    for (let i = 0; i < probes; i++) await Ballot.findOne({ code: row((i * 7919) % size).code }).lean();
    out.set(size, (performance.now() - start) / probes);
  }
  await conn.close();
  await server.close();
  return out;
}

const fmt = (r: { ops: number; ms: number }) =>
  `${Math.round((r.ops / r.ms) * 1000)
    .toLocaleString('en-US')
    .padStart(12)} ops/s`;

async function main() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiugai-bench-'));
  console.log(
    `embedded db bench (node ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg()[0].toFixed(1)}, concurrency ${CONCURRENCY})\n`,
  );
  phase = 'journal off';
  const off = await engineRun(null);
  phase = 'journal on';
  const on = await engineRun(dir);
  phase = 'plain Map';
  const map = await mapRun();
  console.log(
    `${'operation'.padEnd(26)}${'journal off'.padStart(18)}${'journal on'.padStart(18)}${'plain Map'.padStart(18)}`,
  );
  off.forEach((r, i) =>
    console.log(
      `${r.label.padEnd(26)}${fmt(r).padStart(18)}${fmt(on[i]).padStart(18)}${fmt(map[i]).padStart(18)}`,
    ),
  );
  await fs.rm(dir, { recursive: true, force: true });

  const latency = await findLatencyAt([1_000, 100_000]);
  const small = latency.get(1_000)!;
  const large = latency.get(100_000)!;
  console.log(
    `\nfind by unique key: ${(small * 1000).toFixed(0)} µs at 1,000 docs, ${(large * 1000).toFixed(0)} µs at 100,000 docs`,
  );
  console.log(
    `ratio 100k/1k = ${(large / small).toFixed(2)} (target ≤ 2) ${large / small <= 2 ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(`heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}

void main();
