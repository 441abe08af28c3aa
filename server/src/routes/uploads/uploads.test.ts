import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import { createUser, tokenFor } from '../../../test/factories';
import { imageForm, tinyGif, tinyPng } from '../../../test/images';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = tokenFor(server, await createUser('resident'));
});
afterAll(async () => server?.close());

describe('uploads', () => {
  it('stores an image under a random name and serves it back with its type', async () => {
    const res = await call(server, 'POST', '/api/v1/uploads', {
      token,
      body: imageForm(tinyPng, '../../etc/passwd.png'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mime: 'image/png',
      size: tinyPng.length,
      url: `/api/v1/uploads/${res.body.name}`,
    });
    expect(res.body.name).toMatch(/^[a-f0-9]{32}\.png$/);
    const got = await call(server, 'GET', res.body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(got.body, tinyPng)).toBe(0);
  });

  it('judges by content, not by name', async () => {
    const gifNamedJpg = await call(server, 'POST', '/api/v1/uploads', {
      token,
      body: imageForm(tinyGif, 'a.jpg'),
    });
    expect(gifNamedJpg.status).toBe(201);
    expect(gifNamedJpg.body.name).toMatch(/\.gif$/);
    const htmlNamedPng = await call(server, 'POST', '/api/v1/uploads', {
      token,
      body: imageForm(Buffer.from('<html><script>alert(1)</script></html>'), 'x.png'),
    });
    expect(htmlNamedPng.status).toBe(415);
    expect(htmlNamedPng.body.error).toMatchObject({
      code: 'unsupported_media',
      message: '只能上传 JPG、PNG、WebP 或 GIF 图片',
    });
  });

  it('refuses files over 5 MB', async () => {
    const big = Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024 + 10)]);
    const res = await call(server, 'POST', '/api/v1/uploads', { token, body: imageForm(big) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('文件不能超过 5 MB');
  });

  it('needs a login, a file and a multipart body', async () => {
    expect((await call(server, 'POST', '/api/v1/uploads', { body: imageForm(tinyPng) })).status).toBe(401);
    const noFile = await call(server, 'POST', '/api/v1/uploads', { token, body: new FormData() });
    expect(noFile.status).toBe(400);
    const json = await call(server, 'POST', '/api/v1/uploads', { token, body: { file: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);
  });

  it('serves nothing outside the upload folder', async () => {
    for (const path of [
      '/api/v1/uploads/..%2F..%2Fpackage.json',
      '/api/v1/uploads/%2e%2e',
      '/api/v1/uploads/x.png',
    ]) {
      const res = await call(server, 'GET', path);
      expect([400, 404]).toContain(res.status);
    }
    const missing = await call(server, 'GET', `/api/v1/uploads/${'0'.repeat(32)}.png`);
    expect(missing.status).toBe(404);
  });
});
