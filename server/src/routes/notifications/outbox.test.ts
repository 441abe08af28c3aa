import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyCompoundResidents } from '../../commands/notifications';
import { Notification } from '../../models/notification';
import { Subscription } from '../../models/subscription';
import { User } from '../../models/user';
import { signToken } from '../../auth/tokens';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, eventually, type World } from '../../../test/participationWorld';

// No WECHAT_APP_ID / WECHAT_APP_SECRET: every message lands in the outbox.
let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(async () => server?.close());

const subscribe = (token: string, templates: unknown) =>
  call(server, 'POST', '/notifications/subscriptions', { token, body: { templates } });

describe('subscriptions from the mini-program', () => {
  it('counts one message per accepted prompt', async () => {
    expect((await subscribe(w.tokens.residentA, ['survey_open'])).status).toBe(201);
    const res = await subscribe(w.tokens.residentA, ['survey_open', 'complaint_status']);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { template: 'survey_open', remaining: 2 },
        { template: 'complaint_status', remaining: 1 },
      ]),
    );
    const mine = await call(server, 'GET', '/notifications/subscriptions', { token: w.tokens.residentA });
    expect(mine.body.items).toHaveLength(2);
  });

  it('rejects unknown templates and staff callers, writing nothing', async () => {
    const before = await Subscription.countDocuments();
    expect((await subscribe(w.tokens.residentA, ['marketing'])).status).toBe(400);
    expect((await subscribe(w.tokens.residentA, [])).status).toBe(400);
    expect((await subscribe(w.tokens.communityA, ['survey_open'])).status).toBe(403);
    expect(
      (await call(server, 'POST', '/notifications/subscriptions', { body: { templates: ['vote_open'] } }))
        .status,
    ).toBe(401);
    expect(await Subscription.countDocuments()).toBe(before);
  });
});

describe('notifying a compound when a survey opens', () => {
  it('reaches subscribed residents of that compound only, using one subscription each', async () => {
    await subscribe(w.tokens.residentB, ['survey_open']);
    const result = await notifyCompoundResidents(w.a.compoundId, 'survey_open', {
      title: '甲小区改造征求意见表',
      surveyId: '0123456789abcdef01234567',
      closesAt: new Date('2026-05-10T10:00:00Z'),
    });
    // residentA subscribed (twice); resident2A lives there but never subscribed; residentB lives elsewhere.
    expect(result).toEqual({ sent: 0, failed: 0, outbox: 1 });
    expect(
      (await Subscription.findOne({ userId: w.userIds.residentA, template: 'survey_open' }).lean())!
        .remaining,
    ).toBe(1);
    expect(
      (await Subscription.findOne({ userId: w.userIds.residentB, template: 'survey_open' }).lean())!
        .remaining,
    ).toBe(1);
    const outbox = await call(server, 'GET', '/notifications/outbox', { token: w.tokens.communityA });
    expect(outbox.status).toBe(200);
    expect(outbox.body.total).toBe(1);
    expect(outbox.body.items[0]).toMatchObject({
      template: 'survey_open',
      templateLabel: '征求意见开始通知',
      status: 'outbox',
      page: 'participate/pages/survey/index?id=0123456789abcdef01234567',
      fields: { thing1: '甲小区改造征求意见表', time2: '2026-05-10 18:00' },
    });
    expect(outbox.body.items[0].recipient).not.toContain('姓名');
  });

  it('tells the author when staff change the complaint status', async () => {
    const filed = await call(server, 'POST', '/complaints', {
      token: w.tokens.residentA,
      body: { projectId: w.a.projectId, category: 'progress', text: '道路开挖后一直没有回填' },
    });
    await call(server, 'POST', `/complaints/${filed.body.id}/transitions`, {
      token: w.tokens.communityA,
      body: { status: 'accepted', note: '已督促施工单位三日内回填' },
    });
    const message = await eventually(() =>
      Notification.findOne({ template: 'complaint_status', userId: w.userIds.residentA }).lean(),
    );
    expect(message.fields).toMatchObject({
      thing1: '道路开挖后一直没有回填',
      phrase2: '已受理',
      thing4: '已督促施工单位三日内回填',
    });
    // The one subscription is used up: the next change produces no message.
    await call(server, 'POST', `/complaints/${filed.body.id}/transitions`, {
      token: w.tokens.communityA,
      body: { status: 'processing' },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await Notification.countDocuments({ template: 'complaint_status' })).toBe(1);
  });

  it("follows the resident's current compounds, as of their latest subscribe", async () => {
    const newcomer = await User.create({ role: 'resident', name: '新搬来的', openid: 'openid-new' });
    const token = signToken(
      { id: String(newcomer._id), role: 'resident' },
      'access',
      server.env.JWT_SECRET,
      600,
    );
    await subscribe(token, ['vote_open']);
    await User.updateOne({ _id: newcomer._id }, { householdIds: [w.b.householdIds[3]] });
    const data = { title: '乙小区停车位表决', voteId: 'abcdefabcdefabcdefabcdef' };
    expect(await notifyCompoundResidents(w.b.compoundId, 'vote_open', data)).toEqual({
      sent: 0,
      failed: 0,
      outbox: 0,
    });
    await subscribe(token, ['vote_open']);
    expect(await notifyCompoundResidents(w.b.compoundId, 'vote_open', data)).toEqual({
      sent: 0,
      failed: 0,
      outbox: 1,
    });
    expect(await notifyCompoundResidents(w.a.compoundId, 'vote_open', data)).toEqual({
      sent: 0,
      failed: 0,
      outbox: 0,
    });
  });

  it('keeps the outbox within region scope and away from residents', async () => {
    // A: the survey notice and the complaint notice; B: the vote notice.
    const outboxOf = async (token: string) =>
      (await call(server, 'GET', '/notifications/outbox', { token })).body.total;
    expect(await outboxOf(w.tokens.communityA)).toBe(2);
    expect(await outboxOf(w.tokens.communityB)).toBe(1);
    expect(await outboxOf(w.tokens.bureau)).toBe(3);
    expect((await call(server, 'GET', '/notifications/outbox', { token: w.tokens.residentA })).status).toBe(
      403,
    );
    expect(
      (await call(server, 'GET', '/notifications/outbox?status=lost', { token: w.tokens.bureau })).status,
    ).toBe(400);
  });
});
