import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createRegionChain,
  createTestProject,
  createUser,
  tokenFor,
  type RegionChain,
} from '../../../test/factories';
import { Project } from '../../models/project';
import { todayInShanghai } from '../../presenters/project';

let server: TestServer;
let chain: RegionChain;
let manager: string;
let expert: string;
beforeAll(async () => {
  server = await startTestServer();
  chain = await createRegionChain('流程区');
  manager = tokenFor(server, await createUser('street_staff', chain.street));
  expert = tokenFor(server, await createUser('expert', chain.district, { name: '王专家' }));
});
afterAll(async () => server?.close());

const plan = {
  designUnit: '包头市建筑设计研究院',
  items: [
    { category: 'water_supply', title: '更换供水管网' },
    {
      category: 'cable_undergrounding',
      title: '弱电缆线入地',
      leadDept: '区工信局',
      responsibleUnits: [
        '区住建局',
        '中国移动包头分公司',
        '中国联通包头市分公司',
        '中国电信包头分公司',
        '中国广电包头市分公司',
      ],
    },
  ],
};
const stage = (id: string, to: string, token = manager) =>
  call(server, 'POST', `/api/v1/projects/${id}/stage`, { token, body: { to } });

describe('project workflow', () => {
  it('walks the whole stage machine, with plan, review, acceptance and handover', async () => {
    const p = await createTestProject(chain.compound, { year: 2030 });
    const id = String(p._id);
    expect((await stage(id, 'design')).status).toBe(200);
    const early = await stage(id, 'review');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('请先填写改造方案，再提交专家评审');

    const saved = await call(server, 'PUT', `/api/v1/projects/${id}/plan`, { token: manager, body: plan });
    expect(saved.status).toBe(200);
    expect(saved.body.plan.items[1]).toMatchObject({
      leadDept: '区工信局',
      responsibleUnits: expect.arrayContaining(['区住建局']),
    });
    const reviewTooEarly = await call(server, 'POST', `/api/v1/projects/${id}/reviews`, {
      token: expert,
      body: { opinion: '可行', verdict: 'pass' },
    });
    expect(reviewTooEarly.status).toBe(409);
    expect((await stage(id, 'review')).status).toBe(200);
    expect((await stage(id, 'procedures')).body.error.message).toBe('方案尚未通过专家评审');
    const review = await call(server, 'POST', `/api/v1/projects/${id}/reviews`, {
      token: expert,
      body: { opinion: '方案合理，建议增加充电桩', verdict: 'revise' },
    });
    expect(review.status).toBe(201);
    expect(review.body.reviews[0]).toMatchObject({ expertName: '王专家', verdict: 'revise' });

    for (const to of ['procedures', 'construction', 'basically_complete', 'acceptance']) {
      const r = await stage(id, to);
      expect(r.status, to).toBe(200);
    }
    const detail = await call(server, 'GET', `/api/v1/projects/${id}`, { token: manager });
    expect(detail.body.actualStart).toBe(todayInShanghai());
    expect(detail.body.milestones.filter((m: { doneAt: string | null }) => m.doneAt)).toHaveLength(2);
    expect(detail.body.allowedNextStages).toEqual(['handover', 'construction']);

    expect((await stage(id, 'handover')).body.error.message).toBe('联合竣工验收尚未通过');
    const handoverEarly = await call(server, 'POST', `/api/v1/projects/${id}/handovers`, {
      token: manager,
      body: { facility: 'water', operator: '包头市供水总公司', date: '2030-12-20' },
    });
    expect(handoverEarly.status).toBe(409);
    const acceptance = {
      date: '2030-12-15',
      participants: [
        { party: 'construction', name: '某建设集团' },
        { party: 'street_office', name: '某街道办事处' },
        { party: 'community', name: '某社区' },
        { party: 'residents', name: '居民代表 3 人' },
        { party: 'housing_bureau', name: '区住建局' },
      ],
      verdict: 'passed',
    };
    const accepted = await call(server, 'PUT', `/api/v1/projects/${id}/acceptance`, {
      token: manager,
      body: acceptance,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptance).toMatchObject({
      verdict: 'passed',
      participants: acceptance.participants,
    });
    const handover = await call(server, 'POST', `/api/v1/projects/${id}/handovers`, {
      token: manager,
      body: { facility: 'water', operator: '包头市供水总公司', date: '2030-12-20' },
    });
    expect(handover.status).toBe(201);
    expect(handover.body.handovers[0]).toMatchObject({ facility: 'water', operator: '包头市供水总公司' });
    const done = await stage(id, 'handover');
    expect(done.body.stage).toBe('handover');
    expect(done.body.milestones.every((m: { doneAt: string | null }) => m.doneAt)).toBe(true);
    expect(done.body.stageHistory.map((e: { to: string }) => e.to)).toEqual([
      'consultation',
      'design',
      'review',
      'procedures',
      'construction',
      'basically_complete',
      'acceptance',
      'handover',
    ]);
  });

  it('allows only the defined transitions', async () => {
    const p = await createTestProject((await createRegionChain('跳步区')).compound, { year: 2030 });
    const skip = await stage(
      String(p._id),
      'construction',
      tokenFor(server, await createUser('super_admin')),
    );
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'invalid_state', message: '不能从“征求意见”转到“施工”' });
    const bad = await stage(String(p._id), 'finished', tokenFor(server, await createUser('super_admin')));
    expect(bad.status).toBe(400);
    expect((await Project.findById(p._id).lean())?.stage).toBe('consultation');
  });

  it('flags overdue milestones and lets managers move deadlines', async () => {
    const p = await createTestProject((await createRegionChain('逾期区')).compound, { year: 2020 });
    const admin = tokenFor(server, await createUser('super_admin'));
    const detail = await call(server, 'GET', `/api/v1/projects/${p._id}`, { token: admin });
    expect(detail.body.milestones.every((m: { overdue: boolean }) => m.overdue)).toBe(true);
    expect(detail.body.overdue).toBe(true);
    const moved = await call(server, 'PATCH', `/api/v1/projects/${p._id}/milestones/acceptance`, {
      token: admin,
      body: { deadline: '2099-12-31' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.milestones[2]).toMatchObject({ deadline: '2099-12-31', overdue: false });
    const bad = await call(server, 'PATCH', `/api/v1/projects/${p._id}/milestones/acceptance`, {
      token: admin,
      body: { deadline: '31/12/2099' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/YYYY-MM-DD/);
    const badKey = await call(server, 'PATCH', `/api/v1/projects/${p._id}/milestones/nope`, {
      token: admin,
      body: { deadline: '2099-12-31' },
    });
    expect(badKey.status).toBe(400);
  });

  it('validates the plan and keeps roles apart', async () => {
    const p = await createTestProject((await createRegionChain('方案区')).compound, { year: 2030 });
    const admin = tokenFor(server, await createUser('super_admin'));
    const badCategory = await call(server, 'PUT', `/api/v1/projects/${p._id}/plan`, {
      token: admin,
      body: { designUnit: 'x', items: [{ category: 'spaceport', title: 'x' }] },
    });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.error.message).toMatch(/请选择有效的改造类别/);
    const empty = await call(server, 'PUT', `/api/v1/projects/${p._id}/plan`, {
      token: admin,
      body: { designUnit: 'x', items: [] },
    });
    expect(empty.body.error.message).toMatch(/请至少填写一项改造内容/);
    expect((await Project.findById(p._id).lean())?.plan).toBeNull();
    expect(
      (await call(server, 'PUT', `/api/v1/projects/${p._id}/plan`, { token: expert, body: plan })).status,
    ).toBe(403);
    expect((await call(server, 'PUT', `/api/v1/projects/${p._id}/plan`, { body: plan })).status).toBe(401);
    expect(
      (
        await call(server, 'PUT', '/api/v1/projects/64b7f0000000000000000000/plan', {
          token: admin,
          body: plan,
        })
      ).status,
    ).toBe(404);
  });
});
