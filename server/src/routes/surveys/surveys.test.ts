import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';
import { Survey } from '../../models/survey';
import { SurveyResponse } from '../../models/surveyResponse';
import { AuditLog } from '../../models/auditLog';
import { Notification } from '../../models/notification';

export const questions = [
  {
    id: 'q1',
    type: 'single',
    title: '是否同意本小区改造',
    required: true,
    options: [
      { id: 'yes', label: '同意' },
      { id: 'no', label: '不同意' },
    ],
  },
  {
    id: 'q2',
    type: 'multiple',
    title: '最希望改造的内容',
    required: true,
    showIf: { questionId: 'q1', optionIds: ['yes'] },
    minSelect: 1,
    maxSelect: 2,
    options: [
      { id: 'pipe', label: '地下管网' },
      { id: 'facade', label: '外立面' },
      { id: 'parking', label: '停车位' },
    ],
  },
  {
    id: 'q3',
    type: 'ranking',
    title: '请给改造内容排序',
    items: [
      { id: 'pipe', label: '地下管网' },
      { id: 'facade', label: '外立面' },
      { id: 'parking', label: '停车位' },
    ],
    pick: 2,
  },
  { id: 'q4', type: 'scale', title: '对现状的满意度', min: 1, max: 5 },
  { id: 'q5', type: 'text', title: '其他意见', maxLength: 20 },
  { id: 'q6', type: 'photo', title: '问题照片', maxPhotos: 2 },
];
const full = {
  q1: 'yes',
  q2: ['pipe', 'parking'],
  q3: ['parking', 'pipe'],
  q4: 2,
  q5: '楼道太暗',
  q6: ['/uploads/a.jpg'],
};

