import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createHouseholds,
  createRegionChain,
  createTestProject,
  createUser,
  tokenFor,
  type RegionChain,
} from '../../../test/factories';
import { Project } from '../../models/project';
import { AuditLog } from '../../models/auditLog';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let streetToken: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('项目区');
  other = await createRegionChain('别区');
  await createHouseholds(mine.building, 3);
  streetToken = tokenFor(server, await createUser('street_staff', mine.street));
});
afterAll(async () => server?.close());

describe('projects', () => {
  it('creates a project for a compound with counted figures, default milestones and a short scene id', async () => {
    const res = await call(server, 'POST', '/api/v1/projects', {
      token: streetToken,
      body: { compoundId: String(mine.compound._id), year: 2026 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: `2026年${mine.compound.name}老旧小区改造项目`,
      stage: 'consultation',
      stageLabel: '征求意见',
      streetName: mine.street.name,
      figures: { buildings: 1, households: 3, floorArea: 80 + 81 + 82 },
      allowedNextStages: ['design'],
    });
    expect(res.body.sceneId.length).toBeLessThanOrEqual(32);
    expect(res.body.milestones.map((m: { deadline: string }) => m.deadline)).toEqual([
      '2026-04-10',
      '2026-10-31',
      '2026-12-31',
    ]);
    expect(await AuditLog.exists({ action: 'project.create', targetId: res.body.id })).toBeTruthy();
    const dup = await call(server, 'POST', '/api/v1/projects', {
      token: streetToken,
      body: { compoundId: String(mine.compound._id), year: 2026 },
    });
    expect(dup.status).toBe(409);
  });

  it('validates the body and writes nothing', async () => {
    const before = await Project.countDocuments();
    const noYear = await call(server, 'POST', '/api/v1/projects', {
      token: streetToken,
      body: { compoundId: String(mine.compound._id) },
    });
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.code).toBe('validation_failed');
    const notCompound = await call(server, 'POST', '/api/v1/projects', {
      token: streetToken,
      body: { compoundId: String(mine.community._id), year: 2027 },
    });
    expect(notCompound.status).toBe(400);
    expect(notCompound.body.error.message).toBe('请选择小区');
    const out = await call(server, 'POST', '/api/v1/projects', {
      token: streetToken,
      body: { compoundId: String(other.compound._id), year: 2027 },
    });
    expect(out.status).toBe(403);
    expect(await Project.countDocuments()).toBe(before);
  });

  it('lists projects in scope with filters, and shows details', async () => {
    const otherProject = await createTestProject(other.compound);
    const list = await call(server, 'GET', '/api/v1/projects?year=2026', { token: streetToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { compoundName: string }) => p.compoundName)).toEqual([
      mine.compound.name,
    ]);
    const byStage = await call(server, 'GET', '/api/v1/projects?stage=construction', { token: streetToken });
    expect(byStage.body.total).toBe(0);
    const badStage = await call(server, 'GET', '/api/v1/projects?stage=nope', { token: streetToken });
    expect(badStage.status).toBe(400);
    const detail = await call(server, 'GET', `/api/v1/projects/${list.body.items[0].id}`, {
      token: streetToken,
    });
    expect(detail.status).toBe(200);
    expect(detail.body.plan).toBeNull();
    expect(
      (await call(server, 'GET', `/api/v1/projects/${otherProject._id}`, { token: streetToken })).status,
    ).toBe(403);
    expect(
      (await call(server, 'GET', '/api/v1/projects/64b7f0000000000000000000', { token: streetToken })).status,
    ).toBe(404);
    expect((await call(server, 'GET', '/api/v1/projects')).status).toBe(401);
  });

  it('updates overview, people, complaint phone and the demonstration flag', async () => {
    const project = await createTestProject((await createRegionChain('更新区')).compound);
    const bureau = tokenFor(
      server,
      await createUser('bureau_admin', null, {
        scopePath: project.regionPath.split('/').slice(0, 2).join('/') + '/',
      }),
    );
    const body = {
      description: '更换供水管网、外立面保温',
      responsiblePersons: [{ role: '区住建局负责人', name: '刘建国', phone: '0472-4171234' }],
      complaintPhone: '12345',
      isDemonstration: true,
      experienceSummary: '红色物业进小区',
    };
    const res = await call(server, 'PATCH', `/api/v1/projects/${project._id}`, { token: bureau, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(body);
    const bad = await call(server, 'PATCH', `/api/v1/projects/${project._id}`, {
      token: bureau,
      body: { complaintPhone: 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/电话号码格式不正确/);
    const community = tokenFor(server, await createUser('community_staff', mine.community));
    expect(
      (await call(server, 'PATCH', `/api/v1/projects/${project._id}`, { token: community, body })).status,
    ).toBe(403);
  });

  it('finds projects publicly by street, community or compound name', async () => {
    const byStreet = await call(
      server,
      'GET',
      `/api/v1/projects/search?q=${encodeURIComponent(mine.street.name)}`,
    );
    expect(byStreet.status).toBe(200);
    expect(byStreet.body.items[0]).toMatchObject({
      compoundName: mine.compound.name,
      stageLabel: '征求意见',
    });
    expect(byStreet.body.items[0]).not.toHaveProperty('figures');
    const byCompound = await call(server, 'GET', `/api/v1/projects/search?compoundId=${mine.compound._id}`);
    expect(byCompound.body.items.map((p: { compoundName: string }) => p.compoundName)).toEqual([
      mine.compound.name,
    ]);
    const none = await call(server, 'GET', '/api/v1/projects/search?q=不存在的小区');
    expect(none.body.items).toEqual([]);
    const regex = await call(server, 'GET', `/api/v1/projects/search?q=${encodeURIComponent('.*')}`);
    expect(regex.body.items).toEqual([]);
    const tooLong = await call(server, 'GET', `/api/v1/projects/search?q=${'长'.repeat(51)}`);
    expect(tooLong.status).toBe(400);
  });
});
