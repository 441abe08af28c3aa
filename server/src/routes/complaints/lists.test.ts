import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdueComplaints } from '../../commands/complaintEscalation';
import { Complaint } from '../../models/complaint';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { buildWorld, call, uploadPhoto, type World } from '../../../test/participationWorld';

let server: TestServer;
let w: World;
const ids: Record<string, string> = {};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

beforeAll(async () => {
  server = await startTestServer();
  w = await buildWorld(server);
  const file = async (key: string, token: string, body: Record<string, unknown>) => {
    const res = await call(server, 'POST', '/complaints', {
      token,
      body: { projectId: w.a.projectId, ...body },
    });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await file('public', w.tokens.residentA, {
    category: 'quality',
    text: '外墙保温层有脱落，联系电话13812345678',
    buildingId: w.a.buildingIds[0],
    visibility: 'public',
  });
  await file('anonymous', w.tokens.resident2A, {
    category: 'safety',
    text: '2号楼前的沟槽夜里没有围挡',
    buildingId: w.a.buildingIds[1],
    photos: [await uploadPhoto(server, w.tokens.resident2A)],
    visibility: 'anonymous',
  });
  await file('private', w.tokens.residentA, {
    category: 'other',
    text: '施工队在我家门口吵架',
    visibility: 'private',
  });
  const other = await call(server, 'POST', '/complaints', {
    token: w.tokens.residentB,
    body: { projectId: w.b.projectId, category: 'progress', text: '乙小区的工程停工半个月了' },
  });
  ids.otherRegion = other.body.id;
  // Time passes: the anonymous one is just past its limit, the private one long past.
  await Complaint.updateOne(
    { _id: ids.anonymous },
    { dueAt: hoursAgo(1), bureauDueAt: new Date(Date.now() + 86_400_000) },
  );
  await Complaint.updateOne({ _id: ids.private }, { dueAt: hoursAgo(100), bureauDueAt: hoursAgo(2) });
});
afterAll(async () => server?.close());

const queue = (token: string, query = '') => call(server, 'GET', `/complaints${query}`, { token });
const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();

describe('staff queue', () => {
  it('shows staff only their own region', async () => {
    const a = await queue(w.tokens.communityA);
    expect(a.status).toBe(200);
    expect(a.body.total).toBe(3);
    expect(idsOf(a)).not.toContain(ids.otherRegion);
    const b = await queue(w.tokens.communityB);
    expect(idsOf(b)).toEqual([ids.otherRegion]);
    expect((await queue(w.tokens.bureau)).body.total).toBe(4);
  });

  it('escalates overdue complaints to the street office and then the bureau', async () => {
    const overdue = await queue(w.tokens.streetA, '?overdue=true');
    expect(idsOf(overdue)).toEqual([ids.anonymous, ids.private].sort());
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const street = await queue(w.tokens.streetA, '?escalation=street');
    expect(idsOf(street)).toEqual([ids.anonymous]);
    const bureau = await queue(w.tokens.bureau, '?escalation=bureau');
    expect(idsOf(bureau)).toEqual([ids.private]);
    const detail = await call(server, 'GET', `/complaints/${ids.private}`, { token: w.tokens.bureau });
    expect(detail.body.history.at(-1)).toMatchObject({
      action: 'escalate',
      note: expect.stringContaining('区住建局'),
    });
    const onTime = await queue(w.tokens.communityA, '?overdue=false');
    expect(idsOf(onTime)).toEqual([ids.public]);
  });

  it('records each escalation once, however many reads sweep at the same time', async () => {
    await Promise.all([escalateOverdueComplaints(), escalateOverdueComplaints(), queue(w.tokens.bureau)]);
    const stored = await Complaint.find({ _id: { $in: [ids.anonymous, ids.private] } }).lean();
    for (const c of stored) expect(c.history.filter((h) => h.action === 'escalate')).toHaveLength(1);
    expect(stored.map((c) => c.escalationLevel).sort()).toEqual(['bureau', 'street']);
  });

  it('filters by status, category and project, and paginates', async () => {
    expect(idsOf(await queue(w.tokens.bureau, '?category=quality'))).toEqual([ids.public]);
    expect((await queue(w.tokens.bureau, `?projectId=${w.b.projectId}`)).body.total).toBe(1);
    expect((await queue(w.tokens.bureau, '?status=closed')).body.total).toBe(0);
    const page1 = await queue(w.tokens.bureau, '?size=3&page=1');
    const page2 = await queue(w.tokens.bureau, '?size=3&page=2');
    expect(page1.body.items).toHaveLength(3);
    expect(page2.body.items).toHaveLength(1);
    expect(new Set([...idsOf(page1), ...idsOf(page2)]).size).toBe(4);
  });

  it('rejects bad filters and callers without a staff role', async () => {
    for (const q of ['?status=done', '?overdue=yes', '?size=1000', '?page=0', '?projectId=1']) {
      const res = await queue(w.tokens.bureau, q);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await call(server, 'GET', '/complaints')).status).toBe(401);
    expect((await queue(w.tokens.residentA)).status).toBe(403);
    expect((await queue(w.tokens.expert)).status).toBe(403);
  });
});

