import { parentPort, workerData } from 'node:worker_threads';
import { startInThisThread, type EmbeddedServerOptions } from './index';

/** Runs inside the worker started by startEmbeddedServer({ thread: true }): the engine's TCP server and journal. */
const port = parentPort!;
const opts = workerData as EmbeddedServerOptions;

try {
  const server = await startInThisThread(opts);
  port.on('message', (msg: { type: string }) => {
    if (msg.type !== 'close') return;
    server.close().then(
      () => port.postMessage({ type: 'closed' }),
      (err: Error) => port.postMessage({ type: 'closed', error: err.message }),
    );
  });
  port.postMessage({ type: 'ready', port: server.port });
} catch (err) {
  port.postMessage({ type: 'error', message: (err as Error).message });
}
