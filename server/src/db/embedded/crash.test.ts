import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { BATCH, expectedDoc } from './crashChild';
import { startEmbeddedServer } from './index';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crashChild.ts');

/** Runs the writer child until it has acknowledged `minAcks` batches, then kills it with SIGKILL. */
function writeUntilKilled(dir: string, minAcks: number): Promise<Set<number>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Set<number>();
    let buffered = '';
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith('acked ')) acked.add(Number(line.slice(6)));
      if (acked.size >= minAcks && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`child exited early: ${stderr}`)),
    );
  });
}

describe('crash safety', () => {
  it('after SIGKILL mid-burst, every acknowledged write is there and no batch is half there', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiugai-crash-'));
    const acked = await writeUntilKilled(dir, 60);

    const server = await startEmbeddedServer({ port: 0, dir });
    const client = await new MongoClient(server.uri).connect();
    try {
      const docs = await client
        .db('crash')
        .collection<{ _id: string; batch: number; i: number }>('docs')
        .find()
        .toArray();
      const perBatch = new Map<number, number>();
      for (const doc of docs) {
        expect(doc).toEqual(expectedDoc(doc.batch, doc.i));
        perBatch.set(doc.batch, (perBatch.get(doc.batch) ?? 0) + 1);
      }
      for (const batch of acked) expect(perBatch.get(batch), `acknowledged batch ${batch}`).toBe(BATCH);
      for (const [batch, n] of perBatch) expect(n, `batch ${batch} is all or nothing`).toBe(BATCH);
    } finally {
      await client.close();
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