describe('my complaints', () => {
  it("lists only the caller's own", async () => {
    const mine = await call(server, 'GET', '/complaints/mine', { token: w.tokens.residentA });
    expect(mine.status).toBe(200);
    expect(idsOf(mine)).toEqual([ids.public, ids.private].sort());
    const own = await call(server, 'GET', `/complaints/${ids.public}`, { token: w.tokens.residentA });
    expect(own.status).toBe(200);
    expect((await call(server, 'GET', '/complaints/mine', { token: w.tokens.communityA })).status).toBe(403);
  });
});

describe('public list per project', () => {
  it('shows public and anonymous complaints without names, phones, or (anonymous) the building', async () => {
    const res = await call(server, 'GET', `/complaints/public?projectId=${w.a.projectId}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const byId = Object.fromEntries(res.body.items.map((i: { id: string }) => [i.id, i]));
    expect(byId[ids.private]).toBeUndefined();
    expect(byId[ids.public]).toMatchObject({ buildingName: '1号楼', category: 'quality' });
    expect(byId[ids.public].text).toBe('外墙保温层有脱落，联系电话138****78');
    expect(byId[ids.anonymous].buildingName).toBeUndefined();
    expect(byId[ids.anonymous].photos).toEqual([]);
    const raw = JSON.stringify(res.body);
    expect(raw).not.toMatch(/姓名|author|phone|13912345678/);
  });

  it('answers 400 for a bad project id and 404 for an unknown project', async () => {
    expect((await call(server, 'GET', '/complaints/public?projectId=x')).status).toBe(400);
    expect((await call(server, 'GET', '/complaints/public')).status).toBe(400);
    expect((await call(server, 'GET', '/complaints/public?projectId=0123456789abcdef01234567')).status).toBe(
      404,
    );
  });
});

describe('xlsx export of the queue', () => {
  const download = (token: string, query = '') =>
    fetch(`${server.url}/api/v1/complaints/export${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });

  it("gives staff a ledger of their region's complaints, without names or phones", async () => {
    const res = await download(w.tokens.communityA, '?overdue=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('投诉台账')!;
    expect(sheet.rowCount).toBe(3);
    const rows = [2, 3].map((r) => sheet.getRow(r).values as unknown[]);
    expect(rows.map((r) => r[1]).sort()).toEqual([ids.anonymous, ids.private].sort());
    expect(rows.every((r) => r[10] === '是')).toBe(true);
    expect(rows.map((r) => r[11]).sort()).toEqual(['区住建局', '街道办']);
    const all = await download(w.tokens.communityA);
    const wbAll = new ExcelJS.Workbook();
    await wbAll.xlsx.load(await all.arrayBuffer());
    const text = JSON.stringify(wbAll.getWorksheet('投诉台账')!.getSheetValues());
    expect(text).not.toContain(ids.otherRegion);
    expect(text).not.toMatch(/姓名|13912345678/);
  });

  it('rejects bad filters and non-staff', async () => {
    expect((await download(w.tokens.bureau, '?status=lost')).status).toBe(400);
    expect((await download(w.tokens.residentA)).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/complaints/export`)).status).toBe(401);
  });
});
