import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../models/auditLog';
import { Inspection } from '../../models/inspection';
import { User } from '../../models/user';
import { SupervisionMember } from '../../models/supervisionMember';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, uploadPhoto, type World } from '../../../test/participationWorld';

let server: TestServer;
let w: World;
let memberId: string;
let photo: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  photo = await uploadPhoto(server, w.tokens.supervisorA);
});
afterAll(async () => server?.close());

const inspection = (over: Record<string, unknown> = {}) => ({
  projectId: w.a.projectId,
  date: '2026-04-20',
  ratings: { quality: 4, safety: 3, civility: 5 },
  findings: '2号楼外墙脚手架防护网有破损，已当场告知项目经理',
  photos: [photo],
  ...over,
});
const inspect = (body: unknown, token = w.tokens.supervisorA) =>
  call(server, 'POST', '/supervision/inspections', { token, body });

describe('supervision group members', () => {
  it('are added by staff of the region, with their category, and audited', async () => {
    const res = await call(server, 'POST', '/supervision/members', {
      token: w.tokens.communityA,
      body: { projectId: w.a.projectId, userId: w.userIds.supervisorA, category: 'npc_deputy' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ categoryLabel: '人大代表', phone: '139****5678' });
    memberId = res.body.id;
    expect(await AuditLog.countDocuments({ action: 'supervision.member.add' })).toBe(1);
    const list = await call(server, 'GET', `/supervision/members?projectId=${w.a.projectId}`, {
      token: w.tokens.streetA,
    });
    expect(list.body.items).toHaveLength(1);
    const mine = await call(server, 'GET', '/supervision/projects/mine', { token: w.tokens.supervisorA });
    expect(mine.body.items).toEqual([
      {
        projectId: w.a.projectId,
        projectName: '甲小区 2026 年改造',
        category: 'npc_deputy',
        categoryLabel: '人大代表',
      },
    ]);
  });

  it('refuses duplicates, non-supervisors, bad categories and other regions, writing nothing', async () => {
    const add = (body: Record<string, unknown>, token = w.tokens.communityA) =>
      call(server, 'POST', '/supervision/members', { token, body: { projectId: w.a.projectId, ...body } });
    const duplicate = await add({ userId: w.userIds.supervisorA, category: 'npc_deputy' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({
      code: 'duplicate',
      message: '该监督员已是本项目义务监督小组成员',
    });
    const notSupervisor = await add({ userId: w.userIds.residentA, category: 'active_resident' });
    expect(notSupervisor.status).toBe(400);
    expect(notSupervisor.body.error.message).toBe('该用户不是义务监督员');
    expect((await add({ userId: w.userIds.supervisorA, category: '群众' })).status).toBe(400);
    const other = await add({ userId: w.userIds.supervisorA, category: 'npc_deputy' }, w.tokens.communityB);
    expect(other.status).toBe(403);
    expect(
      (await add({ userId: w.userIds.supervisorA, category: 'npc_deputy' }, w.tokens.supervisorA)).status,
    ).toBe(403);
    expect((await add({ userId: '0123456789abcdef01234567', category: 'npc_deputy' })).status).toBe(404);
    // A supervisor appointed for community 乙 is not someone community 甲's staff can add, nor for 甲's project.
    const elsewhere = await User.create({
      role: 'supervisor',
      name: '乙区监督员',
      openid: 'openid-supervisor-b',
      scopePath: (await User.findById(w.userIds.communityB).lean())!.scopePath,
    });
    expect((await add({ userId: String(elsewhere._id), category: 'veteran_cadre' })).status).toBe(403);
    const byBureau = await add({ userId: String(elsewhere._id), category: 'veteran_cadre' }, w.tokens.bureau);
    expect(byBureau.status).toBe(400);
    expect(byBureau.body.error.message).toContain('该监督员不负责本项目所在小区');
    expect(await SupervisionMember.countDocuments()).toBe(1);
  });
});

describe('inspection records', () => {
  it('are submitted by members and listed for staff', async () => {
    const res = await inspect(inspection());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ date: '2026-04-20', ratings: { quality: 4, safety: 3, civility: 5 } });
    expect(res.body.member.categoryLabel).toBe('人大代表');
    await inspect(
      inspection({
        date: '2026-04-27',
        ratings: { quality: 3, safety: 4, civility: 4 },
        findings: '围挡已修复',
      }),
    );
    const list = await call(server, 'GET', `/supervision/inspections?projectId=${w.a.projectId}`, {
      token: w.tokens.bureau,
    });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0].date).toBe('2026-04-27');
    const mine = await call(server, 'GET', '/supervision/inspections/mine', { token: w.tokens.supervisorA });
    expect(mine.body.total).toBe(2);
  });

  it('are summarised per project: count, average ratings, last inspection', async () => {
    const res = await call(server, 'GET', `/supervision/summary?projectId=${w.a.projectId}`, {
      token: w.tokens.communityA,
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      projectId: w.a.projectId,
      memberCount: 1,
      count: 2,
      averages: { quality: 3.5, safety: 3.5, civility: 4.5 },
      lastInspection: { date: '2026-04-27', findings: '围挡已修复' },
    });
    const region = await call(server, 'GET', '/supervision/summary', { token: w.tokens.bureau });
    expect(region.body.items).toHaveLength(2);
    const empty = region.body.items.find((i: { projectId: string }) => i.projectId === w.b.projectId);
    expect(empty).toMatchObject({ count: 0, averages: { quality: null }, lastInspection: null });
    const scoped = await call(server, 'GET', '/supervision/summary', { token: w.tokens.communityB });
    expect(scoped.body.items.map((i: { projectId: string }) => i.projectId)).toEqual([w.b.projectId]);
  });

  it('reject bad ratings, future dates and non-members, writing nothing', async () => {
    const before = await Inspection.countDocuments();
    for (const bad of [
      inspection({ ratings: { quality: 0, safety: 3, civility: 5 } }),
      inspection({ ratings: { quality: 4.5, safety: 3, civility: 5 } }),
      inspection({ ratings: { quality: 4, safety: 3 } }),
      inspection({ date: '2026/04/20' }),
      inspection({ date: '2999-01-01' }),
      inspection({ findings: '' }),
      inspection({ photos: [`/api/v1/uploads/${'c'.repeat(32)}.webp`] }),
    ]) {
      const res = await inspect(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await inspect(inspection({ projectId: w.b.projectId }))).status).toBe(403);
    expect((await inspect(inspection(), w.tokens.residentA)).status).toBe(403);
    expect((await inspect(inspection({ projectId: '0123456789abcdef01234567' }))).status).toBe(404);
    expect((await call(server, 'POST', '/supervision/inspections', { body: inspection() })).status).toBe(401);
    expect(await Inspection.countDocuments()).toBe(before);
  });

  it('stay out of reach of other regions and residents', async () => {
    const q = `/supervision/inspections?projectId=${w.a.projectId}`;
    const other = await call(server, 'GET', q, { token: w.tokens.communityB });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('out_of_scope');
    expect((await call(server, 'GET', q, { token: w.tokens.residentA })).status).toBe(403);
    expect(
      (
        await call(server, 'GET', '/supervision/inspections?projectId=0123456789abcdef01234567', {
          token: w.tokens.bureau,
        })
      ).status,
    ).toBe(404);
  });

  it('lose a removed member the right to inspect', async () => {
    expect(
      (await call(server, 'DELETE', `/supervision/members/${memberId}`, { token: w.tokens.communityB }))
        .status,
    ).toBe(403);
    expect(
      (await call(server, 'DELETE', `/supervision/members/${memberId}`, { token: w.tokens.communityA }))
        .status,
    ).toBe(204);
    expect((await inspect(inspection())).status).toBe(403);
    expect(
      (await call(server, 'DELETE', `/supervision/members/${memberId}`, { token: w.tokens.communityA }))
        .status,
    ).toBe(404);
  });
});
