/**
 * Notice-board figures (run: npm run bench:board). The demo district (30 projects) is loaded into the real app on the
 * embedded database; autocannon (50 connections, 10 s) reads the public board of all 30 projects by scene id, and,
 * in the same run, a bare Koa endpoint returning a constant. The 10 s of each are taken in alternating 2 s slices so
 * that a change in machine load hits both alike. Prints req/s and p99 of both and their ratio.
 * Targets: ratio ≥ 0.7, p99 < 50 ms. App, database and load generator share this one process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Koa from 'koa';
import { startTestServer } from '../server/test/testServer';
import { seedDemo } from '../server/src/seed/demo';
import { Project } from '../server/src/models/project';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const SLICES = 5;

type Result = autocannon.Result;
const run = (opts: autocannon.Options) =>
  new Promise<Result>((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );
interface Totals {
  requests: number;
  seconds: number;
  errors: number;
  p99s: number[];
}
const perSecond = (t: Totals) => t.requests / (t.seconds || 1);
const add = (t: Totals, r: Result): void => {
  t.requests += r.requests.total;
  t.seconds += r.duration;
  t.errors += r.errors + r.non2xx;
  t.p99s.push(r.latency.p99);
};
const empty = (): Totals => ({ requests: 0, seconds: 0, errors: 0, p99s: [] });
/** p99 per slice: the median slice (typical) and the worst slice (a slice that met a load spike on this machine). */
const p99 = (t: Totals) => [...t.p99s].sort((a, b) => a - b)[Math.floor(t.p99s.length / 2)];
const worstP99 = (t: Totals) => Math.max(...t.p99s);

async function bareKoa(): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Koa();
  app.use(async (ctx) => {
    ctx.body = { ok: true };
  });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main() {
  const app = await startTestServer();
  const bare = await bareKoa();
  try {
    await seedDemo();
    const scenes = (await Project.find({}, { sceneId: 1 }).lean()).map((p) => p.sceneId);
    for (const s of scenes) {
      const res = await fetch(`${app.url}/api/v1/projects/${s}/board`);
      if (res.status !== 200) throw new Error(`board ${s} answered ${res.status}`);
    }
    const common = { connections: CONNECTIONS, duration: DURATION_S / SLICES };
    const requests = scenes.map((s) => ({ method: 'GET' as const, path: `/api/v1/projects/${s}/board` }));
    const baseline = empty();
    const board = empty();
    for (let i = 0; i < SLICES; i++) {
      add(baseline, await run({ ...common, url: `${bare.url}/` }));
      add(board, await run({ ...common, url: app.url, requests }));
    }
    const ratio = perSecond(board) / perSecond(baseline);
    const line = (label: string, t: Totals) =>
      `${label.padEnd(24)} ${perSecond(t).toFixed(0).padStart(7)} req/s   p99 ${String(p99(t)).padStart(4)} ms (worst slice ${worstP99(t)} ms)   errors ${t.errors}`;
    console.log(
      `\nboard benchmark: ${CONNECTIONS} connections, ${DURATION_S} s each in ${SLICES} alternating slices, ${scenes.length} boards`,
    );
    console.log(line('bare Koa (constant)', baseline));
    console.log(line('GET /projects/:id/board', board));
    console.log(
      `ratio board / bare: ${ratio.toFixed(2)} (target ≥ 0.7)   board p99: ${p99(board)} ms (target < 50 ms)`,
    );
    if (board.errors > 0) process.exitCode = 1;
  } finally {
    await bare.close();
    await app.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
