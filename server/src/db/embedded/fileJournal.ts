import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChangeBatch, Engine } from './engine';
import { CommandError, outOfDiskSpace } from './errors';
import type { Journal } from './journal';
import { lockDataDir } from './dataDirLock';
import { decodeRecords, encodeRecord } from './journalFormat';

/**
 * Append-only journal in `<dir>/jiugai-db.journal`. Every acknowledged command is in it and fsynced:
 * commands that arrive while a write is in flight are written and synced together (group commit).
 * Compaction rewrites the state as a snapshot in the background once the file has grown well past it.
 */

export const JOURNAL_FILE = 'jiugai-db.journal';

export interface FileJournalOptions {
  /** Compact once the journal is bigger than this and more than twice its size after the last compaction. */
  compactAtBytes?: number;
  /** Test seam: called before each write with the bytes about to be written; may throw (e.g. ENOSPC). */
  beforeWrite?: (bytes: number) => void;
}

interface PendingWrite {
  data: Buffer;
  batch: ChangeBatch;
  resolve: () => void;
  reject: (err: Error) => void;
}

type Task = { kind: 'write'; write: PendingWrite } | { kind: 'task'; run: () => Promise<void> };

function diskError(err: unknown): CommandError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC' || e.code === 'EDQUOT') {
    return outOfDiskSpace(
      'the disk is full (ENOSPC): the write was not saved and has been undone; reads still work',
    );
  }
  return new CommandError(
    1,
    'InternalError',
    `journal write failed (${e.code ?? e.message}): the write was not saved and has been undone`,
  );
}

class FileJournal implements Journal {
  private queue: Task[] = [];
  private draining = false;
  private broken: Error | undefined;
  private compacting = false;
  private compactedSize: number;
  private closed = false;

  constructor(
    private file: fs.FileHandle,
    private size: number,
    private readonly filePath: string,
    private readonly engine: Engine,
    private readonly opts: FileJournalOptions,
    private readonly unlock: () => Promise<void>,
  ) {
    this.compactedSize = size;
  }

