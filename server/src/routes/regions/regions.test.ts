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
import { createTestProject } from '../../../test/factories';
import { Region } from '../../models/region';
import { Project } from '../../models/project';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let streetToken: string;
let communityToken: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('南区');
  other = await createRegionChain('北区');
  streetToken = tokenFor(server, await createUser('street_staff', mine.street));
  communityToken = tokenFor(server, await createUser('community_staff', mine.community));
});
afterAll(async () => server?.close());

describe('region tree', () => {
  it('shows a street worker the tree under their street only', async () => {
    const res = await call(server, 'GET', '/api/v1/regions/tree', { token: streetToken });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ name: mine.street.name, level: 'street' });
    expect(res.body[0].children[0].children[0]).toMatchObject({ level: 'compound', children: [] });
    const withBuildings = await call(server, 'GET', '/api/v1/regions/tree?includeBuildings=true', {
      token: streetToken,
    });
    expect(withBuildings.body[0].children[0].children[0].children[0]).toMatchObject({
      level: 'building',
      name: '1号楼',
    });
    expect(JSON.stringify(res.body)).not.toContain(other.street.name);
  });

  it('creates the next level under a parent in scope, with its path', async () => {
    const res = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: String(mine.compound._id), name: '2号楼', floors: 6 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ level: 'building', name: '2号楼', floors: 6 });
    expect(res.body.path).toBe(`${mine.compound.path}${res.body.id}/`);
  });

  it('rejects bad input, duplicates and buildings under buildings; nothing is written', async () => {
    const before = await Region.countDocuments();
    const empty = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: String(mine.compound._id), name: '' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/请输入名称/);
    const badId = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: 'xyz', name: 'a' },
    });
    expect(badId.status).toBe(400);
    const dup = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: String(mine.compound._id), name: '1号楼' },
    });
    expect(dup.status).toBe(409);
    const under = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: String(mine.building._id), name: 'x' },
    });
    expect(under.status).toBe(400);
    expect(await Region.countDocuments()).toBe(before);
  });

  it('keeps staff out of other regions and out of their own node', async () => {
    const out = await call(server, 'POST', '/api/v1/regions', {
      token: communityToken,
      body: { parentId: String(other.compound._id), name: '3号楼' },
    });
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('out_of_scope');
    const own = await call(server, 'PATCH', `/api/v1/regions/${mine.community._id}`, {
      token: communityToken,
      body: { name: '改名' },
    });
    expect(own.status).toBe(403);
    const district = await call(server, 'POST', '/api/v1/regions', {
      token: streetToken,
      body: { name: '新区' },
    });
    expect(district.status).toBe(403);
    expect(
      (await call(server, 'GET', `/api/v1/regions/${other.street._id}`, { token: streetToken })).status,
    ).toBe(403);
    expect(
      (await call(server, 'GET', '/api/v1/regions/64b7f0000000000000000000', { token: streetToken })).status,
    ).toBe(404);
    expect((await call(server, 'GET', '/api/v1/regions/tree')).status).toBe(401);
    const resident = tokenFor(server, await createUser('resident'));
    expect((await call(server, 'GET', '/api/v1/regions/tree', { token: resident })).status).toBe(403);
  });

  it('renames a compound and its projects show the new name', async () => {
    const chain = await createRegionChain('改名区');
    const project = await createTestProject(chain.compound);
    const token = tokenFor(server, await createUser('street_staff', chain.street));
    const res = await call(server, 'PATCH', `/api/v1/regions/${chain.compound._id}`, {
      token,
      body: { name: '幸福小区' },
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('幸福小区');
    expect((await Project.findById(project._id).lean())?.compoundName).toBe('幸福小区');
  });

  it('deletes only empty nodes', async () => {
    const withHouseholds = await createRegionChain('删除区');
    await createHouseholds(withHouseholds.building, 1);
    const token = tokenFor(server, await createUser('street_staff', withHouseholds.street));
    const refused = await call(server, 'DELETE', `/api/v1/regions/${withHouseholds.building._id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_state');
    const empty = await call(server, 'POST', '/api/v1/regions', {
      token,
      body: { parentId: String(withHouseholds.compound._id), name: '空楼' },
    });
    const gone = await call(server, 'DELETE', `/api/v1/regions/${empty.body.id}`, { token });
    expect(gone.status).toBe(204);
    expect(await Region.exists({ _id: empty.body.id })).toBeNull();
  });
});
