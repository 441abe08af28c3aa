import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startChild } from '../support/child';
import { seedDataDir } from '../support/diskWorld';
import { buildWorld, type World } from '../support/world';
import { fillDisk, mountTinyDisk, unmountTinyDisk } from '../support/tinyDisk';
import { startEmbeddedServer } from '../../server/src/db/embedded';
import { connectDatabase } from '../../server/src/db/connect';
import { createApp } from '../../server/src/app';
import { loadEnv } from '../../server/src/env';

/** A running server whose data disk can be made full and freed again. */
export interface FullDiskRig {
  kind: string;
  url: string;
  secret: string;
  world: World;
  fill(): void;
  free(): void;
  close(): Promise<void>;
}

const secret = 'reliability-secret-0123456789';

/** The real thing: the server as a child process on a data dir that is a tiny tmpfs (needs root). */
export async function tmpfsRig(): Promise<FullDiskRig | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-full-'));
  // RELIABILITY_NO_MOUNT=1 runs the fallback even as root (to check it on a machine that allows mounting).
  if (process.env.RELIABILITY_NO_MOUNT || !mountTinyDisk(dir, 24)) {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const world = await seedDataDir(dir, {});
  const child = await startChild(dir, { JWT_SECRET: secret });
  let filler: string | undefined;
  return {
    kind: 'a 24 MB tmpfs mounted on the data dir, filled to the last byte (server as a child process)',
    url: child.url,
    secret,
    world,
    fill: () => void (filler = fillDisk(dir)),
    free: () => filler && fs.rmSync(filler),
    async close() {
      await child.stop();
      unmountTinyDisk(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Where mounting is not allowed (no root in CI): the same server in-process, its journal on disk, every journal
 * write failing with ENOSPC through the engine's write seam while "full".
 */
export async function journalSeamRig(): Promise<FullDiskRig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-full-'));
  let full = false;
  const embedded = await startEmbeddedServer({
    dir,
    journal: {
      beforeWrite: () => {
        if (full)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    },
  });
  const db = await connectDatabase({ uri: embedded.uri, dbName: 'jiugai' });
  const world = await buildWorld({});
  const env = loadEnv({ NODE_ENV: 'test', JWT_SECRET: secret, JIUGAI_DATA_DIR: dir } as NodeJS.ProcessEnv);
  const server = http.createServer(createApp(env, db).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    kind: 'ENOSPC injected into every journal write through the embedded engine write seam (tmpfs mount not permitted)',
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secret,
    world,
    fill: () => void (full = true),
    free: () => void (full = false),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await embedded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
