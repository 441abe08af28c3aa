import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createHouseholds,
  createRegionChain,
  createUser,
  tokenFor,
  type RegionChain,
} from '../../../test/factories';
import type { HouseholdDoc } from '../../models/household';
import { BindingRequest } from '../../models/bindingRequest';
import { Household } from '../../models/household';
import { User } from '../../models/user';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let households: HouseholdDoc[];
let staffToken: string;
let otherStaffToken: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('绑定区');
  other = await createRegionChain('外区');
  households = await createHouseholds(mine.building, 4);
  staffToken = tokenFor(server, await createUser('community_staff', mine.community));
  otherStaffToken = tokenFor(server, await createUser('community_staff', other.community));
});
afterAll(async () => server?.close());

const residentToken = async () => {
  const user = await createUser('resident', null, { name: '' });
  return { user, token: tokenFor(server, user) };
};
const request = (h: HouseholdDoc, over: Record<string, unknown> = {}) => ({
  buildingId: String(h.buildingId),
  unit: h.unit,
  room: h.room,
  name: h.ownerName,
  phone: '13812345678',
  ...over,
});

describe('binding requests', () => {
  it('lets a resident pick a building and ask; staff approve; the household appears on /me', async () => {
    const { user, token } = await residentToken();
    const buildings = await call(
      server,
      'GET',
      `/api/v1/bindings/buildings?compoundId=${mine.compound._id}`,
      { token },
    );
    expect(buildings.body.items).toEqual([{ id: String(mine.building._id), name: '1号楼' }]);
    const asked = await call(server, 'POST', '/api/v1/bindings', { token, body: request(households[0]) });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      matchesOwner: true,
      room: '101',
      phone: '138****5678',
    });
    const again = await call(server, 'POST', '/api/v1/bindings', { token, body: request(households[0]) });
    expect(again.status).toBe(409);

    const list = await call(server, 'GET', '/api/v1/bindings?status=pending', { token: staffToken });
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
    const outsider = await call(server, 'GET', '/api/v1/bindings?status=pending', { token: otherStaffToken });
    expect(outsider.body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    expect(
      (await call(server, 'POST', `/api/v1/bindings/${asked.body.id}/approve`, { token: otherStaffToken }))
        .status,
    ).toBe(403);

    const approved = await call(server, 'POST', `/api/v1/bindings/${asked.body.id}/approve`, {
      token: staffToken,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const twice = await call(server, 'POST', `/api/v1/bindings/${asked.body.id}/approve`, {
      token: staffToken,
    });
    expect(twice.status).toBe(409);
    const me = await call(server, 'GET', '/api/v1/auth/me', { token });
    expect(me.body.households.map((h: { id: string }) => h.id)).toEqual([String(households[0]._id)]);
    expect((await User.findById(user._id).lean())?.name).toBe(households[0].ownerName);
  });

  it('rejects with a reason, and the resident sees it', async () => {
    const { token } = await residentToken();
    const asked = await call(server, 'POST', '/api/v1/bindings', {
      token,
      body: request(households[1], { name: '别人' }),
    });
    expect(asked.body.matchesOwner).toBe(false);
    const noReason = await call(server, 'POST', `/api/v1/bindings/${asked.body.id}/reject`, {
      token: staffToken,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const rejected = await call(server, 'POST', `/api/v1/bindings/${asked.body.id}/reject`, {
      token: staffToken,
      body: { reason: '姓名与业主不符' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '姓名与业主不符' });
    const mine = await call(server, 'GET', '/api/v1/bindings/mine', { token });
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', rejectReason: '姓名与业主不符' });
  });

  it('validates requests and writes nothing on error', async () => {
    const { token } = await residentToken();
    const before = await BindingRequest.countDocuments();
    const badPhone = await call(server, 'POST', '/api/v1/bindings', {
      token,
      body: request(households[2], { phone: '123' }),
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toMatch(/11 位手机号/);
    const noRoom = await call(server, 'POST', '/api/v1/bindings', {
      token,
      body: request(households[2], { room: '999' }),
    });
    expect(noRoom.status).toBe(404);
    expect(noRoom.body.error.message).toMatch(/找不到该房屋/);
    expect(await BindingRequest.countDocuments()).toBe(before);
    expect((await call(server, 'POST', '/api/v1/bindings', { body: request(households[2]) })).status).toBe(
      401,
    );
    expect(
      (await call(server, 'POST', '/api/v1/bindings', { token: staffToken, body: request(households[2]) }))
        .status,
    ).toBe(403);
  });
});

describe('binding codes', () => {
  it('staff print codes; a resident redeems one once; a resident can hold several households', async () => {
    const codes = await call(server, 'POST', '/api/v1/bindings/codes', {
      token: staffToken,
      body: { buildingId: String(mine.building._id) },
    });
    expect(codes.status).toBe(201);
    expect(codes.body.items).toHaveLength(4);
    expect(codes.body.items[0].code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const kept = await call(server, 'POST', '/api/v1/bindings/codes', {
      token: staffToken,
      body: { compoundId: String(mine.compound._id) },
    });
    expect(kept.body.items.map((i: { code: string }) => i.code)).toEqual(
      codes.body.items.map((i: { code: string }) => i.code),
    );

    const { token } = await residentToken();
    const [c3, c4] = codes.body.items.slice(2);
    const first = await call(server, 'POST', '/api/v1/bindings/redeem', {
      token,
      body: { code: c3.code.toLowerCase() },
    });
    expect(first.status).toBe(200);
    const second = await call(server, 'POST', '/api/v1/bindings/redeem', { token, body: { code: c4.code } });
    expect(second.body.households.map((h: { id: string }) => h.id).sort()).toEqual(
      [c3.householdId, c4.householdId].sort(),
    );
    const other = await residentToken();
    const reused = await call(server, 'POST', '/api/v1/bindings/redeem', {
      token: other.token,
      body: { code: c3.code },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toBe('绑定码无效或已被使用');
    expect((await Household.findById(c3.householdId).lean())?.bindingCode).toBeUndefined();

    const unbind = await call(server, 'DELETE', `/api/v1/bindings/households/${c4.householdId}`, { token });
    expect(unbind.status).toBe(204);
    const me = await call(server, 'GET', '/api/v1/auth/me', { token });
    expect(me.body.households.map((h: { id: string }) => h.id)).toEqual([c3.householdId]);
  });

  it('refuses malformed codes, codes out of scope and both or neither target', async () => {
    const { token } = await residentToken();
    const bad = await call(server, 'POST', '/api/v1/bindings/redeem', { token, body: { code: '0000' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/绑定码应为 8 位字母或数字/);
    const out = await call(server, 'POST', '/api/v1/bindings/codes', {
      token: otherStaffToken,
      body: { buildingId: String(mine.building._id) },
    });
    expect(out.status).toBe(403);
    const neither = await call(server, 'POST', '/api/v1/bindings/codes', { token: staffToken, body: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.error.message).toMatch(/请选择一个小区或一个楼栋/);
  });

  it('limits guessing codes', async () => {
    const { token } = await residentToken();
    let last = await call(server, 'POST', '/api/v1/bindings/redeem', { token, body: { code: 'AAAAAAAA' } });
    for (let i = 0; i < 10; i++)
      last = await call(server, 'POST', '/api/v1/bindings/redeem', { token, body: { code: 'AAAAAAAA' } });
    expect(last.status).toBe(429);
  });
});
