import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdImportColumns } from '@jiugai/shared';
import { startTestServer, type TestServer } from '../../../test/testServer';
import { call } from '../../../test/http';
import {
  createHouseholds,
  createRegionChain,
  createUser,
  tokenFor,
  type RegionChain,
} from '../../../test/factories';
import { Household } from '../../models/household';
import { Region } from '../../models/region';

let server: TestServer;
let mine: RegionChain;
let other: RegionChain;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  mine = await createRegionChain('住户区');
  other = await createRegionChain('他区');
  await createHouseholds(mine.building, 3);
  await createHouseholds(other.building, 2);
  token = tokenFor(server, await createUser('community_staff', mine.community));
});
afterAll(async () => server?.close());

async function xlsx(rows: unknown[][], header: readonly string[] = householdImportColumns): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return new Blob([await wb.xlsx.writeBuffer()]);
}
function importForm(file: Blob, compoundId: string) {
  const form = new FormData();
  form.set('compoundId', compoundId);
  form.set('file', file, 'households.xlsx');
  return form;
}

describe('households', () => {
  it('lists households in scope with masked owner name and phone', async () => {
    const res = await call(server, 'GET', `/api/v1/households?compoundId=${mine.compound._id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items[0]).toMatchObject({
      buildingName: '1号楼',
      unit: '1',
      ownerName: '业****',
      ownerPhone: expect.stringMatching(/^139\*{4}\d{4}$/),
    });
    const all = await call(server, 'GET', '/api/v1/households', { token });
    expect(all.body.total).toBe(3);
    const out = await call(server, 'GET', `/api/v1/households?compoundId=${other.compound._id}`, { token });
    expect(out.status).toBe(403);
  });

  it('shows one household in full to staff in scope', async () => {
    const [h] = await Household.find({ compoundId: mine.compound._id }).lean();
    const res = await call(server, 'GET', `/api/v1/households/${h._id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body.ownerPhone).toBe(h.ownerPhone);
    const [o] = await Household.find({ compoundId: other.compound._id }).lean();
    expect((await call(server, 'GET', `/api/v1/households/${o._id}`, { token })).status).toBe(403);
    expect((await call(server, 'GET', '/api/v1/households/64b7f0000000000000000000', { token })).status).toBe(
      404,
    );
  });

  it('creates and edits a household; duplicates and bad areas are refused', async () => {
    const body = {
      buildingId: String(mine.building._id),
      unit: '2',
      room: '301',
      area: 88.25,
      ownerName: '李四',
      ownerPhone: '13700001234',
    };
    const res = await call(server, 'POST', '/api/v1/households', { token, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ room: '301', area: 88.25, ownerName: '李四' });
    expect((await call(server, 'POST', '/api/v1/households', { token, body })).status).toBe(409);
    const bad = await call(server, 'POST', '/api/v1/households', {
      token,
      body: { ...body, room: '302', area: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/面积必须大于 0/);
    expect(await Household.exists({ buildingId: mine.building._id, room: '302' })).toBeNull();
    const edit = await call(server, 'PATCH', `/api/v1/households/${res.body.id}`, {
      token,
      body: { area: 90 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.area).toBe(90);
  });

  it('gives the same owner key to one owner of several households', async () => {
    const mk = (room: string) => ({
      buildingId: String(mine.building._id),
      unit: '3',
      room,
      area: 50,
      ownerName: '赵六',
      ownerPhone: '13600001111',
    });
    const a = await call(server, 'POST', '/api/v1/households', { token, body: mk('101') });
    const b = await call(server, 'POST', '/api/v1/households', { token, body: mk('102') });
    const [ha, hb] = await Promise.all([
      Household.findById(a.body.id).lean(),
      Household.findById(b.body.id).lean(),
    ]);
    expect(ha!.ownerKey).toBe(hb!.ownerKey);
  });

  it('downloads the import template', async () => {
    const res = await call(server, 'GET', '/api/v1/households/import-template', { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('楼栋');
  });

  it('imports buildings and households from Excel', async () => {
    const chain = await createRegionChain('导入区');
    const t = tokenFor(server, await createUser('community_staff', chain.community));
    const file = await xlsx([
      ['1号楼', '1', '201', 75.5, '钱七', '13500001111'],
      ['5号楼', '1', '101', 60, '', ''],
      ['5号楼', '2', '101', '62.3', '孙八', '0472-5123456'],
    ]);
    const res = await call(server, 'POST', '/api/v1/households/import', {
      token: t,
      body: importForm(file, String(chain.compound._id)),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ buildingsCreated: 1, householdsCreated: 3 });
    const building5 = await Region.findOne({ parentId: chain.compound._id, name: '5号楼' }).lean();
    expect(building5?.path).toBe(`${chain.compound.path}${building5?._id}/`);
    expect(await Household.countDocuments({ compoundId: chain.compound._id })).toBe(3);
  });

  it('reports every bad row in Chinese and writes nothing', async () => {
    const chain = await createRegionChain('错行区');
    await createHouseholds(chain.building, 1);
    const t = tokenFor(server, await createUser('community_staff', chain.community));
    const file = await xlsx([
      ['9号楼', '1', '101', 70, '', ''],
      ['9号楼', '1', '101', 70, '', ''],
      ['9号楼', '', '102', 'abc', '', ''],
      ['1号楼', '1', '101', 70, '', ''],
      ['9号楼', '1', '103', 70, '周九', '12345'],
      ['9号楼', '1', '104', 70, '周九', '188'],
    ]);
    const res = await call(server, 'POST', '/api/v1/households/import', {
      token: t,
      body: importForm(file, String(chain.compound._id)),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/共有 4 行有误，未导入任何数据/);
    expect(res.body.error.details).toEqual([
      { row: 3, message: '与第 2 行重复：9号楼 1 单元 101' },
      { row: 4, message: expect.stringMatching(/请输入单元.*面积必须是数字/) },
      { row: 5, message: '系统中已有该住户：1号楼 1 单元 101' },
      { row: 7, message: '电话号码格式不正确' },
    ]);
    expect(await Household.countDocuments({ compoundId: chain.compound._id })).toBe(1);
    expect(await Region.exists({ parentId: chain.compound._id, name: '9号楼' })).toBeNull();
  });

  it('refuses a wrong header, a non-Excel file, a missing file and a compound out of scope', async () => {
    const id = String(mine.compound._id);
    const header = await call(server, 'POST', '/api/v1/households/import', {
      token,
      body: importForm(await xlsx([['a']], ['x', 'y']), id),
    });
    expect(header.status).toBe(400);
    expect(header.body.error.message).toMatch(/表头应为/);
    const notExcel = await call(server, 'POST', '/api/v1/households/import', {
      token,
      body: importForm(new Blob(['hello']), id),
    });
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.error.message).toMatch(/不是有效的 Excel/);
    const form = new FormData();
    form.set('compoundId', id);
    const missing = await call(server, 'POST', '/api/v1/households/import', { token, body: form });
    expect(missing.status).toBe(400);
    const out = await call(server, 'POST', '/api/v1/households/import', {
      token,
      body: importForm(await xlsx([]), String(other.compound._id)),
    });
    expect(out.status).toBe(403);
    expect((await call(server, 'POST', '/api/v1/households/import', { body: form })).status).toBe(401);
  });
});
