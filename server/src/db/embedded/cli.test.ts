import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

/** Starts the CLI, waits for the URI it prints, runs `use`, then stops it with SIGTERM. */
async function withCli(args: string[], use: (uri: string) => Promise<void>): Promise<number | null> {
  const proc = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('mongodb://'));
      if (line) resolve(line.trim());
    });
    proc.on('exit', () => reject(new Error(`cli exited before printing its URI: ${out}`)));
  });
  try {
    await use(uri);
  } finally {
    proc.kill('SIGTERM');
  }
  return exited;
}

describe('standalone embedded database (npm run db)', () => {
  it('prints a URI any client can use, and keeps data in --dir across restarts', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiugai-cli-'));
    const first = await withCli(['--port', '0', '--dir', dir], async (uri) => {
      expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\//);
      const client = await new MongoClient(uri).connect();
      await client.db('cli').collection('notes').insertOne({ text: '公示栏' });
      await client.close();
    });
    expect(first).toBe(0);
    await withCli(['--port', '0', '--dir', dir], async (uri) => {
      const client = await new MongoClient(uri).connect();
      expect(
        await client
          .db('cli')
          .collection('notes')
          .findOne({}, { projection: { _id: 0 } }),
      ).toEqual({ text: '公示栏' });
      await client.close();
    });
    await fs.rm(dir, { recursive: true, force: true });
  }, 60_000);
});
