import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiblingServer, startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createHouseholds,
  createRegionChain,
  createUser,
  testPassword,
  tokenFor,
} from '../../../test/factories';
import { User } from '../../models/user';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('staff login', () => {
  it('returns tokens and the scoped user for the right password', async () => {
    const chain = await createRegionChain();
    const staff = await createUser('community_staff', chain.community);
    const res = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: testPassword },
    });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toBeTruthy();
    expect(res.body.refreshToken).toBeTruthy();
    expect(res.body.user).toMatchObject({
      role: 'community_staff',
      scopeRegionName: chain.community.name,
      phone: '139****5678',
    });
    const me = await call(server, 'GET', '/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.account).toBe(staff.account);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const staff = await createUser('street_staff');
    const wrong = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'nope12345' },
    });
    const unknown = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: 'nobody-here', password: 'nope12345' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error).toMatchObject({ code: 'bad_credentials', message: '账号或密码错误' });
  });

  it('locks the account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    const staff = await createUser('bureau_admin');
    for (let i = 0; i < 4; i++) {
      const r = await call(server, 'POST', '/api/v1/auth/login', {
        body: { account: staff.account, password: 'wrong-pass1' },
      });
      expect(r.status).toBe(401);
    }
    const fifth = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'wrong-pass1' },
    });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    const right = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: testPassword },
    });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/锁定/);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });

  it('refuses a disabled account', async () => {
    const staff = await createUser('expert', null, { disabled: true });
    const res = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: testPassword },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/停用/);
  });

  it('rejects a bad body with 400 and a Chinese message', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/login', { body: { account: '', password: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/请输入账号/);
  });

  it('limits login attempts per account with 429 and Retry-After', async () => {
    let last = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: 'flood-account', password: 'x' },
    });
    for (let i = 0; i < 10; i++)
      last = await call(server, 'POST', '/api/v1/auth/login', {
        body: { account: 'flood-account', password: 'x' },
      });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('tokens', () => {
  it('refreshes with the refresh token, not with the access token', async () => {
    const staff = await createUser('street_staff');
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: testPassword },
    });
    const refreshed = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(String(staff._id));
    const wrongKind = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: login.body.accessToken },
    });
    expect(wrongKind.status).toBe(401);
    const asAccess = await call(server, 'GET', '/api/v1/auth/me', { token: login.body.refreshToken });
    expect(asAccess.status).toBe(401);
  });

  it('stops refreshing a disabled account', async () => {
    const staff = await createUser('street_staff');
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: testPassword },
    });
    await User.updateOne({ _id: staff._id }, { $set: { disabled: true } });
    const res = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(res.status).toBe(401);
  });

  it('requires a token for /me', async () => {
    const res = await call(server, 'GET', '/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
  });

  it("lists a resident's bound households on /me", async () => {
    const chain = await createRegionChain();
    const [h] = await createHouseholds(chain.building, 1);
    const resident = await createUser('resident', null, { householdIds: [h._id] });
    const me = await call(server, 'GET', '/api/v1/auth/me', { token: tokenFor(server, resident) });
    expect(me.status).toBe(200);
    expect(me.body.households).toEqual([
      expect.objectContaining({
        id: String(h._id),
        compoundName: chain.compound.name,
        buildingName: '1号楼',
        room: '101',
      }),
    ]);
  });
});

describe('dev login', () => {
  it('logs in a test openid as a resident or a supervisor', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: 'dev-user-1' } });
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('resident');
    const sup = await call(server, 'POST', '/api/v1/auth/dev-login', {
      body: { openid: 'dev-sup-1', role: 'supervisor' },
    });
    expect(sup.body.user.role).toBe('supervisor');
    const again = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: 'dev-user-1' } });
    expect(again.body.user.id).toBe(res.body.user.id);
  });

  it('rejects an invalid openid and nothing is written', async () => {
    const res = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: 'has space' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/openid/);
    expect(await User.exists({ openid: 'has space' })).toBeNull();
  });

  it('is refused in production', async () => {
    const prod = await startSiblingServer(server, { NODE_ENV: 'production' });
    try {
      const res = await call(prod, 'POST', '/api/v1/auth/dev-login', { body: { openid: 'dev-user-2' } });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('开发登录已关闭');
    } finally {
      await prod.close();
    }
  });
});
