import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import { createRegionChain, createUser, tokenFor, type RegionChain } from '../../../test/factories';
import { User } from '../../models/user';
import { AuditLog } from '../../models/auditLog';
import type { UserDoc } from '../../models/user';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let bureau: UserDoc;
let bureauToken: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('东城');
  other = await createRegionChain('西城');
  bureau = await createUser('bureau_admin', mine.district);
  bureauToken = tokenFor(server, bureau);
});
afterAll(async () => server?.close());

const newStaff = (over: Record<string, unknown> = {}) => ({
  account: `sq_${Math.random().toString(36).slice(2, 8)}`,
  name: '王社工',
  phone: '13800001111',
  role: 'community_staff',
  scopeRegionId: String(mine.community._id),
  password: 'Welcome123',
  ...over,
});

describe('staff accounts', () => {
  it('creates an account in scope that can log in, and audits it', async () => {
    const body = newStaff();
    const res = await call(server, 'POST', '/api/v1/staff', { token: bureauToken, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      account: body.account,
      role: 'community_staff',
      phone: '138****1111',
      scopeRegionName: mine.community.name,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: body.account, password: 'Welcome123' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.scopePath).toBe(mine.community.path);
    expect(await AuditLog.exists({ action: 'staff.create', targetId: res.body.id })).toBeTruthy();
  });

  it('rejects a weak password and a scope at the wrong level; nothing is written', async () => {
    const weak = newStaff({ password: 'short' });
    const res = await call(server, 'POST', '/api/v1/staff', { token: bureauToken, body: weak });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/密码至少 8 位/);
    const wrongLevel = newStaff({ scopeRegionId: String(mine.street._id) });
    const res2 = await call(server, 'POST', '/api/v1/staff', { token: bureauToken, body: wrongLevel });
    expect(res2.status).toBe(400);
    expect(res2.body.error.message).toBe('请选择社区');
    expect(await User.exists({ account: { $in: [weak.account, wrongLevel.account] } })).toBeNull();
  });

  it('refuses scopes outside the caller, super_admin creation and duplicate accounts', async () => {
    const out = await call(server, 'POST', '/api/v1/staff', {
      token: bureauToken,
      body: newStaff({ scopeRegionId: String(other.community._id) }),
    });
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('out_of_scope');
    const sa = await call(server, 'POST', '/api/v1/staff', {
      token: bureauToken,
      body: newStaff({ role: 'super_admin', scopeRegionId: undefined }),
    });
    expect(sa.status).toBe(403);
    const body = newStaff();
    expect((await call(server, 'POST', '/api/v1/staff', { token: bureauToken, body })).status).toBe(201);
    const dup = await call(server, 'POST', '/api/v1/staff', { token: bureauToken, body });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate', message: '账号已存在' });
  });

  it('lists only accounts in scope, with masked phones', async () => {
    await createUser('community_staff', other.community);
    const res = await call(server, 'GET', '/api/v1/staff?size=200', { token: bureauToken });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const s of res.body.items) expect(s.phone).toMatch(/^(\d{3}\*{4}\d{4})?$/);
    const ids = res.body.items.map((s: { id: string }) => s.id);
    const outside = await User.find({ scopePath: { $regex: `^${other.district.path}` } }).lean();
    for (const u of outside) expect(ids).not.toContain(String(u._id));
  });

  it('disables an account (which then cannot log in) and resets a password (which unlocks it)', async () => {
    const staff = await createUser('street_staff', mine.street, {
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const reset = await call(server, 'POST', `/api/v1/staff/${staff._id}/reset-password`, {
      token: bureauToken,
      body: { password: 'NewPass2024' },
    });
    expect(reset.status).toBe(204);
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'NewPass2024' },
    });
    expect(login.status).toBe(200);
    const off = await call(server, 'PATCH', `/api/v1/staff/${staff._id}`, {
      token: bureauToken,
      body: { disabled: true },
    });
    expect(off.status).toBe(200);
    expect(off.body.disabled).toBe(true);
    const again = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'NewPass2024' },
    });
    expect(again.status).toBe(403);
  });

  it('refuses refresh tokens issued before a password reset', async () => {
    const staff = await createUser('community_staff', mine.community);
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'Passw0rd!x' },
    });
    expect(login.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    await call(server, 'POST', `/api/v1/staff/${staff._id}/reset-password`, {
      token: bureauToken,
      body: { password: 'Changed2024' },
    });
    const refresh = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.message).toBe('密码已修改，请重新登录');
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: staff.account, password: 'Changed2024' },
    });
    const ok = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: fresh.body.refreshToken },
    });
    expect(ok.status).toBe(200);
  });

  it('answers 401, 403, 404 and out_of_scope', async () => {
    expect((await call(server, 'GET', '/api/v1/staff')).status).toBe(401);
    const street = tokenFor(server, await createUser('street_staff', mine.street));
    expect((await call(server, 'GET', '/api/v1/staff', { token: street })).status).toBe(403);
    const missing = await call(server, 'PATCH', '/api/v1/staff/64b7f0000000000000000000', {
      token: bureauToken,
      body: { name: '新' },
    });
    expect(missing.status).toBe(404);
    const elsewhere = await createUser('community_staff', other.community);
    const res = await call(server, 'PATCH', `/api/v1/staff/${elsewhere._id}`, {
      token: bureauToken,
      body: { name: '新' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('out_of_scope');
    const empty = await call(server, 'PATCH', `/api/v1/staff/${bureau._id}`, {
      token: bureauToken,
      body: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('请至少修改一项');
  });
});

describe('tokens already handed out', () => {
  it('stop working the moment an account is disabled or its password reset; a new login works at once', async () => {
    const staff = await createUser('community_staff', mine.community);
    const login = async (password: string) =>
      call(server, 'POST', '/api/v1/auth/login', { body: { account: staff.account, password } });
    const first = await login('Passw0rd!x');
    const me = (token: string) => call(server, 'GET', '/api/v1/auth/me', { token });
    expect((await me(first.body.accessToken)).status).toBe(200);

    await call(server, 'POST', `/api/v1/staff/${staff._id}/reset-password`, {
      token: bureauToken,
      body: { password: 'Changed2024' },
    });
    const stale = await me(first.body.accessToken);
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toBe('登录状态已失效，请重新登录');
    const second = await login('Changed2024');
    expect((await me(second.body.accessToken)).status).toBe(200);

    await call(server, 'PATCH', `/api/v1/staff/${staff._id}`, {
      token: bureauToken,
      body: { disabled: true },
    });
    expect((await me(second.body.accessToken)).status).toBe(401);
    const refresh = await call(server, 'POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(refresh.status).toBe(401);
  });
});
