import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, whatever was not on disk is lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The real server (`server/src/main.ts`) as a child process on a data dir kept on disk, as production runs it.
 * Resolves once /api/v1/health answers ok.
 */
export async function startChild(
  dataDir: string,
  env: Record<string, string> = {},
  port?: number,
  /** Extra node flags, e.g. --trace-gc for the load bench's memory figures. */
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const p = port ?? (await freePort());
  const url = `http://127.0.0.1:${p}`;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      VITEST: '',
      NODE_ENV: 'development',
      PORT: String(p),
      HOST: '127.0.0.1',
      JIUGAI_DB_MODE: 'disk',
      JIUGAI_DATA_DIR: dataDir,
      JIUGAI_SEED_DEMO: 'no',
      JWT_SECRET: 'reliability-secret-0123456789',
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok && ((await res.json()) as { ok: boolean }).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    child,
    output: () => output,
    async kill() {
      if (done()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (done()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}
