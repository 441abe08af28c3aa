import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * One engine per data directory: two processes appending to one journal would interleave records. The lock
 * file holds the owner's pid; a lock left by a process that no longer runs (crash, SIGKILL) is taken over.
 */

export const LOCK_FILE = 'jiugai-db.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directories held by engines in this process (the pid in their lock file is ours, so it cannot tell). */
const heldHere = new Set<string>();

/**
 * Reserves a directory in this thread's registry for an engine started in a worker thread (whose own registry
 * is separate): returns the release function; throws like lockDataDir when an engine here already holds it.
 */
export function reserveDataDir(dir: string): () => void {
  const key = path.resolve(dir);
  if (heldHere.has(key))
    throw new Error(`the data directory ${dir} is in use by another embedded database in this process`);
  heldHere.add(key);
  return () => {
    heldHere.delete(key);
  };
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const key = path.resolve(dir);
  if (heldHere.has(key))
    throw new Error(`the data directory ${dir} is in use by another embedded database in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: 'wx' });
      heldHere.add(key);
      return async () => {
        heldHere.delete(key);
        await fs.rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(`the data directory ${dir} is in use by another embedded database (pid ${owner})`);
      }
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}
