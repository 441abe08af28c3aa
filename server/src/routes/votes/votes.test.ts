import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, type World } from '../../../test/participationWorld';
import { AuditLog } from '../../models/auditLog';
import { Ballot } from '../../models/ballot';
import { Household } from '../../models/household';
import { Notification } from '../../models/notification';
import { Vote } from '../../models/vote';

let server: TestServer;
let w: World;
let voteId: string;
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const voteBody = (over: Record<string, unknown> = {}) => ({
  projectId: w.a.projectId,
  title: '选聘红色物业服务企业',
  article278Item: 4,
  kind: 'yes_no',
  opensAt: minutes(-1),
  closesAt: minutes(60),
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  // Households 3 and 4 of compound 甲 belong to one owner: 4 households, 3 owners, 326.00 m².
  await Household.updateOne({ _id: w.a.householdIds[3] }, { $set: { ownerKey: '甲-2' } });
});
afterAll(async () => server?.close());

describe('opening a vote', () => {
  it('lets the street office open a vote with the eligible totals fixed', async () => {
    const res = await call(server, 'POST', '/votes', { token: w.tokens.streetA, body: voteBody() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      article278Label: '（四）选聘和解聘物业服务企业或者其他管理人',
      totals: { households: 4, areaCenti: 32600, owners: 3 },
      allowChange: false,
    });
    expect(res.body.options.map((o: { label: string }) => o.label)).toEqual(['同意', '反对', '弃权']);
    expect(res.body.rule).toContain('过半数');
    voteId = res.body.id;
    expect(await AuditLog.exists({ action: 'vote.create', targetId: voteId })).toBeTruthy();
  });

  it('tells subscribed residents that a vote opened', async () => {
    await call(server, 'POST', '/notifications/subscriptions', {
      token: w.tokens.resident2A,
      body: { templates: ['vote_open'] },
    });
    const res = await call(server, 'POST', '/votes', {
      token: w.tokens.streetA,
      body: voteBody({ title: '增设充电桩', opensAt: minutes(-3) }),
    });
    expect(res.status).toBe(201);
    const note = await Notification.findOne({ userId: w.userIds.resident2A, template: 'vote_open' }).lean();
    expect(JSON.stringify(note?.fields)).toContain('增设充电桩');
    await call(server, 'POST', `/votes/${res.body.id}/close`, { token: w.tokens.streetA });
  });

  it('offers red-property fee standards in fen per m² per month', async () => {
    const res = await call(server, 'POST', '/votes', {
      token: w.tokens.bureau,
      body: voteBody({
        title: '红色物业收费标准',
        kind: 'choice',
        options: [
          { id: 'fee50', label: '每月每平方米 0.50 元', feeFenPerSqmMonth: 50 },
          { id: 'fee80', label: '每月每平方米 0.80 元', feeFenPerSqmMonth: 80 },
        ],
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.options).toEqual([
      { id: 'fee50', label: '每月每平方米 0.50 元', feeFenPerSqmMonth: 50 },
      { id: 'fee80', label: '每月每平方米 0.80 元', feeFenPerSqmMonth: 80 },
      { id: 'abstain', label: '弃权' },
    ]);
  });

  it('refuses bad votes with 400 and writes nothing', async () => {
    const before = await Vote.countDocuments();
    const bad = [
      voteBody({ article278Item: 10 }),
      voteBody({ kind: 'choice', options: [{ id: 'a', label: '方案一' }] }),
      voteBody({ closesAt: minutes(-2) }),
      voteBody({
        kind: 'choice',
        options: [
          { id: 'a', label: '甲', feeFenPerSqmMonth: 0.5 },
          { id: 'b', label: '乙' },
        ],
      }),
      voteBody({ buildingIds: [w.b.buildingIds[0]] }),
    ];
    for (const body of bad) {
      const res = await call(server, 'POST', '/votes', { token: w.tokens.streetA, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await Vote.countDocuments()).toBe(before);
  });

  it('answers 401, 403 for community staff and residents, out_of_scope for another area, 404 for no project', async () => {
    expect((await call(server, 'POST', '/votes', { body: voteBody() })).status).toBe(401);
    expect(
      (await call(server, 'POST', '/votes', { token: w.tokens.communityA, body: voteBody() })).status,
    ).toBe(403);
    expect(
      (await call(server, 'POST', '/votes', { token: w.tokens.residentA, body: voteBody() })).status,
    ).toBe(403);
    const other = await call(server, 'GET', `/votes/${voteId}/tally`, { token: w.tokens.communityB });
    expect(other.body.error.code).toBe('out_of_scope');
    expect(
      (
        await call(server, 'POST', '/votes', {
          token: w.tokens.bureau,
          body: voteBody({ projectId: 'a'.repeat(24) }),
        })
      ).status,
    ).toBe(404);
    expect((await call(server, 'GET', `/votes/${'b'.repeat(24)}`, { token: w.tokens.bureau })).status).toBe(
      404,
    );
  });
});

describe('casting ballots', () => {
  it('shows the open vote to the resident of the compound', async () => {
    const res = await call(server, 'GET', '/votes/mine', { token: w.tokens.residentA });
    const item = res.body.items.find((v: { id: string }) => v.id === voteId);
    expect(item.households).toEqual([
      { householdId: w.a.householdIds[0], address: '1号楼 1单元 101', voted: false },
    ]);
    expect((await call(server, 'GET', `/votes/${voteId}`, { token: w.tokens.residentB })).status).toBe(403);
  });

  it('takes one ballot per household and gives a receipt', async () => {
    const path = `/votes/${voteId}/ballots/${w.a.householdIds[0]}`;
    const bad = await call(server, 'PUT', path, { token: w.tokens.residentA, body: { optionId: 'maybe' } });
    expect(bad.status).toBe(400);
    expect(await Ballot.countDocuments({ voteId })).toBe(0);
    const res = await call(server, 'PUT', path, { token: w.tokens.residentA, body: { optionId: 'yes' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      optionLabel: '同意',
      channelLabel: '小程序',
      address: '1号楼 1单元 101',
      changes: 0,
    });
    const again = await call(server, 'PUT', path, { token: w.tokens.residentA, body: { optionId: 'no' } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('不允许修改');
    const receipt = await call(server, 'GET', path, { token: w.tokens.residentA });
    expect(receipt.body.optionId).toBe('yes');
  });

  it('refuses ballots for households the resident is not bound to', async () => {
    const res = await call(server, 'PUT', `/votes/${voteId}/ballots/${w.a.householdIds[1]}`, {
      token: w.tokens.residentA,
      body: { optionId: 'yes' },
    });
    expect(res.status).toBe(403);
    const elsewhere = await call(server, 'PUT', `/votes/${voteId}/ballots/${w.b.householdIds[0]}`, {
      token: w.tokens.residentB,
      body: { optionId: 'yes' },
    });
    expect(elsewhere.status).toBe(403);
  });

  it('records paper ballots with their channel; online and paper never both count', async () => {
    const paper = (h: number, optionId: string, channel: string, token = w.tokens.communityA) =>
      call(server, 'PUT', `/votes/${voteId}/paper-ballots/${w.a.householdIds[h]}`, {
        token,
        body: { optionId, channel },
      });
    expect((await paper(1, 'yes', 'paper')).status).toBe(201);
    const visit = await paper(2, 'no', 'door_to_door');
    expect(visit.status).toBe(201);
    expect(visit.body.channelLabel).toBe('入户走访');
    const online = await call(server, 'PUT', `/votes/${voteId}/ballots/${w.a.householdIds[2]}`, {
      token: w.tokens.resident2A,
      body: { optionId: 'yes' },
    });
    expect(online.status).toBe(409);
    expect((await paper(0, 'no', 'paper')).status).toBe(409);
    expect((await paper(3, 'yes', 'paper', w.tokens.communityB)).status).toBe(403);
    expect(await Ballot.countDocuments({ voteId })).toBe(3);
  });

  it('audits every ballot without revealing the option', async () => {
    const entries = await AuditLog.find({ action: 'vote.ballot' }).lean();
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.channel).sort()).toEqual(['miniapp', '入户走访', '纸质']);
    expect(entries.some((e) => /同意|反对/.test(e.summary ?? ''))).toBe(false);
  });

  it('shows only participation while open, to staff and residents', async () => {
    const res = await call(server, 'GET', `/votes/${voteId}/tally`, { token: w.tokens.communityA });
    expect(res.status).toBe(200);
    expect(res.body.participation).toMatchObject({
      households: 3,
      area: { numerator: 24300, denominator: 32600 },
      headcount: { numerator: 3, denominator: 3 },
      met: true,
    });
    expect(res.body.approval).toBeUndefined();
    expect(res.body.result).toBeUndefined();
    expect(
      (await call(server, 'GET', `/votes/${voteId}/tally`, { token: w.tokens.residentA })).body.approval,
    ).toBeUndefined();
    expect(
      (
        await call(server, 'GET', `/votes/${voteId}/ballots/${w.a.householdIds[0]}`, {
          token: w.tokens.communityA,
        })
      ).status,
    ).toBe(409);
    const missing = await call(server, 'GET', `/votes/${voteId}/households?voted=false`, {
      token: w.tokens.communityA,
    });
    expect(missing.body.items).toEqual([
      expect.objectContaining({
        householdId: w.a.householdIds[3],
        address: '2号楼 1单元 104',
        voted: false,
        owner: '业***',
      }),
    ]);
    const voted = await call(server, 'GET', `/votes/${voteId}/households?voted=true`, {
      token: w.tokens.communityA,
    });
    expect(voted.body.items.every((r: { optionId?: string }) => r.optionId === undefined)).toBe(true);
    expect(
      (await call(server, 'GET', `/votes/${voteId}/export`, { token: w.tokens.communityA })).status,
    ).toBe(409);
  });

  it('lets a ballot change until close only when the vote allows it', async () => {
    const v = await call(server, 'POST', '/votes', {
      token: w.tokens.streetA,
      body: voteBody({ allowChange: true, title: '可改票的表决' }),
    });
    const path = `/votes/${v.body.id}/ballots/${w.a.householdIds[0]}`;
    expect(
      (await call(server, 'PUT', path, { token: w.tokens.residentA, body: { optionId: 'yes' } })).status,
    ).toBe(201);
    const changed = await call(server, 'PUT', path, {
      token: w.tokens.residentA,
      body: { optionId: 'abstain' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ optionId: 'abstain', optionLabel: '弃权', changes: 1 });
    await call(server, 'POST', `/votes/${v.body.id}/close`, { token: w.tokens.streetA });
    expect(
      (await call(server, 'PUT', path, { token: w.tokens.residentA, body: { optionId: 'no' } })).status,
    ).toBe(409);
  });

  it('counts only households of the chosen buildings', async () => {
    const v = await call(server, 'POST', '/votes', {
      token: w.tokens.streetA,
      body: voteBody({ buildingIds: [w.a.buildingIds[0]] }),
    });
    expect(v.body.totals).toEqual({ households: 2, areaCenti: 16100, owners: 2 });
    const res = await call(server, 'PUT', `/votes/${v.body.id}/ballots/${w.a.householdIds[2]}`, {
      token: w.tokens.resident2A,
      body: { optionId: 'yes' },
    });
    expect(res.status).toBe(403);
  });
});

describe('closing and the legal record', () => {
  it('tallies by area and headcount at close, with a fingerprint that does not change', async () => {
    const closed = await call(server, 'POST', `/votes/${voteId}/close`, { token: w.tokens.streetA });
    expect(closed.status).toBe(200);
    const t = closed.body.tally;
    // yes: 80 + 81 m² of 243 participating; owners 2 of 3 (households 3 and 4 share one owner).
    expect(t.approval.options[0]).toMatchObject({
      optionId: 'yes',
      households: 2,
      area: { numerator: 16100, denominator: 24300, percent: 66.26 },
      headcount: { numerator: 2, denominator: 3, percent: 66.67 },
      passed: true,
    });
    expect(t).toMatchObject({
      result: 'passed',
      resultLabel: '通过',
      winningOptionId: 'yes',
      byChannel: { miniapp: 1, paper: 1, door_to_door: 1 },
    });
    expect(t.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const again = await call(server, 'GET', `/votes/${voteId}/tally`, { token: w.tokens.residentA });
    expect(again.body.fingerprint).toBe(t.fingerprint);
    expect(again.body.result).toBe('passed');
    const late = await call(server, 'PUT', `/votes/${voteId}/paper-ballots/${w.a.householdIds[3]}`, {
      token: w.tokens.communityA,
      body: { optionId: 'yes', channel: 'paper' },
    });
    expect(late.status).toBe(409);
    const staffView = await call(server, 'GET', `/votes/${voteId}/ballots/${w.a.householdIds[2]}`, {
      token: w.tokens.communityA,
    });
    expect(staffView.body.optionLabel).toBe('反对');
  });

  it('exports the tally and the per-household record as xlsx', async () => {
    const res = await fetch(`${server.url}/api/v1/votes/${voteId}/export`, {
      headers: { Authorization: `Bearer ${w.tokens.communityA}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['计票结果', '逐户记录']);
    const record = wb.getWorksheet('逐户记录')!;
    expect(record.rowCount).toBe(5);
    expect(record.getRow(2).values).toEqual(
      expect.arrayContaining(['1号楼 1单元 101', '80.00', '同意', '小程序']),
    );
    expect(record.getRow(5).values).toEqual(expect.arrayContaining(['2号楼 1单元 104', '未投票']));
    const summary = wb.getWorksheet('计票结果')!;
    const cells = summary.getColumn(2).values.map(String);
    expect(cells).toContain('16100/24300（66.26%）');
    const tally = await call(server, 'GET', `/votes/${voteId}/tally`, { token: w.tokens.communityA });
    expect(cells).toContain(tally.body.fingerprint);
  });
});
