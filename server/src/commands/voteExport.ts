import ExcelJS from 'exceljs';
import {
  article278ItemLabel,
  participationChannelLabel,
  voteResultLabel,
  type Article278Item,
  type Ratio,
  type TallyView,
  type VoteHouseholdRow,
} from '@jiugai/shared';
import type { VoteDoc } from '../models/vote';
import { optionLabel, ruleText } from '../presenters/vote';
import { formatChinaTime } from './workingDays';

const fraction = (r: Ratio) => `${r.numerator}/${r.denominator}（${r.percent}%）`;
const m2 = (centi: number) => (centi / 100).toFixed(2);

/** The legal file of a closed vote: the tally with exact fractions and fingerprint, and every household's ballot. */
export async function voteWorkbook(
  vote: VoteDoc,
  t: TallyView,
  rows: (VoteHouseholdRow & { changes?: number })[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '旧改通';
  const sum = wb.addWorksheet('计票结果');
  sum.columns = [{ width: 28 }, { width: 36 }, { width: 36 }];
  const item = vote.article278Item as Article278Item;
  sum.addRow(['表决事项', vote.title]).font = { bold: true };
  sum.addRow(['事项类别（民法典第二百七十八条）', article278ItemLabel[item]]);
  sum.addRow(['表决规则', ruleText(item)]);
  sum.addRow(['表决时间', `${formatChinaTime(vote.opensAt)} 至 ${formatChinaTime(vote.closesAt)}`]);
  sum.addRow(['应参与户数', t.totals.households]);
  sum.addRow(['总专有面积（m²）', m2(t.totals.areaCenti)]);
  sum.addRow(['业主总人数', t.totals.owners]);
  sum.addRow(['参与户数', t.participation.households]);
  sum.addRow(['参与面积（0.01 m²）', fraction(t.participation.area)]);
  sum.addRow(['参与人数', fraction(t.participation.headcount)]);
  sum.addRow(['参与是否达到三分之二', t.participation.met ? '是' : '否']);
  sum.addRow([]);
  sum.addRow(['选项', '面积占参与者（0.01 m²）', '人数占参与者']).font = { bold: true };
  for (const o of t.approval?.options ?? [])
    sum.addRow([`${o.label}（${o.households} 户）`, fraction(o.area), fraction(o.headcount)]);
  if (t.approval)
    sum.addRow([
      `弃权（${t.approval.abstentions.households} 户）`,
      fraction(t.approval.abstentions.area),
      fraction(t.approval.abstentions.headcount),
    ]);
  sum.addRow([]);
  sum.addRow(['表决结果', t.result ? voteResultLabel[t.result] : '']).font = { bold: true };
  if (t.winningOptionId) sum.addRow(['通过的选项', optionLabel(vote, t.winningOptionId)]);
  sum.addRow(['计票完成时间', t.finalizedAt ? formatChinaTime(t.finalizedAt) : '']);
  sum.addRow(['计票指纹（SHA-256）', t.fingerprint ?? '']);

  const record = wb.addWorksheet('逐户记录');
  record.columns = [
    { header: '房屋', width: 24 },
    { header: '业主', width: 10 },
    { header: '专有面积（m²）', width: 14 },
    { header: '表决意见', width: 20 },
    { header: '渠道', width: 10 },
    { header: '投票时间', width: 18 },
    { header: '修改次数', width: 10 },
  ];
  record.getRow(1).font = { bold: true };
  for (const r of rows)
    record.addRow([
      r.address,
      r.owner,
      m2(r.areaCenti),
      r.voted ? optionLabel(vote, r.optionId ?? '') : '未投票',
      r.channel ? participationChannelLabel[r.channel] : '',
      r.castAt ? formatChinaTime(r.castAt) : '',
      r.changes ?? '',
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
