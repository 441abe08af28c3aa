import ExcelJS from 'exceljs';
import {
  complaintCategoryLabel,
  complaintStatusLabel,
  complaintVisibilityLabel,
  escalationLevelLabel,
  type ComplaintCategory,
  type ComplaintStatus,
  type ComplaintVisibility,
  type EscalationLevel,
} from '@jiugai/shared';
import type { ComplaintDoc } from '../models/complaint';
import { isOverdue } from './complaintEscalation';
import { formatChinaTime } from './workingDays';

/** One sheet, one row per complaint; no names or phones (the ledger is about handling, not about people). */
export async function complaintWorkbook(
  docs: ComplaintDoc[],
  projectNames: Map<string, string>,
  now = new Date(),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('投诉台账');
  sheet.columns = [
    { header: '编号', width: 26 },
    { header: '项目', width: 24 },
    { header: '类别', width: 14 },
    { header: '楼栋', width: 10 },
    { header: '内容', width: 40 },
    { header: '公开方式', width: 10 },
    { header: '状态', width: 8 },
    { header: '提交时间', width: 18 },
    { header: '当前时限', width: 18 },
    { header: '是否逾期', width: 8 },
    { header: '督办层级', width: 10 },
    { header: '答复', width: 40 },
    { header: '办结时间', width: 18 },
    { header: '评分', width: 6 },
    { header: '重新打开次数', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const d of docs) {
    sheet.addRow([
      String(d._id),
      projectNames.get(String(d.projectId)) ?? '',
      complaintCategoryLabel[d.category as ComplaintCategory],
      d.buildingName ?? '',
      d.text,
      complaintVisibilityLabel[d.visibility as ComplaintVisibility],
      complaintStatusLabel[d.status as ComplaintStatus],
      formatChinaTime(d.createdAt),
      d.status !== 'closed' && d.dueAt ? formatChinaTime(d.dueAt) : '',
      isOverdue(d, now) ? '是' : '否',
      escalationLevelLabel[d.escalationLevel as EscalationLevel],
      d.reply?.text ?? '',
      d.closedAt ? formatChinaTime(d.closedAt) : '',
      d.rating?.score ?? '',
      d.reopenCount ?? 0,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
