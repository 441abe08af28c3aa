import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../models/auditLog';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const filed = await call(server, 'POST', '/complaints', {
    token: w.tokens.residentA,
    body: { projectId: w.a.projectId, category: 'plan', text: '希望增加电动车充电桩' },
  });
  const to = (body: unknown) =>
    call(server, 'POST', `/complaints/${filed.body.id}/transitions`, { token: w.tokens.communityA, body });
  await to({ status: 'accepted' });
  await to({ status: 'closed', reply: '已纳入方案，下月施工' });
  await AuditLog.create([
    {
      at: new Date('2026-03-02T02:00:00Z'),
      actorId: w.userIds.residentB,
      actorRole: 'resident',
      action: 'vote.ballot',
      targetType: 'vote',
      regionPath: w.b.compoundPath,
      channel: 'miniapp',
      summary: '投票',
    },
    {
      at: new Date('2026-03-01T15:30:00Z'), // 2026-03-01 23:30 in China
      actorId: w.userIds.communityB,
      actorRole: 'community_staff',
      action: 'survey.paper_entry',
      targetType: 'survey',
      regionPath: w.b.compoundPath,
      channel: '纸质',
      summary: '录入纸质征求意见表',
    },
  ]);
});
afterAll(async () => server?.close());

const audit = (token: string, query = '') => call(server, 'GET', `/audit${query}`, { token });

describe('audit log query', () => {
  it("shows staff writes of the caller's region, newest first, with who did it", async () => {
    const res = await audit(w.tokens.communityA);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { action: string }) => i.action)).toEqual([
      'complaint.reply',
      'complaint.accepted',
    ]);
    expect(res.body.items[0]).toMatchObject({
      actorRole: 'community_staff',
      actorName: '社区甲姓名',
      targetType: 'complaint',
    });
    expect(JSON.stringify(res.body)).not.toContain('"ip"');
  });

  it('masks residents, and filters by action, action prefix, actor and time', async () => {
    const b = await audit(w.tokens.communityB);
    expect(b.body.total).toBe(2);
    const ballot = b.body.items.find((i: { action: string }) => i.action === 'vote.ballot');
    expect(ballot.actorName).toBe('居****');
    expect((await audit(w.tokens.bureau, '?action=complaint.')).body.total).toBe(2);
    expect((await audit(w.tokens.bureau, '?action=complaint.reply')).body.total).toBe(1);
    expect((await audit(w.tokens.bureau, `?actorId=${w.userIds.communityB}`)).body.items[0].action).toBe(
      'survey.paper_entry',
    );
    // A bare date is a whole day in China time.
    const day = await audit(w.tokens.bureau, '?from=2026-03-01&to=2026-03-01');
    expect(day.body.items.map((i: { action: string }) => i.action)).toEqual(['survey.paper_entry']);
    const exact = await audit(
      w.tokens.bureau,
      `?from=${encodeURIComponent('2026-03-02T00:00:00+08:00')}&to=2026-03-31`,
    );
    expect(exact.body.items.map((i: { action: string }) => i.action)).toEqual(['vote.ballot']);
    const paged = await audit(w.tokens.bureau, '?size=1&page=2');
    expect(paged.body).toMatchObject({ total: 4, page: 2, size: 1 });
    expect(paged.body.items).toHaveLength(1);
  });

  it('rejects bad filters and non-staff callers', async () => {
    for (const q of [
      '?from=yesterday',
      '?from=2026-03-02&to=2026-03-01',
      '?actorId=me',
      '?action=DROP%20TABLE',
      '?size=0',
    ]) {
      const res = await audit(w.tokens.bureau, q);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call(server, 'GET', '/audit')).status).toBe(401);
    expect((await audit(w.tokens.residentA)).status).toBe(403);
    expect((await audit(w.tokens.expert)).status).toBe(403);
    expect((await audit(w.tokens.superAdmin)).body.total).toBe(4);
  });
});
