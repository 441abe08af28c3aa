import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/testServer';
import { call } from '../../test/http';
import { Region } from '../models/region';
import { Household } from '../models/household';
import { Project } from '../models/project';
import { User } from '../models/user';
import { demoPassword } from './demoData';
import { prepareDemoData } from './prepare';

let server: TestServer;
let seedMs = 0;
beforeAll(async () => {
  server = await startTestServer();
  const started = Date.now();
  await prepareDemoData({ ...server.env, JIUGAI_SEED_DEMO: 'auto' });
  seedMs = Date.now() - started;
  console.log(`demo seed (district + participation): ${seedMs} ms`);
});
afterAll(async () => server?.close());

describe('demo district', () => {
  it('has the exact totals of the seed plan', async () => {
    const count = (level: 'district' | 'street' | 'community' | 'compound' | 'building') =>
      Region.countDocuments({ level });
    expect([
      await count('district'),
      await count('street'),
      await count('community'),
      await count('compound'),
      await count('building'),
    ]).toEqual([1, 6, 12, 30, 100]);
    expect(await Household.countDocuments()).toBe(4613);
    const areas = await Household.find({}, { area: 1 }).lean();
    expect(areas.reduce((sum, h) => sum + Math.round(h.area * 100), 0)).toBe(44_270_000);
    const projects = await Project.find().lean();
    expect(projects).toHaveLength(30);
    expect(projects.reduce((s, p) => s + p.figures!.buildings, 0)).toBe(100);
    expect(projects.reduce((s, p) => s + p.figures!.households, 0)).toBe(4613);
    expect(Math.round(projects.reduce((s, p) => s + p.figures!.floorArea, 0) * 100)).toBe(44_270_000);
    expect(new Set(projects.map((p) => p.stage)).size).toBe(8);
    expect(projects.filter((p) => p.isDemonstration).length).toBeGreaterThan(0);
    const owners = await Household.distinct('ownerKey');
    expect(owners.length).toBeLessThan(4613);
  });

  it('loads in a few seconds (bulk inserts), even on a busy machine', () => {
    expect(seedMs).toBeLessThan(20_000);
  });

  it('lets every demo staff account log in and demo residents dev-login to their households', async () => {
    for (const account of ['admin', 'zjj', 'expert1', 'jiedao01', 'shequ01']) {
      const res = await call(server, 'POST', '/api/v1/auth/login', {
        body: { account, password: demoPassword },
      });
      expect(res.status, account).toBe(200);
    }
    const resident = await call(server, 'POST', '/api/v1/auth/dev-login', {
      body: { openid: 'demo-resident-1' },
    });
    expect(resident.body.user.households).toHaveLength(2);
    expect(resident.body.user.households[0].compoundName).toBe('幸福小区');
    const supervisor = await call(server, 'POST', '/api/v1/auth/dev-login', {
      body: { openid: 'demo-supervisor-1' },
    });
    expect(supervisor.body.user).toMatchObject({ role: 'supervisor', supervisorCategory: 'npc_deputy' });
  });

  it("shows the first compound's board under construction, and community staff a pending binding", async () => {
    const project = await Project.findOne({ compoundName: '幸福小区' }).lean();
    const board = await call(server, 'GET', `/api/v1/projects/${project!.sceneId}/board`);
    expect(board.body).toMatchObject({ stageLabel: '施工', overview: { streetName: '西脑包街道' } });
    expect(board.body.latestProgress.length).toBeGreaterThan(0);
    const login = await call(server, 'POST', '/api/v1/auth/login', {
      body: { account: 'shequ01', password: demoPassword },
    });
    const pending = await call(server, 'GET', '/api/v1/bindings?status=pending', {
      token: login.body.accessToken,
    });
    expect(pending.body.total).toBe(1);
  });

  it('is not loaded twice, and auto leaves a non-empty database alone', async () => {
    expect(await prepareDemoData({ ...server.env, JIUGAI_SEED_DEMO: 'yes' })).toBe(false);
    expect(await Region.countDocuments({ level: 'district' })).toBe(1);
    expect(await User.countDocuments({ account: 'admin' })).toBe(1);
  });
});
