import mongoose from 'mongoose';
import { logger } from '../logger';
import { startEmbeddedServer, type EmbeddedServer } from './embedded';

export type DbKind = 'embedded' | 'mongodb';

export interface Database {
  kind: DbKind;
  uri: string;
  connection: mongoose.Connection;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A real MongoDB; when absent the embedded engine is started in-process. */
  uri?: string;
  /** Data directory for the embedded engine; null keeps everything in memory (tests). */
  dataDir?: string | null;
  dbName?: string;
  /** Run the embedded engine on a worker thread (a second core); default true. */
  thread?: boolean;
}

/** The one place that connects mongoose. */
export async function connectDatabase(opts: ConnectOptions): Promise<Database> {
  const embedded: EmbeddedServer | undefined = opts.uri
    ? undefined
    : await startEmbeddedServer({
        host: '127.0.0.1',
        port: 0,
        dir: opts.dataDir ?? null,
        thread: opts.thread ?? true,
      });
  const uri = opts.uri ?? embedded!.uri;
  const kind: DbKind = embedded ? 'embedded' : 'mongodb';
  const connection = await mongoose.connect(uri, {
    dbName: opts.dbName ?? 'jiugai',
    serverSelectionTimeoutMS: 10_000,
  });
  logger.info(
    { db: kind, dataDir: embedded ? (opts.dataDir ?? 'memory') : undefined },
    kind === 'embedded' ? '使用内置数据库 (embedded MongoDB-compatible engine)' : '连接外部 MongoDB',
  );
  return {
    kind,
    uri,
    connection: connection.connection,
    async close() {
      await mongoose.disconnect();
      await embedded?.close();
    },
  };
}
