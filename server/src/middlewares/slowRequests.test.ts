import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import Router from '@koa/router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../logger';
import { slowRequests } from './slowRequests';

async function serve(thresholdMs: number) {
  const app = new Koa();
  const router = new Router();
  router.get('/projects/:id/board', async (ctx) => {
    await new Promise((r) => setTimeout(r, Number(ctx.query.wait ?? 0)));
    ctx.body = { ok: true };
  });
  app.use(slowRequests(thresholdMs));
  app.use(router.routes());
  const server = http.createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    get: (path: string) => fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.status),
    close: () => new Promise((r) => server.close(r)),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('slow request log', () => {
  it('names the route, status and time of a request over the threshold, and only of those', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const app = await serve(40);
    expect(await app.get('/projects/p1/board?wait=0')).toBe(200);
    expect(warn).not.toHaveBeenCalled();
    expect(await app.get('/projects/p2/board?wait=80')).toBe(200);
    await app.close();
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields, message] = warn.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe('slow request');
    expect(fields).toMatchObject({ method: 'GET', route: '/projects/:id/board', status: 200 });
    expect(fields.ms).toBeGreaterThanOrEqual(75);
  });

  it('logs nothing when turned off', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const app = await serve(0);
    expect(await app.get('/projects/p1/board?wait=60')).toBe(200);
    await app.close();
    expect(warn).not.toHaveBeenCalled();
  });
});