let server: TestServer;
let w: World;
let surveyId: string;
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const surveyBody = (over: Record<string, unknown> = {}) => ({
  projectId: w.a.projectId,
  title: '甲小区改造征求意见表',
  questions,
  opensAt: minutes(-1),
  closesAt: minutes(60 * 24),
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(async () => server?.close());

describe('building a survey', () => {
  it('lets community staff create one for a project in their area, audited', async () => {
    const res = await call(server, 'POST', '/surveys', { token: w.tokens.communityA, body: surveyBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      statusLabel: '进行中',
      version: 1,
      compoundId: w.a.compoundId,
    });
    expect(res.body.questions).toHaveLength(6);
    surveyId = res.body.id;
    expect(await AuditLog.exists({ action: 'survey.create', targetId: surveyId })).toBeTruthy();
  });

  it('refuses a show-if on a later question, a bad time range or an unknown type with 400 and writes nothing', async () => {
    const before = await Survey.countDocuments();
    const bad = [
      surveyBody({ questions: [{ ...questions[1], showIf: { questionId: 'q9', optionIds: ['yes'] } }] }),
      surveyBody({ closesAt: minutes(-5) }),
      surveyBody({ questions: [{ id: 'x', type: 'video', title: '视频' }] }),
      surveyBody({ questions: [{ ...questions[1], showIf: undefined, minSelect: 3, maxSelect: 2 }] }),
    ];
    for (const body of bad) {
      const res = await call(server, 'POST', '/surveys', { token: w.tokens.communityA, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await Survey.countDocuments()).toBe(before);
  });

  it('answers 401 without a token, 403 for residents, experts and other-area staff, 404 for an unknown project', async () => {
    expect((await call(server, 'POST', '/surveys', { body: surveyBody() })).status).toBe(401);
    expect(
      (await call(server, 'POST', '/surveys', { token: w.tokens.residentA, body: surveyBody() })).status,
    ).toBe(403);
    expect(
      (await call(server, 'POST', '/surveys', { token: w.tokens.expert, body: surveyBody() })).status,
    ).toBe(403);
    const other = await call(server, 'POST', '/surveys', { token: w.tokens.communityB, body: surveyBody() });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('out_of_scope');
    const missing = await call(server, 'POST', '/surveys', {
      token: w.tokens.communityA,
      body: surveyBody({ projectId: '0'.repeat(24) }),
    });
    expect(missing.status).toBe(404);
    expect(
      (await call(server, 'GET', `/surveys/${surveyId}/collection`, { token: w.tokens.communityB })).status,
    ).toBe(403);
    expect(
      (await call(server, 'GET', `/surveys/${'f'.repeat(24)}/results`, { token: w.tokens.communityA }))
        .status,
    ).toBe(404);
  });

  it('tells subscribed residents of the compound that a survey opened (outbox without WeChat)', async () => {
    const sub = await call(server, 'POST', '/notifications/subscriptions', {
      token: w.tokens.residentA,
      body: { templates: ['survey_open'] },
    });
    expect(sub.status).toBeLessThan(300);
    const res = await call(server, 'POST', '/surveys', {
      token: w.tokens.communityA,
      body: surveyBody({ title: '加装电梯意向调查', opensAt: minutes(-5) }),
    });
    expect(res.status).toBe(201);
    const note = await Notification.findOne({ userId: w.userIds.residentA, template: 'survey_open' }).lean();
    expect(note?.status).toBe('outbox');
    expect(JSON.stringify(note?.fields)).toContain('加装电梯意向调查');
    await call(server, 'POST', `/surveys/${res.body.id}/close`, { token: w.tokens.communityA });
  });

  it('lists surveys to staff of the area only', async () => {
    const mine = await call(server, 'GET', '/surveys?status=open', { token: w.tokens.streetA });
    expect(mine.body.items.map((s: { id: string }) => s.id)).toContain(surveyId);
    const other = await call(server, 'GET', '/surveys', { token: w.tokens.communityB });
    expect(other.body.total).toBe(0);
  });
});

describe('answering', () => {
  it('shows the open survey to a bound resident, not yet answered', async () => {
    const res = await call(server, 'GET', '/surveys/mine', { token: w.tokens.residentA });
    expect(res.status).toBe(200);
    const item = res.body.items.find((s: { id: string }) => s.id === surveyId);
    expect(item.households).toEqual([
      { householdId: w.a.householdIds[0], address: '1号楼 1单元 101', answered: false },
    ]);
    expect((await call(server, 'GET', `/surveys/${surveyId}`, { token: w.tokens.residentA })).status).toBe(
      200,
    );
    expect((await call(server, 'GET', `/surveys/${surveyId}`, { token: w.tokens.residentB })).status).toBe(
      403,
    );
  });

  it('checks answers against the questions and writes nothing when they are wrong', async () => {
    const path = `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`;
    const wrong = [
      { q1: 'yes' },
      { q1: 'no', q2: ['pipe'] },
      { ...full, q2: ['pipe', 'facade', 'parking'] },
      { ...full, q3: ['pipe', 'facade', 'parking'] },
      { ...full, q4: 9 },
      { ...full, q5: '这'.repeat(21) },
      { ...full, q6: ['not a url'] },
      { ...full, q7: 'x' },
    ];
    for (const answers of wrong) {
      const res = await call(server, 'PUT', path, { token: w.tokens.residentA, body: { answers } });
      expect(res.status, JSON.stringify(answers)).toBe(400);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    expect(await SurveyResponse.countDocuments({ surveyId })).toBe(0);
  });

  it('takes one response per household from a bound resident and returns a receipt', async () => {
    const res = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.residentA,
      body: { answers: full },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'miniapp',
      channelLabel: '小程序',
      revision: 1,
      address: '1号楼 1单元 101',
    });
    expect(res.body.receiptNo).toMatch(/^ZQ[0-9A-F]{8}-1$/);
    const receipt = await call(server, 'GET', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.residentA,
    });
    expect(receipt.body.answers).toEqual(full);
    expect(receipt.body.history).toBeUndefined();
  });

  it('refuses to answer for a household the resident is not bound to', async () => {
    const res = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[1]}`, {
      token: w.tokens.residentA,
      body: { answers: full },
    });
    expect(res.status).toBe(403);
    const elsewhere = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.b.householdIds[0]}`, {
      token: w.tokens.residentB,
      body: { answers: full },
    });
    expect(elsewhere.status).toBe(403);
  });

  it('lets the household edit until close and keeps the history for staff', async () => {
    const edited = { q1: 'no', q4: 1 };
    const res = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.residentA,
      body: { answers: edited },
    });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    const staffView = await call(server, 'GET', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.communityA,
    });
    expect(staffView.body.answers).toEqual(edited);
    expect(staffView.body.history).toHaveLength(1);
    expect(staffView.body.history[0].answers).toEqual(full);
    await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.residentA,
      body: { answers: full },
    });
  });

  it('records paper forms by staff with their channel, and never counts online and paper for one household', async () => {
    const paper = await call(server, 'PUT', `/surveys/${surveyId}/paper-responses/${w.a.householdIds[2]}`, {
      token: w.tokens.communityA,
      body: {
        answers: { q1: 'yes', q2: ['facade'], q3: ['pipe'], q5: '希望加装电梯' },
        channel: 'door_to_door',
      },
    });
    expect(paper.status).toBe(201);
    expect(paper.body.channelLabel).toBe('入户走访');
    const online = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[2]}`, {
      token: w.tokens.resident2A,
      body: { answers: full },
    });
    expect(online.status).toBe(409);
    expect(online.body.error.code).toBe('invalid_state');
    const overOnline = await call(
      server,
      'PUT',
      `/surveys/${surveyId}/paper-responses/${w.a.householdIds[0]}`,
      {
        token: w.tokens.communityA,
        body: { answers: full, channel: 'paper' },
      },
    );
    expect(overOnline.status).toBe(409);
    const badChannel = await call(
      server,
      'PUT',
      `/surveys/${surveyId}/paper-responses/${w.a.householdIds[3]}`,
      {
        token: w.tokens.communityA,
        body: { answers: full, channel: 'miniapp' },
      },
    );
    expect(badChannel.status).toBe(400);
    const otherArea = await call(
      server,
      'PUT',
      `/surveys/${surveyId}/paper-responses/${w.a.householdIds[3]}`,
      {
        token: w.tokens.communityB,
        body: { answers: full, channel: 'paper' },
      },
    );
    expect(otherArea.status).toBe(403);
    expect(await SurveyResponse.countDocuments({ surveyId })).toBe(2);
    expect(await AuditLog.exists({ action: 'survey.response', channel: '入户走访' })).toBeTruthy();
  });

  it('keeps one response when a household submits many times at once', async () => {
    const path = `/surveys/${surveyId}/paper-responses/${w.a.householdIds[1]}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(server, 'PUT', path, {
          token: w.tokens.communityA,
          body: { answers: full, channel: 'meeting' },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    expect(await SurveyResponse.countDocuments({ surveyId, householdId: w.a.householdIds[1] })).toBe(1);
    const stored = await SurveyResponse.findOne({ surveyId, householdId: w.a.householdIds[1] }).lean();
    const edits = results.filter((r) => r.status === 200).length;
    expect(stored?.revision).toBe(1 + edits);
    expect(stored?.history).toHaveLength(edits);
  });

  it('keeps every edit in order when a household edits many times at once', async () => {
    const path = `/surveys/${surveyId}/paper-responses/${w.a.householdIds[1]}`;
    const before = await SurveyResponse.findOne({ surveyId, householdId: w.a.householdIds[1] }).lean();
    const r0 = before!.revision;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(server, 'PUT', path, {
          token: w.tokens.communityA,
          body: { answers: { ...full, q5: `第${i + 1}次修改` }, channel: 'meeting' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const byRevision = results.map((r) => r.body).sort((a, b) => a.revision - b.revision);
    expect(byRevision.map((b) => b.revision)).toEqual(Array.from({ length: 8 }, (_, i) => r0 + 1 + i));
    const after = await SurveyResponse.findOne({ surveyId, householdId: w.a.householdIds[1] }).lean();
    expect(after?.revision).toBe(r0 + 8);
    expect(after?.answers).toEqual(byRevision[7].answers);
    // Each edit moved exactly the state it replaced into the history: nothing lost, nothing twice.
    expect(after?.history.slice(-8).map((h) => h.answers)).toEqual([
      before!.answers,
      ...byRevision.slice(0, 7).map((b) => b.answers),
    ]);
    await call(server, 'PUT', path, {
      token: w.tokens.communityA,
      body: { answers: full, channel: 'meeting' },
    });
  });

  it('stores answers that look like database expressions exactly as typed when editing', async () => {
    const path = `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`;
    const typed = { ...full, q5: '$answers $$ROOT' };
    const res = await call(server, 'PUT', path, { token: w.tokens.residentA, body: { answers: typed } });
    expect(res.status).toBe(200);
    const receipt = await call(server, 'GET', path, { token: w.tokens.communityA });
    expect(receipt.body.answers).toEqual(typed);
    expect(receipt.body.history.at(-1).answers).toEqual(full);
    await call(server, 'PUT', path, { token: w.tokens.residentA, body: { answers: full } });
  });
});

describe('following the survey', () => {
  it('gives the live collection rate per compound and building with the households still missing', async () => {
    const res = await call(server, 'GET', `/surveys/${surveyId}/collection`, { token: w.tokens.communityA });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      households: 4,
      responded: 3,
      meetsTarget: false,
      rate: { numerator: 3, denominator: 4, percent: 75 },
    });
    expect(res.body.byChannel).toMatchObject({ miniapp: 1, door_to_door: 1, meeting: 1, paper: 0 });
    expect(res.body.buildings.map((b: { name: string; responded: number }) => [b.name, b.responded])).toEqual(
      [
        ['1号楼', 2],
        ['2号楼', 1],
      ],
    );
    expect(res.body.missing).toEqual([
      { householdId: w.a.householdIds[3], building: '2号楼', unit: '1', room: '104', owner: '业***' },
    ]);
  });

  it('lists compounds below 80% for the district with the missing households', async () => {
    const res = await call(server, 'GET', '/surveys/collection', { token: w.tokens.bureau });
    expect(res.status).toBe(200);
    expect(res.body.total).toMatchObject({ households: 4, responded: 3 });
    expect(res.body.belowTarget).toHaveLength(1);
    expect(res.body.belowTarget[0]).toMatchObject({ name: '甲小区', surveyId });
    expect(res.body.belowTarget[0].missing).toHaveLength(1);
    const other = await call(server, 'GET', '/surveys/collection', { token: w.tokens.communityB });
    expect(other.body.compounds).toEqual([]);
    const bad = await call(server, 'GET', '/surveys/collection?regionId=nope', { token: w.tokens.bureau });
    expect(bad.status).toBe(400);
  });

  it('summarises results per question with ranking scores, texts and a cross-tab by building', async () => {
    const res = await call(server, 'GET', `/surveys/${surveyId}/results`, { token: w.tokens.streetA });
    expect(res.status).toBe(200);
    const [q1, q2, q3, q4, q5] = res.body.questions;
    expect(q1.options).toEqual([
      { id: 'yes', label: '同意', count: 3, percent: 100 },
      { id: 'no', label: '不同意', count: 0, percent: 0 },
    ]);
    expect(q1.byBuilding.map((b: { building: string; counts: unknown }) => [b.building, b.counts])).toEqual([
      ['1号楼', { yes: 2 }],
      ['2号楼', { yes: 1 }],
    ]);
    expect(q2.options.find((o: { id: string }) => o.id === 'pipe')).toMatchObject({
      count: 2,
      percent: 66.67,
    });
    // Borda with pick 2: 1st = 2 points, 2nd = 1. parking: 2+2; pipe: 1+1+2; facade: 0.
    expect(q3.ranking.map((r: { id: string; score: number }) => [r.id, r.score])).toEqual([
      ['parking', 4],
      ['pipe', 4],
      ['facade', 0],
    ]);
    expect(q4.scale.average).toBe(2);
    expect(q5.texts.map((t: { text: string }) => t.text).sort()).toEqual([
      '希望加装电梯',
      '楼道太暗',
      '楼道太暗',
    ]);
  });

  it('exports results and every response as xlsx', async () => {
    const res = await fetch(`${server.url}/api/v1/surveys/${surveyId}/export`, {
      headers: { Authorization: `Bearer ${w.tokens.communityA}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['征集率', '结果汇总', '答卷明细']);
    const rows = wb.getWorksheet('答卷明细')!;
    expect(rows.rowCount).toBe(4);
    expect(rows.getRow(2).getCell(4).value).toBe('小程序');
    expect(String(rows.getRow(2).getCell(10).value)).toBe('1.停车位 2.地下管网');
  });

  it('freezes the questions once answered; a new version carries the change', async () => {
    const frozen = await call(server, 'PATCH', `/surveys/${surveyId}`, {
      token: w.tokens.communityA,
      body: { questions: questions.slice(0, 1) },
    });
    expect(frozen.status).toBe(409);
    const retitled = await call(server, 'PATCH', `/surveys/${surveyId}`, {
      token: w.tokens.communityA,
      body: { title: '征求意见表（修订）' },
    });
    expect(retitled.status).toBe(200);
    const v2 = await call(server, 'POST', `/surveys/${surveyId}/versions`, {
      token: w.tokens.communityA,
      body: { questions: questions.slice(0, 1), opensAt: minutes(60), closesAt: minutes(120) },
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, previousVersionId: surveyId, status: 'scheduled' });
    expect(v2.body.questions).toHaveLength(1);
  });

  it('refuses answers after close', async () => {
    const closed = await call(server, 'POST', `/surveys/${surveyId}/close`, { token: w.tokens.communityA });
    expect(closed.body.status).toBe('closed');
    const late = await call(server, 'PUT', `/surveys/${surveyId}/responses/${w.a.householdIds[0]}`, {
      token: w.tokens.residentA,
      body: { answers: full },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('已结束');
  });
});
