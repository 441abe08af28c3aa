import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../auth/tokens';
import { Complaint } from '../../models/complaint';
import { User } from '../../models/user';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, uploadPhoto, type World } from '../../../test/participationWorld';

let server: TestServer;
let w: World;
let photo: string;
const missingPhoto = `/api/v1/uploads/${'a'.repeat(32)}.jpg`;

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  photo = await uploadPhoto(server, w.tokens.residentA);
});
afterAll(async () => server?.close());

const file = (token: string, body: Record<string, unknown>) =>
  call(server, 'POST', '/complaints', { token, body });
const validBody = () => ({
  projectId: w.a.projectId,
  category: 'civility',
  text: '夜间十一点后仍在施工，噪音很大',
  photos: [photo],
  buildingId: w.a.buildingIds[0],
  visibility: 'public',
});

describe('filing a complaint', () => {
  it('lets a resident of the compound file one, due within one working day', async () => {
    const res = await file(w.tokens.residentA, validBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      category: 'civility',
      buildingName: '1号楼',
      escalationLevel: 'community',
      overdue: false,
      photos: [photo],
    });
    expect(res.body.author.phone).toBe('139****5678');
    expect(res.body.author.name).not.toContain('姓名');
    expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(Date.now());
    expect(res.body.history).toHaveLength(1);
  });

  it('rejects bad input with a Chinese message and writes nothing', async () => {
    const before = await Complaint.countDocuments();
    const cases = [
      { ...validBody(), category: '噪音' },
      { ...validBody(), text: '短' },
      { ...validBody(), photos: Array(10).fill(photo) },
      { ...validBody(), photos: ['/etc/passwd'] },
      { ...validBody(), projectId: 'nope' },
      { ...validBody(), visibility: 'secret' },
    ];
    for (const body of cases) {
      const res = await file(w.tokens.residentA, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const notUploaded = await file(w.tokens.residentA, { ...validBody(), photos: [photo, missingPhoto] });
    expect(notUploaded.status).toBe(400);
    expect(notUploaded.body.error.message).toBe('图片不存在或已失效，请重新上传');
    const wrongBuilding = await file(w.tokens.residentA, { ...validBody(), buildingId: w.b.buildingIds[0] });
    expect(wrongBuilding.status).toBe(400);
    expect(wrongBuilding.body.error.message).toBe('楼栋不属于该项目所在小区');
    expect(await Complaint.countDocuments()).toBe(before);
  });

  it('refuses anonymous callers, staff, residents of another compound and unknown projects', async () => {
    expect((await call(server, 'POST', '/complaints', { body: validBody() })).status).toBe(401);
    expect((await file(w.tokens.communityA, validBody())).status).toBe(403);
    const outsider = await file(w.tokens.residentB, validBody());
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toContain('本人所在小区');
    const missing = await file(w.tokens.residentA, { ...validBody(), projectId: '0123456789abcdef01234567' });
    expect(missing.status).toBe(404);
  });
});

describe('double submits and floods', () => {
  it('stores a double-tapped complaint once, also when both arrive together', async () => {
    const body = { ...validBody(), text: '消防通道被建筑材料堵住了', photos: [] };
    const [first, second] = await Promise.all([
      file(w.tokens.resident2A, body),
      file(w.tokens.resident2A, body),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const again = await file(w.tokens.resident2A, body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('请勿重复提交');
    expect(await Complaint.countDocuments({ text: body.text })).toBe(1);
  });

  it('limits a resident to 20 complaints an hour', async () => {
    const fresh = await User.create({
      role: 'resident',
      name: '新居民',
      householdIds: [w.b.householdIds[1]],
    });
    const token = signToken(
      { id: String(fresh._id), role: 'resident' },
      'access',
      server.env.JWT_SECRET,
      600,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const body = { projectId: w.b.projectId, category: 'other', text: `第 ${i} 条意见内容` };
      statuses.push((await file(token, body)).status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(statuses[20]).toBe(429);
  });
});

describe('filing as a supervisor', () => {
  it('is allowed for projects the supervisor is a member of, and only those', async () => {
    const before = await file(w.tokens.supervisorA, validBody());
    expect(before.status).toBe(403);
    const added = await call(server, 'POST', '/supervision/members', {
      token: w.tokens.communityA,
      body: { projectId: w.a.projectId, userId: w.userIds.supervisorA, category: 'veteran_party_member' },
    });
    expect(added.status).toBe(201);
    const res = await file(w.tokens.supervisorA, { ...validBody(), visibility: 'anonymous' });
    expect(res.status).toBe(201);
    expect(res.body.author.role).toBe('supervisor');
    expect(
      (await file(w.tokens.supervisorA, { ...validBody(), projectId: w.b.projectId, buildingId: undefined }))
        .status,
    ).toBe(403);
  });
});

describe('handling a complaint', () => {
  let id: string;
  beforeAll(async () => {
    id = (
      await file(w.tokens.residentA, {
        ...validBody(),
        text: '脚手架没有防护网，担心高空坠物',
        category: 'safety',
      })
    ).body.id;
  });

  it('moves 已提交 → 已受理 → 处理中 → 已办结 with history, requiring a reply to close', async () => {
    const to = (body: unknown, token = w.tokens.communityA) =>
      call(server, 'POST', `/complaints/${id}/transitions`, { token, body });
    const accepted = await to({ status: 'accepted', note: '已联系施工单位' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');

    const skip = await to({ status: 'accepted' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('invalid_state');

    expect((await to({ status: 'processing' })).body.status).toBe('processing');

    const noReply = await to({ status: 'closed' });
    expect(noReply.status).toBe(400);
    expect(noReply.body.error.message).toContain('办结时必须填写答复');
    expect((await Complaint.findById(id).lean())!.status).toBe('processing');

    const closed = await to({ status: 'closed', reply: '已加装防护网并复查' }, w.tokens.streetA);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', reply: { text: '已加装防护网并复查' } });
    expect(closed.body.dueAt).toBeUndefined();
    expect(closed.body.history.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'accepted',
      'processing',
      'closed',
    ]);
    expect(closed.body.history[1]).toMatchObject({ actorRole: 'community_staff', note: '已联系施工单位' });
  });

  it('lets exactly one of two simultaneous moves win', async () => {
    const c = (
      await file(w.tokens.resident2A, {
        ...validBody(),
        buildingId: w.a.buildingIds[1],
        text: '单元门禁坏了三天',
      })
    ).body.id;
    const accept = (token: string) =>
      call(server, 'POST', `/complaints/${c}/transitions`, { token, body: { status: 'accepted' } });
    const results = await Promise.all([accept(w.tokens.communityA), accept(w.tokens.streetA)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = (await Complaint.findById(c).lean())!;
    expect(stored.history.filter((h) => h.status === 'accepted')).toHaveLength(1);
  });

  it('keeps other-region staff, experts and residents out', async () => {
    const body = { status: 'accepted' };
    const other = await call(server, 'POST', `/complaints/${id}/transitions`, {
      token: w.tokens.communityB,
      body,
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('out_of_scope');
    expect((await call(server, 'GET', `/complaints/${id}`, { token: w.tokens.communityB })).status).toBe(403);
    expect((await call(server, 'GET', `/complaints/${id}`, { token: w.tokens.expert })).status).toBe(403);
    expect((await call(server, 'GET', `/complaints/${id}`, { token: w.tokens.resident2A })).status).toBe(403);
    expect(
      (await call(server, 'POST', `/complaints/${id}/transitions`, { token: w.tokens.residentA, body }))
        .status,
    ).toBe(403);
    expect(
      (await call(server, 'GET', '/complaints/0123456789abcdef01234567', { token: w.tokens.bureau })).status,
    ).toBe(404);
    expect((await call(server, 'GET', '/complaints/zzz', { token: w.tokens.bureau })).status).toBe(400);
  });

  it('lets the author rate once, and then not reopen', async () => {
    const rate = (body: unknown, token = w.tokens.residentA) =>
      call(server, 'POST', `/complaints/${id}/rating`, { token, body });
    expect((await rate({ score: 6 })).status).toBe(400);
    expect((await rate({ score: 5 }, w.tokens.resident2A)).status).toBe(403);
    const rated = await rate({ score: 4, comment: '处理及时' });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toMatchObject({ score: 4, comment: '处理及时' });
    expect((await rate({ score: 5 })).status).toBe(409);
    const reopen = await call(server, 'POST', `/complaints/${id}/reopen`, {
      token: w.tokens.residentA,
      body: { reason: '还是不行' },
    });
    expect(reopen.status).toBe(409);
  });

  it('lets the author reopen an unrated closed complaint, back to 处理中 with a new limit', async () => {
    const c = (await file(w.tokens.residentA, { ...validBody(), text: '楼道灯安装后不亮' })).body.id;
    const to = (body: unknown) =>
      call(server, 'POST', `/complaints/${c}/transitions`, { token: w.tokens.communityA, body });
    await to({ status: 'accepted' });
    await to({ status: 'closed', reply: '已更换灯具' });
    expect(
      (await call(server, 'POST', `/complaints/${c}/reopen`, { token: w.tokens.residentA, body: {} })).status,
    ).toBe(400);
    const reopened = await call(server, 'POST', `/complaints/${c}/reopen`, {
      token: w.tokens.residentA,
      body: { reason: '换了以后还是不亮' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'processing', reopenCount: 1, overdue: false });
    expect(reopened.body.dueAt).toBeDefined();
    expect(reopened.body.history.at(-1)).toMatchObject({ action: 'reopen', note: '换了以后还是不亮' });
  });
});
