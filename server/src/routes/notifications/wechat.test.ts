import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyCompoundResidents } from '../../commands/notifications';
import { Notification } from '../../models/notification';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, eventually, type World } from '../../../test/participationWorld';

/** A local stand-in for api.weixin.qq.com: issues stable tokens, records sends, can expire a token once. */
function fakeWechat() {
  const sends: { token: string; body: { touser: string } & Record<string, unknown> }[] = [];
  let tokenRequests = 0;
  let expireNext = false;
  let issued = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://fake');
    const reply = (body: unknown) => res.end(JSON.stringify(body));
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        tokenRequests += 1;
        const body = JSON.parse(raw);
        if (body.grant_type !== 'client_credential' || body.secret !== 'app-secret')
          return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
        issued += 1;
        reply({ access_token: `token-${issued}`, expires_in: 7200 });
      });
      return;
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const token = url.searchParams.get('access_token')!;
        if (expireNext) {
          expireNext = false;
          return reply({ errcode: 42001, errmsg: 'access_token expired' });
        }
        const body = JSON.parse(raw);
        if (body.touser === 'openid-refuses')
          return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        sends.push({ token, body });
        reply({ errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  return {
    server,
    sends,
    get tokenRequests() {
      return tokenRequests;
    },
    expireNextToken() {
      expireNext = true;
    },
  };
}

let server: TestServer;
let w: World;
const wechat = fakeWechat();

beforeAll(async () => {
  await new Promise<void>((r) => wechat.server.listen(0, '127.0.0.1', r));
  const { port } = wechat.server.address() as AddressInfo;
  server = await startTestServer({
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'app-secret',
    WECHAT_API_BASE: `http://127.0.0.1:${port}`,
    WECHAT_SUBSCRIBE_TEMPLATES: 'survey_open=TPL-SURVEY, vote_open=TPL-VOTE,complaint_status=TPL-COMPLAINT',
  });
  w = await buildWorld(server);
});
afterAll(async () => {
  await server?.close();
  wechat.server.close();
});

const subscribe = (token: string, templates: string[]) =>
  call(server, 'POST', '/notifications/subscriptions', { token, body: { templates } });

describe('WeChat subscription messages over HTTP', () => {
  it('tells the mini-program which template ids to ask for', async () => {
    const res = await call(server, 'GET', '/notifications/templates', { token: w.tokens.residentA });
    expect(res.body.items).toEqual([
      { template: 'survey_open', label: '征求意见开始通知', templateId: 'TPL-SURVEY' },
      { template: 'vote_open', label: '业主表决开始通知', templateId: 'TPL-VOTE' },
      { template: 'complaint_status', label: '投诉办理进度通知', templateId: 'TPL-COMPLAINT' },
    ]);
    expect((await call(server, 'GET', '/notifications/templates')).status).toBe(401);
  });

  it('sends a vote-open message to subscribed residents with a cached access_token', async () => {
    await subscribe(w.tokens.residentA, ['vote_open']);
    await subscribe(w.tokens.resident2A, ['vote_open']);
    const result = await notifyCompoundResidents(w.a.compoundId, 'vote_open', {
      title: '关于引入红色物业服务的表决',
      voteId: 'abcdefabcdefabcdefabcdef',
      closesAt: '2026-06-01T02:00:00.000Z',
    });
    expect(result).toEqual({ sent: 2, failed: 0, outbox: 0 });
    expect(wechat.tokenRequests).toBe(1);
    expect(wechat.sends.map((s) => s.body.touser).sort()).toEqual([
      'openid-resident-2a',
      'openid-resident-a',
    ]);
    expect(wechat.sends[0]).toMatchObject({
      token: 'token-1',
      body: {
        template_id: 'TPL-VOTE',
        page: 'participate/pages/vote/index?id=abcdefabcdefabcdefabcdef',
        lang: 'zh_CN',
        data: { thing1: { value: '关于引入红色物业服务的表决' }, time2: { value: '2026-06-01 10:00' } },
      },
    });
    expect(await Notification.countDocuments({ status: 'sent' })).toBe(2);
  });

  it('fetches a fresh token once when WeChat says the token expired, then retries', async () => {
    await subscribe(w.tokens.residentA, ['complaint_status']);
    const filed = await call(server, 'POST', '/complaints', {
      token: w.tokens.residentA,
      body: { projectId: w.a.projectId, category: 'quality', text: '新换的水管接口漏水' },
    });
    wechat.expireNextToken();
    const sentBefore = wechat.sends.length;
    await call(server, 'POST', `/complaints/${filed.body.id}/transitions`, {
      token: w.tokens.communityA,
      body: { status: 'accepted' },
    });
    await eventually(async () => wechat.sends.length > sentBefore);
    const last = wechat.sends.at(-1)!;
    expect(last.token).toBe('token-2');
    expect(last.body).toMatchObject({
      touser: 'openid-resident-a',
      template_id: 'TPL-COMPLAINT',
      data: { phrase2: { value: '已受理' } },
    });
    expect(wechat.tokenRequests).toBe(2);
  });

  it('records a refusal from WeChat as failed, visible to staff', async () => {
    const { User } = await import('../../models/user');
    await User.updateOne({ _id: w.userIds.resident2A }, { openid: 'openid-refuses' });
    await subscribe(w.tokens.resident2A, ['survey_open']);
    const result = await notifyCompoundResidents(w.a.compoundId, 'survey_open', {
      title: '征求意见表',
      surveyId: 'abcdefabcdefabcdefabcdef',
    });
    expect(result).toEqual({ sent: 0, failed: 1, outbox: 0 });
    const failed = await call(server, 'GET', '/notifications/outbox?status=failed', {
      token: w.tokens.communityA,
    });
    expect(failed.body.total).toBe(1);
    expect(failed.body.items[0].error).toContain('43101');
  });
});