  commit(batch: ChangeBatch): Promise<void> {
    if (this.broken) {
      batch.rollback();
      return Promise.reject(diskError(this.broken));
    }
    const data = encodeRecord(batch.ops);
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'write', write: { data, batch, resolve, reject } });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) {
        const first = this.queue[0];
        if (first.kind === 'task') {
          this.queue.shift();
          await first.run();
          continue;
        }
        const end = this.queue.findIndex((t) => t.kind !== 'write');
        const group = this.queue
          .splice(0, end < 0 ? this.queue.length : end)
          .map((t) => (t as { write: PendingWrite }).write);
        await this.writeGroup(group);
      }
      this.maybeCompact();
    } finally {
      this.draining = false;
    }
  }

  private async writeGroup(group: PendingWrite[]): Promise<void> {
    const data = group.length === 1 ? group[0].data : Buffer.concat(group.map((w) => w.data));
    try {
      if (this.broken) throw this.broken;
      this.opts.beforeWrite?.(data.length);
      await this.file.write(data, 0, data.length, this.size);
      await this.file.datasync();
      this.size += data.length;
      for (const w of group) w.resolve();
    } catch (err) {
      // Cut off whatever part of the group reached the file, so later records follow intact ones.
      try {
        await this.file.truncate(this.size);
      } catch (truncateErr) {
        this.broken = truncateErr as Error;
      }
      // Writes queued meanwhile were applied after this group and may build on it: they are undone too,
      // newest first, so memory goes back to exactly what the journal holds.
      const later = this.queue
        .filter((t): t is { kind: 'write'; write: PendingWrite } => t.kind === 'write')
        .map((t) => t.write);
      this.queue = this.queue.filter((t) => t.kind !== 'write');
      const failed = [...group, ...later];
      for (let i = failed.length - 1; i >= 0; i--) failed[i].batch.rollback();
      const error = diskError(err);
      for (const w of failed) w.reject(error);
    }
  }

  /** Starts a compaction when nothing is in flight, so memory holds exactly what the journal holds. */
  private maybeCompact(): void {
    const threshold = this.opts.compactAtBytes ?? 64 * 1024 * 1024;
    if (
      this.closed ||
      this.compacting ||
      this.broken ||
      this.size < threshold ||
      this.size < 2 * this.compactedSize
    )
      return;
    this.compacting = true;
    const snapshot = this.engine.snapshot();
    const tailStart = this.size;
    const tmpPath = this.filePath + '.compact';
    void (async () => {
      let tmp: fs.FileHandle | undefined;
      try {
        tmp = await fs.open(tmpPath, 'w+');
        let offset = 0;
        for (let i = 0; i < snapshot.length; i += 500) {
          const data = encodeRecord(snapshot.slice(i, i + 500));
          this.opts.beforeWrite?.(data.length);
          await tmp.write(data, 0, data.length, offset);
          offset += data.length;
        }
        await tmp.datasync();
        const handle = tmp;
        const snapshotSize = offset;
        this.queue.push({
          kind: 'task',
          run: () => this.finishCompaction(handle, snapshotSize, tailStart, tmpPath),
        });
        void this.drain();
      } catch (err) {
        process.emitWarning(
          `embedded db: journal compaction failed, will retry later: ${(err as Error).message}`,
        );
        await tmp?.close().catch(() => undefined);
        await fs.rm(tmpPath, { force: true });
        this.compactedSize = this.size; // back off until the journal doubles again
        this.compacting = false;
      }
    })();
  }

  /** Runs in the write queue: appends what was written meanwhile, then swaps the files. */
  private async finishCompaction(
    tmp: fs.FileHandle,
    snapshotSize: number,
    tailStart: number,
    tmpPath: string,
  ): Promise<void> {
    try {
      const tailLength = this.size - tailStart;
      const tail = Buffer.alloc(tailLength);
      if (tailLength) await this.file.read(tail, 0, tailLength, tailStart);
      if (tailLength) await tmp.write(tail, 0, tailLength, snapshotSize);
      await tmp.datasync();
      await fs.rename(tmpPath, this.filePath);
      await syncDir(path.dirname(this.filePath));
      await this.file.close();
      this.file = tmp;
      this.size = snapshotSize + tailLength;
      this.compactedSize = this.size;
    } catch (err) {
      process.emitWarning(
        `embedded db: journal compaction failed, will retry later: ${(err as Error).message}`,
      );
      await tmp.close().catch(() => undefined);
      await fs.rm(tmpPath, { force: true });
      this.compactedSize = this.size;
    } finally {
      this.compacting = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.draining || this.queue.length || this.compacting) await new Promise((r) => setTimeout(r, 5));
    await this.file.close();
    await this.unlock();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Opens (or creates) the journal in `dir`, replays it into the engine and drops a torn last record. */
export async function openFileJournal(
  dir: string,
  engine: Engine,
  opts: FileJournalOptions = {},
): Promise<Journal> {
  await fs.mkdir(dir, { recursive: true });
  const unlock = await lockDataDir(dir);
  try {
    const filePath = path.join(dir, JOURNAL_FILE);
    await fs.rm(filePath + '.compact', { force: true });
    const data = await fs.readFile(filePath).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return Buffer.alloc(0);
      throw err;
    });
    const { records, validLength } = decodeRecords(data);
    for (const ops of records) for (const op of ops) engine.apply(op);
    const file = await fs.open(filePath, data.length ? 'r+' : 'w+');
    if (validLength < data.length) {
      await file.truncate(validLength);
      await file.datasync();
    }
    await syncDir(dir);
    return new FileJournal(file, validLength, filePath, engine, opts, unlock);
  } catch (err) {
    await unlock();
    throw err;
  }
}
