import ExcelJS from 'exceljs';
import {
  participationChannelLabel,
  surveyQuestionTypeLabel,
  type AnswerValue,
  type ParticipationChannel,
  type QuestionResult,
  type SurveyCollectionView,
  type SurveyQuestion,
} from '@jiugai/shared';
import type { SurveyDoc } from '../models/survey';
import type { SurveyResponseDoc } from '../models/surveyResponse';
import { formatChinaTime } from './workingDays';

export interface HouseholdAddress {
  building: string;
  unit: string;
  room: string;
}

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

/** An answer as a person reads it: option labels, ranked items in order, photo links. */
export function answerText(q: SurveyQuestion, a: AnswerValue | undefined): string {
  if (a === undefined) return '';
  const label = (list: { id: string; label: string }[], id: string) =>
    list.find((o) => o.id === id)?.label ?? id;
  switch (q.type) {
    case 'single':
      return label(q.options, String(a));
    case 'multiple':
      return (a as string[]).map((id) => label(q.options, id)).join('、');
    case 'ranking':
      return (a as string[]).map((id, i) => `${i + 1}.${label(q.items, id)}`).join(' ');
    case 'photo':
      return (a as string[]).join('\n');
    default:
      return String(a);
  }
}

/** The survey's workbook: collection rate by building, results per question, and every response. */
export async function surveyWorkbook(
  survey: SurveyDoc,
  collection: SurveyCollectionView,
  results: QuestionResult[],
  responses: SurveyResponseDoc[],
  addresses: Map<string, HouseholdAddress>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '旧改通';

  const rate = wb.addWorksheet('征集率');
  rate.columns = [{ width: 24 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 10 }];
  rate.addRow([`${survey.title}（第 ${survey.version} 版）`]).font = { bold: true, size: 14 };
  rate.addRow([`${formatChinaTime(survey.opensAt)} 至 ${formatChinaTime(survey.closesAt)}，目标征集率 80%`]);
  bold(rate.addRow(['范围', '户数', '已收回', '征集率', '是否达标']));
  for (const r of [collection, ...collection.buildings])
    rate.addRow([
      r === collection ? `${r.name}（全小区）` : r.name,
      r.households,
      r.responded,
      `${r.rate.percent}%`,
      r.meetsTarget ? '达标' : '未达标',
    ]);

  const sum = wb.addWorksheet('结果汇总');
  sum.columns = [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
  for (const q of results) {
    bold(sum.addRow([`${q.title}（${surveyQuestionTypeLabel[q.type]}，${q.answered} 户作答）`]));
    if (q.options) {
      sum.addRow(['选项', '户数', '占比']);
      for (const o of q.options) sum.addRow([o.label, o.count, `${o.percent}%`]);
    }
    if (q.scale) {
      sum.addRow(['分值', '户数']);
      for (const d of q.scale.distribution) sum.addRow([d.value, d.count]);
      sum.addRow(['平均分', q.scale.average]);
    }
    if (q.ranking) {
      sum.addRow(['改造内容', '得分', '首选户数', '排序户数', '平均名次']);
      for (const r of q.ranking) sum.addRow([r.label, r.score, r.firstChoices, r.timesRanked, r.averageRank]);
    }
    if (q.texts) for (const t of q.texts) sum.addRow([t.text, t.building]);
    if (q.photos) sum.addRow([`照片 ${q.photos.length} 张（见答卷明细）`]);
    sum.addRow([]);
  }

  const all = wb.addWorksheet('答卷明细');
  const questions = survey.questions;
  all.columns = [
    { header: '楼栋', width: 12 },
    { header: '单元', width: 8 },
    { header: '房号', width: 8 },
    { header: '渠道', width: 10 },
    { header: '首次提交', width: 18 },
    { header: '最后修改', width: 18 },
    { header: '修改次数', width: 8 },
    ...questions.map((q) => ({ header: q.title, width: 24 })),
  ];
  bold(all.getRow(1));
  const sorted = [...responses].sort((a, b) => {
    const x = addresses.get(String(a.householdId));
    const y = addresses.get(String(b.householdId));
    return `${x?.building} ${x?.unit} ${x?.room}`.localeCompare(
      `${y?.building} ${y?.unit} ${y?.room}`,
      'zh-CN',
      { numeric: true },
    );
  });
  for (const r of sorted) {
    const addr = addresses.get(String(r.householdId));
    all.addRow([
      addr?.building ?? '',
      addr?.unit ?? '',
      addr?.room ?? '',
      participationChannelLabel[r.channel as ParticipationChannel],
      formatChinaTime(r.submittedAt),
      formatChinaTime(r.updatedAt),
      r.revision - 1,
      ...questions.map((q) => answerText(q, r.answers[q.id])),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
