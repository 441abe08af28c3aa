import { startEmbeddedServer, type EmbeddedServer } from './index';

/**
 * Where conformance tests run: a real MongoDB when MONGODB_URI_TEST is set, else a fresh in-memory engine.
 * Each caller gets its own database name so runs never see each other's data.
 */
export async function conformanceTarget(): Promise<{ uri: string; dbName: string; close(): Promise<void> }> {
  const dbName = `conformance_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const external = process.env.MONGODB_URI_TEST;
  if (external) return { uri: external, dbName, close: async () => undefined };
  const server: EmbeddedServer = await startEmbeddedServer({ port: 0, dir: null });
  return { uri: server.uri, dbName, close: () => server.close() };
}
