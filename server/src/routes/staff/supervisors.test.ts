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
import type { UserDoc } from '../../models/user';
import { User } from '../../models/user';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let resident: UserDoc;
let staffToken: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('监督区');
  other = await createRegionChain('另区');
  const [h] = await createHouseholds(mine.building, 1);
  resident = await createUser('resident', null, { name: '张建华', householdIds: [h._id] });
  staffToken = tokenFor(server, await createUser('community_staff', mine.community));
});
afterAll(async () => server?.close());

describe('supervision-group members', () => {
  it('lists bound residents of a compound as candidates, masked', async () => {
    const res = await call(server, 'GET', `/api/v1/supervisors/candidates?compoundId=${mine.compound._id}`, {
      token: staffToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: String(resident._id),
        role: 'resident',
        name: '张**',
        phone: '139****5678',
        households: [expect.objectContaining({ buildingName: '1号楼', room: '101' })],
      }),
    ]);
    expect(
      (
        await call(server, 'GET', `/api/v1/supervisors/candidates?compoundId=${other.compound._id}`, {
          token: staffToken,
        })
      ).status,
    ).toBe(403);
  });

  it('appoints a resident, who then logs in as a supervisor; and takes the role back', async () => {
    const res = await call(server, 'POST', '/api/v1/supervisors', {
      token: staffToken,
      body: {
        userId: String(resident._id),
        scopeRegionId: String(mine.compound._id),
        category: 'npc_deputy',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      role: 'supervisor',
      supervisorCategory: 'npc_deputy',
      scopeRegionName: mine.compound.name,
    });
    const login = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: resident.openid } });
    expect(login.body.user).toMatchObject({ role: 'supervisor', scopePath: mine.compound.path });
    const list = await call(server, 'GET', '/api/v1/supervisors', { token: staffToken });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(String(resident._id));
    const outsider = tokenFor(server, await createUser('community_staff', other.community));
    expect(
      (await call(server, 'DELETE', `/api/v1/supervisors/${resident._id}`, { token: outsider })).status,
    ).toBe(403);
    expect(
      (await call(server, 'DELETE', `/api/v1/supervisors/${resident._id}`, { token: staffToken })).status,
    ).toBe(204);
    expect((await User.findById(resident._id).lean())?.role).toBe('resident');
    // The supervisor's token stops working at once; logging in again gives a resident's session.
    const stale = await call(server, 'GET', '/api/v1/supervision/projects/mine', {
      token: login.body.accessToken,
    });
    expect(stale.status).toBe(401);
    const again = await call(server, 'POST', '/api/v1/auth/dev-login', { body: { openid: resident.openid } });
    expect(again.body.user.role).toBe('resident');
  });

  it('validates the appointment and writes nothing on error', async () => {
    const badCategory = await call(server, 'POST', '/api/v1/supervisors', {
      token: staffToken,
      body: { userId: String(resident._id), scopeRegionId: String(mine.compound._id), category: 'king' },
    });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.error.message).toMatch(/请选择监督员身份/);
    const staffTarget = await createUser('street_staff', mine.street);
    const notResident = await call(server, 'POST', '/api/v1/supervisors', {
      token: staffToken,
      body: { userId: String(staffTarget._id), scopeRegionId: String(mine.compound._id) },
    });
    expect(notResident.status).toBe(404);
    const wrongLevel = await call(server, 'POST', '/api/v1/supervisors', {
      token: staffToken,
      body: { userId: String(resident._id), scopeRegionId: String(mine.building._id) },
    });
    expect(wrongLevel.status).toBe(400);
    expect((await User.findById(resident._id).lean())?.role).toBe('resident');
    expect((await call(server, 'GET', '/api/v1/supervisors')).status).toBe(401);
    const expert = tokenFor(server, await createUser('expert', mine.district));
    expect((await call(server, 'GET', '/api/v1/supervisors', { token: expert })).status).toBe(403);
  });
});
