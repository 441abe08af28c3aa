import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv, type Env } from '../src/env';
import { connectDatabase, type Database } from '../src/db/connect';
import { createApp } from '../src/app';

export interface TestServer {
  url: string;
  env: Env;
  db: Database;
  close(): Promise<void>;
}

/** The real app on a random port over the embedded database kept in memory (or MONGODB_URI_TEST). */
export async function startTestServer(overrides: Partial<NodeJS.ProcessEnv> = {}): Promise<TestServer> {
  const env = loadEnv({
    NODE_ENV: 'test',
    JWT_SECRET: 'test-secret-0123456789abcdef',
    JIUGAI_DB_MODE: 'memory',
    ...overrides,
  } as NodeJS.ProcessEnv);
  const db = await connectDatabase({
    uri: process.env.MONGODB_URI_TEST,
    dataDir: null,
    dbName: `jiugai_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
  });
  const server = http.createServer(createApp(env, db).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    env,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

/**
 * A second app over the same database with different settings (e.g. NODE_ENV=production, WeChat configured):
 * mongoose keeps one connection per process, so tests that need another configuration share it.
 */
export async function startSiblingServer(
  base: TestServer,
  overrides: Partial<NodeJS.ProcessEnv>,
): Promise<TestServer> {
  const env = loadEnv({
    NODE_ENV: 'test',
    JWT_SECRET: base.env.JWT_SECRET,
    JIUGAI_DB_MODE: 'memory',
    ...overrides,
  } as NodeJS.ProcessEnv);
  const server = http.createServer(createApp(env, base.db).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    env,
    db: base.db,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
