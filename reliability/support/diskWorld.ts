import { connectDatabase } from '../../server/src/db/connect';
import { buildWorld, type World } from './world';

/** Seeds a world into a data dir kept on disk (the embedded engine's journal), then closes it for a child server. */
export async function seedDataDir(
  dataDir: string,
  opts: { households?: number; extraResidents?: number; complainers?: number },
): Promise<World> {
  const db = await connectDatabase({ dataDir });
  try {
    return await buildWorld(opts);
  } finally {
    await db.close();
  }
}

/** Runs `fn` against a data dir (no server running on it), e.g. to count documents after a crash. */
export async function withDataDir<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const db = await connectDatabase({ dataDir });
  try {
    return await fn();
  } finally {
    await db.close();
  }
}
