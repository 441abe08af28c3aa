import ExcelJS from 'exceljs';
import mongoose from 'mongoose';
import type { HouseholdImportResult, ImportRowError } from '@jiugai/shared';
import { HouseholdImportRow, householdImportColumns, maxImportRows } from '@jiugai/shared';
import { ValidationError } from '../errors';
import { Region, type RegionDoc } from '../models/region';
import { Household } from '../models/household';
import { buildRegion } from './regionCreator';
import { ownerKeyOf } from './ownerKey';

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
};

/** The import template: a header row and two example rows. */
export async function householdTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow([...householdImportColumns]);
  ws.addRow(['1号楼', '1', '101', 86.5, '张三', '13800000001']);
  ws.addRow(['1号楼', '1', '102', 92, '', '']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readRows(file: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw ValidationError('文件不是有效的 Excel（.xlsx）文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw ValidationError('Excel 文件中没有工作表');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = householdImportColumns.map((_, i) => cellText(row.getCell(i + 1).value));
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * Imports buildings and households of one compound from the template. Every row is checked first; when any row is
 * invalid nothing is written and the 400 lists each bad row with a Chinese reason.
 */
export async function importHouseholds(compound: RegionDoc, file: Buffer): Promise<HouseholdImportResult> {
  const rows = await readRows(file);
  const header = rows[0] ?? [];
  if (householdImportColumns.some((c, i) => header[i] !== c)) {
    throw ValidationError(`表头应为：${householdImportColumns.join('、')}，请使用导入模板`);
  }
  const data = rows
    .slice(1)
    .map((r, i) => ({ row: i + 2, cells: r }))
    .filter((r) => r.cells.some(Boolean));
  if (data.length === 0) throw ValidationError('表格中没有住户数据');
  if (data.length > maxImportRows) throw ValidationError(`一次最多导入 ${maxImportRows} 户`);

  const existingBuildings = await Region.find({ parentId: compound._id, level: 'building' }).lean<
    RegionDoc[]
  >();
  const buildingByName = new Map(existingBuildings.map((b) => [b.name, b]));
  const existing = await Household.find(
    { compoundId: compound._id },
    { buildingId: 1, unit: 1, room: 1 },
  ).lean();
  const taken = new Set(existing.map((h) => `${String(h.buildingId)}|${h.unit}|${h.room}`));
  const seen = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const valid: { row: number; value: HouseholdImportRow }[] = [];

  for (const { row, cells } of data) {
    const [building, unit, room, area, ownerName, ownerPhone] = cells;
    const parsed = HouseholdImportRow.safeParse({
      building,
      unit,
      room,
      area: area === '' ? undefined : area,
      ownerName: ownerName || undefined,
      ownerPhone: ownerPhone || undefined,
    });
    if (!parsed.success) {
      errors.push({ row, message: parsed.error.issues.map((i) => i.message).join('；') });
      continue;
    }
    const v = parsed.data;
    const fileKey = `${v.building}|${v.unit}|${v.room}`;
    const existingBuilding = buildingByName.get(v.building);
    if (seen.has(fileKey))
      errors.push({
        row,
        message: `与第 ${seen.get(fileKey)} 行重复：${v.building} ${v.unit} 单元 ${v.room}`,
      });
    else if (existingBuilding && taken.has(`${String(existingBuilding._id)}|${v.unit}|${v.room}`)) {
      errors.push({ row, message: `系统中已有该住户：${v.building} ${v.unit} 单元 ${v.room}` });
    } else valid.push({ row, value: v });
    seen.set(fileKey, seen.get(fileKey) ?? row);
  }
  if (errors.length > 0) {
    throw ValidationError(
      `共有 ${errors.length} 行有误，未导入任何数据：第 ${errors[0].row} 行 ${errors[0].message}`,
      errors,
    );
  }

  const newBuildings = [...new Set(valid.map((v) => v.value.building))]
    .filter((name) => !buildingByName.has(name))
    .map((name) => buildRegion({ parent: compound, name }));
  for (const b of newBuildings) buildingByName.set(b.name, b as unknown as RegionDoc);
  const households = valid.map(({ value: v }) => {
    const b = buildingByName.get(v.building)!;
    return {
      _id: new mongoose.Types.ObjectId(),
      compoundId: compound._id,
      buildingId: b._id,
      regionPath: b.path,
      unit: v.unit,
      room: v.room,
      area: v.area,
      ownerName: v.ownerName ?? '',
      ownerPhone: v.ownerPhone ?? '',
      ownerKey: ownerKeyOf(v.ownerName, v.ownerPhone),
    };
  });
  // No multi-document transaction on every deployment: undo the buildings if the households fail.
  if (newBuildings.length) await Region.insertMany(newBuildings);
  try {
    await Household.insertMany(households);
  } catch (err) {
    await Household.deleteMany({ _id: { $in: households.map((h) => h._id) } });
    await Region.deleteMany({ _id: { $in: newBuildings.map((b) => b._id) } });
    throw err;
  }
  return { buildingsCreated: newBuildings.length, householdsCreated: households.length };
}
