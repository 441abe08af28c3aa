import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './middlewares/errorHandler';
import { staticSites } from './static';

let url = '';
let server: http.Server;
beforeAll(async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-static-'));
  const admin = path.join(base, 'admin');
  fs.mkdirSync(path.join(admin, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(admin, 'index.html'), '<!doctype html><title>管理后台</title>');
  fs.writeFileSync(path.join(admin, 'assets', 'index.3f2a9c1b.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  const app = new Koa();
  app.use(errorHandler());
  app.use(staticSites({ admin, h5: path.join(base, 'missing-h5') }));
  server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('static sites', () => {
  it('redirects / to the admin console and serves its index', async () => {
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/admin/');
    const index = await fetch(`${url}/admin/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('管理后台');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a long cache, and index.html for client-side routes', async () => {
    const asset = await fetch(`${url}/admin/assets/index.3f2a9c1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    const route = await fetch(`${url}/admin/projects/123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('管理后台');
    expect((await fetch(`${url}/admin/assets/missing.js`)).status).toBe(404);
  });

  it('serves nothing outside the build folder and nothing for a missing build', async () => {
    const res = await fetch(`${url}/admin/..%2Fsecret.txt`);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('secret');
    expect((await fetch(`${url}/h5/`)).status).toBe(404);
  });
});
