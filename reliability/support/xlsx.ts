import ExcelJS from 'exceljs';

/** Every cell of every sheet of a workbook as text, one row a line (to look for what an export must not show). */
export async function xlsxText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      lines.push(
        (row.values as unknown[])
          .map((v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)))
          .join('\t'),
      ),
    ),
  );
  return lines.join('\n');
}
