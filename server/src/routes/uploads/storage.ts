import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type Koa from 'koa';
import type { Env } from '../../env';

/** Where uploaded files live. Local disk today; an S3-compatible store can implement the same interface. */
export interface UploadStore {
  save(ext: string, data: Buffer): Promise<string>;
  /** A readable stream of a stored file, or undefined when there is none. */
  open(name: string): Promise<{ stream: fs.ReadStream; size: number } | undefined>;
}

export function localUploadStore(dir: string): UploadStore {
  fs.mkdirSync(dir, { recursive: true });
  return {
    async save(ext, data) {
      const name = `${randomBytes(16).toString('hex')}.${ext}`;
      await fs.promises.writeFile(path.join(dir, name), data, { flag: 'wx' });
      return name;
    },
    async open(name) {
      // Callers pass names checked against uploadNamePattern; basename() is a second guard against traversal.
      const file = path.join(dir, path.basename(name));
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (!stat?.isFile()) return undefined;
      return { stream: fs.createReadStream(file), size: stat.size };
    },
  };
}

/** `<dataDir>/uploads`, or a temporary directory when the database runs in memory. */
export function uploadDirOf(env: Env): string {
  if (env.JIUGAI_DB_MODE === 'memory') return fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-uploads-'));
  return path.join(env.dataDir, 'uploads');
}

const stores = new WeakMap<Koa, UploadStore>();
/** The upload store of an app, created on first use from its environment. */
export function uploadStoreOf(ctx: { app: Koa; env: Env }): UploadStore {
  let store = stores.get(ctx.app);
  if (!store) {
    store = localUploadStore(uploadDirOf(ctx.env));
    stores.set(ctx.app, store);
  }
  return store;
}
