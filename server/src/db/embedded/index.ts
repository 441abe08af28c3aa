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
}

/** Starts the embedded MongoDB-wire-compatible engine and listens for drivers. */
export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
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
