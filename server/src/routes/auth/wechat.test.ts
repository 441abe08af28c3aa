import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiblingServer, startTestServer, type TestServer } from '../../../test/testServer';
import { startFakeWechat, type FakeWechat } from '../../../test/fakeWechat';
import { call } from '../../../test/http';
import { User } from '../../models/user';

let base: TestServer;
let server: TestServer;
let wechat: FakeWechat;
beforeAll(async () => {
  base = await startTestServer();
  wechat = await startFakeWechat();
  server = await startSiblingServer(base, {
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'wx-test-secret',
    WECHAT_API_BASE: wechat.url,
  });
});
afterAll(async () => {
  await server?.close();
  await wechat?.close();
  await base?.close();
});

describe('WeChat login', () => {
  it('exchanges the code for an openid and never returns the session key', async () => {
    wechat.codes.set('code-1', 'openid-wx-1');
    const res = await call(server, 'POST', '/api/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('resident');
    expect(JSON.stringify(res.body)).not.toMatch(/SECRET-SESSION-KEY|session_key/);
    expect(
      wechat.requests.some((r) => r.startsWith('GET /sns/jscode2session') && r.includes('js_code=code-1')),
    ).toBe(true);
    const stored = await User.findOne({ openid: 'openid-wx-1' }).lean();
    expect(JSON.stringify(stored)).not.toMatch(/SECRET-SESSION-KEY/);
    wechat.codes.set('code-2', 'openid-wx-1');
    const again = await call(server, 'POST', '/api/v1/auth/wechat', { body: { code: 'code-2' } });
    expect(again.body.user.id).toBe(res.body.user.id);
  });

  it('answers 401 for a code WeChat rejects', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/wechat', { body: { code: 'unknown-code' } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/微信登录凭证无效/);
  });

  it('answers 502 wechat_failed when WeChat is down', async () => {
    wechat.down = true;
    try {
      const res = await call(server, 'POST', '/api/v1/auth/wechat', { body: { code: 'code-x' } });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe('wechat_failed');
    } finally {
      wechat.down = false;
    }
  });

  it('rejects a missing code with 400', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/wechat', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('turns the dev login off once WeChat is configured', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: 'x-1' } });
    expect(res.status).toBe(403);
  });

  it('is unavailable when WeChat is not configured', async () => {
    const res = await call(base, 'POST', '/api/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('wechat_failed');
  });
});
