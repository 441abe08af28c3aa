import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/health', () => {
  it('reports the database the server talks to', async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      ok: true,
      db: process.env.MONGODB_URI_TEST ? 'mongodb' : 'embedded',
      version: expect.any(String),
    });
  });
});

describe('methods a route does not have', () => {
  it('answers 405 with the allowed methods and a Chinese error, and 404 for an unknown path', async () => {
    const wrong = await fetch(`${server.url}/api/v1/health`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe('不支持该请求方法');
    const unknown = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('接口不存在');
  });
});
