import http from 'node:http';
import { loadEnv } from './env';
import { logger } from './logger';
import { connectDatabase } from './db/connect';
import { createApp } from './app';
import { prepareDemoData } from './seed/prepare';
import { escalateOverdueComplaints } from './commands/complaintEscalation';
import { startRevocationSync } from './auth/revocations';

/** Overdue complaints move up to the street office and the bureau even when nobody opens a queue. */
const escalationSweepMs = 10 * 60 * 1000;

async function main() {
  const env = loadEnv();
  const db = await connectDatabase({
    uri: env.MONGODB_URI,
    dataDir: env.JIUGAI_DB_MODE === 'memory' ? null : env.dataDir,
    thread: env.JIUGAI_DB_THREAD === '1',
  });
  await prepareDemoData(env);
  const stopRevocationSync = startRevocationSync();
  const app = createApp(env, db);
  const server = http.createServer(app.callback());
  server.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : env.PORT;
    logger.info({ port, db: db.kind }, `旧改通服务已启动: http://localhost:${port}`);
  });
  const sweep = setInterval(() => {
    escalateOverdueComplaints().catch((err) => logger.error({ err }, 'complaint escalation sweep failed'));
  }, escalationSweepMs);
  sweep.unref();
  const shutdown = async () => {
    clearInterval(sweep);
    stopRevocationSync();
    server.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
