import { Worker } from 'node:worker_threads';
import { reserveDataDir } from './dataDirLock';
import { Engine } from './engine';
import type { FileJournalOptions } from './fileJournal';
import type { Journal } from './journal';
import { WireServer } from './server';

export interface EmbeddedServer {
  uri: string;
  port: number;
  close(): Promise<void>;
}

export interface EmbeddedServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Data directory for the journal; null keeps everything in memory. */
  dir?: string | null;
  /** Journal tuning and test seams (compaction threshold, write fault injection). */
  journal?: FileJournalOptions;
  /** Interval of the TTL monitor that deletes expired documents; default 60s as in MongoDB. */
  ttlMonitorMs?: number;
  /**
   * Run the engine (TCP server, journal, TTL monitor) in a worker thread so that it does not share the main
   * thread with the app. Not with journal.beforeWrite (a function cannot cross threads): that runs in-process.
   */
  thread?: boolean;
}

/** Starts the embedded MongoDB-wire-compatible engine and listens for drivers. */
export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  if (opts.thread && !opts.journal?.beforeWrite) return startInWorker(opts);
  return startInThisThread(opts);
}

type WorkerMessage =
  { type: 'ready'; port: number } | { type: 'error'; message: string } | { type: 'closed'; error?: string };

async function startInWorker(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = opts.host ?? '127.0.0.1';
  // The worker's lock registry is its own: keep this process's "one engine per directory" check here.
  const release = opts.dir ? reserveDataDir(opts.dir) : () => {};
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: {
      host,
      port: opts.port ?? 0,
      dir: opts.dir ?? null,
      journal: opts.journal,
      ttlMonitorMs: opts.ttlMonitorMs,
    },
  });
  let port: number;
  let started = () => {};
  try {
    port = await new Promise<number>((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the embedded database worker exited (code ${code})`));
      const onMessage = (msg: WorkerMessage) =>
        msg.type === 'ready'
          ? resolve(msg.port)
          : reject(new Error(msg.type === 'error' ? msg.message : msg.type));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', onMessage);
      started = () => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        worker.off('message', onMessage);
      };
    });
    started();
  } catch (err) {
    await worker.terminate();
    release();
    throw err;
  }
  // After start-up a failure of the engine is as fatal as it would be in-process.
  worker.on('error', (err) => {
    release();
    process.nextTick(() => {
      throw err;
    });
  });
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  let closing: Promise<void> | undefined;
  return {
    uri: `mongodb://${host}:${port}/?directConnection=true`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        if (exited) {
          release();
          resolve();
          return;
        }
        worker.once('message', (msg: WorkerMessage) => {
          const done = () => {
            release();
            if (msg.type === 'closed' && msg.error) reject(new Error(msg.error));
            else resolve();
          };
          worker.terminate().then(done, done);
        });
        worker.once('exit', () => {
          release();
          resolve();
        });
        worker.postMessage({ type: 'close' });
      });
      return closing;
    },
  };
}

/** The engine on this thread (also what the worker runs). */
export async function startInThisThread(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = opts.host ?? '127.0.0.1';
  const engine = new Engine();
  let journal: Journal | undefined;
  if (opts.dir) {
    const { openFileJournal } = await import('./fileJournal');
    journal = await openFileJournal(opts.dir, engine, opts.journal);
  }
  const server = new WireServer({ engine, journal, ttlMonitorMs: opts.ttlMonitorMs });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0, host);
  } catch (err) {
    await server.close();
    await journal?.close();
    throw err;
  }
  return {
    uri: `mongodb://${host}:${port}/?directConnection=true`,
    port,
    async close() {
      await server.close();
      await journal?.close();
    },
  };
}
