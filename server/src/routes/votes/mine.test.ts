import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyVoteView, Page } from '@jiugai/shared';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';
import { Vote } from '../../models/vote';

let server: TestServer;
let w: World;
let openId: string;
let closedId: string;
let oldId: string;
const day = 24 * 60 * 60_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const mine = async (token: string, query = '') => {
  const res = await call(server, 'GET', `/votes/mine${query}`, { token });
  return res as { status: number; body: Page<MyVoteView> & { error?: { code: string } } };
};
const open = async (title: string, over: Record<string, unknown> = {}) => {
  const res = await call(server, 'POST', '/votes', {
    token: w.tokens.streetA,
    body: {
      projectId: w.a.projectId,
      title,
      article278Item: 4,
      kind: 'yes_no',
      opensAt: at(-60_000),
      closesAt: at(day),
      ...over,
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const ballot = (voteId: string, h: number, token: string, optionId: string) =>
  call(server, 'PUT', `/votes/${voteId}/ballots/${w.a.householdIds[h]}`, { token, body: { optionId } });

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  openId = await open('增设电动自行车充电桩');
  closedId = await open('选聘红色物业服务企业');
  expect((await ballot(openId, 0, w.tokens.residentA, 'yes')).status).toBe(201);
  expect((await ballot(closedId, 0, w.tokens.residentA, 'yes')).status).toBe(201);
  expect((await ballot(closedId, 2, w.tokens.resident2A, 'yes')).status).toBe(201);
  const paper = await call(server, 'PUT', `/votes/${closedId}/paper-ballots/${w.a.householdIds[1]}`, {
    token: w.tokens.communityA,
    body: { optionId: 'no', channel: 'paper' },
  });
  expect(paper.status).toBe(201);
  // A vote that ended 200 days ago by its own closing time: nobody has read its tally yet.
  oldId = await open('拆除违章建筑', { opensAt: at(-60_000), closesAt: at(60_000) });
  await Vote.updateOne(
    { _id: oldId },
    { $set: { opensAt: new Date(Date.now() - 210 * day), closesAt: new Date(Date.now() - 200 * day) } },
  );
  // Not started yet: in neither list.
  await open('更换小区大门', { opensAt: at(day), closesAt: at(2 * day) });
});
afterAll(async () => server?.close());

describe('GET /votes/mine: open votes', () => {
  it('lists the open votes of the compound without any option count or result', async () => {
    const res = await mine(w.tokens.residentA);
    expect(res.status).toBe(200);
    expect(res.body.items.map((v) => v.id)).toEqual([openId, closedId]);
    expect(res.body).toMatchObject({ total: 2, page: 1, size: 20 });
    const item = res.body.items[0];
    expect(item.households).toEqual([
      { householdId: w.a.householdIds[0], address: '1号楼 1单元 101', voted: true },
    ]);
    expect(item).not.toHaveProperty('result');
    expect(item).not.toHaveProperty('resultLabel');
    expect(item).not.toHaveProperty('winningOptionLabel');
    expect(JSON.stringify(res.body)).not.toMatch(/approval|headcount|optionLabel|"result/);
    const tally = await call(server, 'GET', `/votes/${closedId}/tally`, { token: w.tokens.residentA });
    expect(tally.body.participation.households).toBe(3);
    expect(tally.body.approval).toBeUndefined();
    expect(tally.body.result).toBeUndefined();
  });

  it('lists no closed vote while the vote is still open', async () => {
    const res = await mine(w.tokens.residentA, '?status=closed');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(0);
  });
});

describe('GET /votes/mine?status=closed', () => {
  it('after close lists the vote with its result and the household’s own choice; the tally has the counts', async () => {
    expect((await call(server, 'POST', `/votes/${closedId}/close`, { token: w.tokens.streetA })).status).toBe(
      200,
    );
    const res = await mine(w.tokens.residentA, '?status=closed');
    expect(res.status).toBe(200);
    expect(res.body.items.map((v) => v.id)).toEqual([closedId]);
    expect(res.body.items[0]).toMatchObject({
      status: 'closed',
      statusLabel: '已结束',
      result: 'passed',
      resultLabel: '通过',
      winningOptionLabel: '同意',
      households: [
        {
          householdId: w.a.householdIds[0],
          address: '1号楼 1单元 101',
          voted: true,
          optionId: 'yes',
          optionLabel: '同意',
        },
      ],
    });
    expect((await mine(w.tokens.residentA)).body.items.map((v) => v.id)).toEqual([openId]);

    const tally = await call(server, 'GET', `/votes/${closedId}/tally`, { token: w.tokens.residentA });
    expect(tally.status).toBe(200);
    // 80 + 82 m² of 243 m² said yes; 2 of 3 participating owners.
    expect(tally.body.approval.options[0]).toMatchObject({
      optionId: 'yes',
      households: 2,
      area: { numerator: 16200, denominator: 24300, percent: 66.67 },
      headcount: { numerator: 2, denominator: 3, percent: 66.67 },
      passed: true,
    });
    expect(tally.body.approval.options[1]).toMatchObject({ optionId: 'no', households: 1 });
    expect(tally.body.participation).toMatchObject({
      area: { numerator: 24300, denominator: 32600 },
      headcount: { numerator: 3, denominator: 4 },
      met: true,
    });
  });

  it('shows a household that did not vote as not voted, and the shared result', async () => {
    const res = await mine(w.tokens.resident2A, '?status=closed');
    expect(res.body.items[0].households).toEqual([
      expect.objectContaining({ householdId: w.a.householdIds[2], voted: true, optionLabel: '同意' }),
    ]);
    const second = await call(server, 'POST', '/votes', {
      token: w.tokens.streetA,
      body: {
        projectId: w.a.projectId,
        title: '公共部位加装电梯',
        article278Item: 7,
        kind: 'yes_no',
        opensAt: at(-60_000),
        closesAt: at(day),
      },
    });
    await call(server, 'POST', `/votes/${second.body.id}/close`, { token: w.tokens.streetA });
    const after = await mine(w.tokens.resident2A, '?status=closed');
    expect(after.body.items.map((v) => v.id)).toEqual([second.body.id, closedId]);
    expect(after.body.items[0]).toMatchObject({
      result: 'not_valid',
      resultLabel: '表决无效（参与不足三分之二）',
      households: [{ householdId: w.a.householdIds[2], address: '2号楼 1单元 103', voted: false }],
    });
    expect(after.body.items[0]).not.toHaveProperty('winningOptionLabel');
  });

  it('reaches back 180 days by default, further when asked, and fixes the tally of a vote nobody read', async () => {
    const recent = await mine(w.tokens.residentA, '?status=closed');
    expect(recent.body.items.map((v) => v.id)).not.toContain(oldId);
    const year = await mine(w.tokens.residentA, '?status=closed&withinDays=365');
    expect(year.body.items.map((v) => v.id).at(-1)).toBe(oldId);
    expect(year.body.items.at(-1)).toMatchObject({ result: 'not_valid', households: [{ voted: false }] });
    expect((await Vote.findById(oldId).lean())?.final?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const paged = await mine(w.tokens.residentA, '?status=closed&withinDays=365&size=1&page=2');
    expect(paged.body).toMatchObject({ total: year.body.total, page: 2, size: 1 });
    expect(paged.body.items.map((v) => v.id)).toEqual([year.body.items[1].id]);
  });

  it('gives a resident of another compound nothing of this compound', async () => {
    for (const query of ['', '?status=closed', '?status=closed&withinDays=730']) {
      const res = await mine(w.tokens.residentB, query);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
    const tally = await call(server, 'GET', `/votes/${closedId}/tally`, { token: w.tokens.residentB });
    expect(tally.status).toBe(403);
    const vote = await call(server, 'GET', `/votes/${closedId}`, { token: w.tokens.residentB });
    expect(vote.status).toBe(403);
    const theirs = await call(server, 'GET', `/votes/${closedId}/ballots/${w.a.householdIds[0]}`, {
      token: w.tokens.residentB,
    });
    expect(theirs.status).toBe(403);
  });

  it('gives a supervisor without a bound household an empty list, and staff a 403', async () => {
    expect((await mine(w.tokens.supervisorA, '?status=closed')).body).toMatchObject({ items: [], total: 0 });
    expect((await mine(w.tokens.communityA, '?status=closed')).status).toBe(403);
    expect((await call(server, 'GET', '/votes/mine?status=closed')).status).toBe(401);
  });

  it('refuses a bad query with 400 and a Chinese message', async () => {
    for (const query of [
      '?status=scheduled',
      '?status=closed&withinDays=0',
      '?status=closed&withinDays=731',
      '?status=closed&withinDays=1.5',
      '?status=closed&withinDays=abc',
      '?page=0',
    ]) {
      const res = await mine(w.tokens.residentA, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
      expect((res.body.error as { message?: string }).message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
