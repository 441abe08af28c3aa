/**
 * Standalone embedded database, for any MongoDB client (mongosh, Compass, scripts):
 *   npm run db -w server -- --port 27017 --dir ./data      (or --memory for no data dir)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedServer } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: './data' },
    memory: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run db -w server -- [--port 27017] [--host 127.0.0.1] [--dir ./data | --memory]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

const dir = values.memory ? null : path.resolve(values.dir);
const server = await startEmbeddedServer({ host: values.host, port, dir });
console.log(server.uri);
console.error(
  `embedded MongoDB-compatible database listening on ${values.host}:${server.port}, ${dir ? `data in ${dir}` : 'memory only'}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
