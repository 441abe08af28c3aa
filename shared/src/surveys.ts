import { z } from 'zod';
import { PageQuery } from './pagination';

/** The seed: 征集率需达到80%以上. */
export const collectionRateTarget = { numerator: 4, denominator: 5 } as const;

/** How a survey answer or a ballot reached us; everything but the mini-program is entered by staff. */
export const ParticipationChannel = {
  MiniApp: 'miniapp',
  DoorToDoor: 'door_to_door',
  Meeting: 'meeting',
  Paper: 'paper',
} as const;
export type ParticipationChannel = (typeof ParticipationChannel)[keyof typeof ParticipationChannel];
export const participationChannelLabel: Record<ParticipationChannel, string> = {
  miniapp: '小程序',
  door_to_door: '入户走访',
  meeting: '座谈',
  paper: '纸质',
};
export const staffEntryChannels = ['door_to_door', 'meeting', 'paper'] as const;
export type StaffEntryChannel = (typeof staffEntryChannels)[number];

export const SurveyQuestionType = {
  Single: 'single',
  Multiple: 'multiple',
  Text: 'text',
  Scale: 'scale',
  Ranking: 'ranking',
  Photo: 'photo',
} as const;
export type SurveyQuestionType = (typeof SurveyQuestionType)[keyof typeof SurveyQuestionType];
export const surveyQuestionTypeLabel: Record<SurveyQuestionType, string> = {
  single: '单选',
  multiple: '多选',
  text: '填空',
  scale: '打分',
  ranking: '改造内容排序',
  photo: '照片',
};

export const surveyLimits = {
  maxQuestions: 60,
  maxOptions: 30,
  maxTitle: 200,
  maxDescription: 2000,
  maxTextAnswer: 2000,
  maxPhotos: 9,
  maxScale: 10,
} as const;

/** Survey status is a function of time: before opensAt, between, after closesAt. */
export const SurveyStatus = { Scheduled: 'scheduled', Open: 'open', Closed: 'closed' } as const;
export type SurveyStatus = (typeof SurveyStatus)[keyof typeof SurveyStatus];
export const surveyStatusLabel: Record<SurveyStatus, string> = {
  scheduled: '未开始',
  open: '进行中',
  closed: '已结束',
};
export const surveyStatuses = Object.values(SurveyStatus) as [SurveyStatus, ...SurveyStatus[]];

const Key = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '编号只能由 1–32 位字母、数字、-、_ 组成');
const Label = z.string().trim().min(1, '选项文字不能为空').max(100, '选项文字最多 100 字');
const ObjectIdString = z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确');
export { ObjectIdString as SurveyObjectId };

export const SurveyOption = z.object({ id: Key, label: Label });
export type SurveyOption = z.infer<typeof SurveyOption>;

/** Show this question only when an earlier single/multiple question's answer includes one of `optionIds`. */
export const ShowIf = z.object({
  questionId: Key,
  optionIds: z.array(Key).min(1, '请选择显示条件的选项').max(30),
});
export type ShowIf = z.infer<typeof ShowIf>;

const questionBase = {
  id: Key,
  title: z
    .string()
    .trim()
    .min(1, '题目不能为空')
    .max(surveyLimits.maxTitle, `题目最多 ${surveyLimits.maxTitle} 字`),
  required: z.boolean().default(false),
  showIf: ShowIf.optional(),
};
const options = z.array(SurveyOption).min(2, '至少需要 2 个选项').max(surveyLimits.maxOptions);

export const SurveyQuestion = z.discriminatedUnion(
  'type',
  [
    z.object({ ...questionBase, type: z.literal('single'), options }),
    z.object({
      ...questionBase,
      type: z.literal('multiple'),
      options,
      minSelect: z.number().int().min(0).default(0),
      maxSelect: z.number().int().min(1).optional(),
    }),
    z.object({
      ...questionBase,
      type: z.literal('text'),
      maxLength: z.number().int().min(1).max(surveyLimits.maxTextAnswer).default(500),
    }),
    z.object({
      ...questionBase,
      type: z.literal('scale'),
      min: z.number().int().min(0).max(1).default(1),
      max: z.number().int().min(2).max(surveyLimits.maxScale).default(5),
      minLabel: z.string().max(20).default(''),
      maxLabel: z.string().max(20).default(''),
    }),
    z.object({
      ...questionBase,
      type: z.literal('ranking'),
      /** The plan's renovation items to rank (地下管网, 外立面, 停车位 …). */
      items: options,
      /** How many items the resident ranks (top N); defaults to all. */
      pick: z.number().int().min(1).optional(),
    }),
    z.object({
      ...questionBase,
      type: z.literal('photo'),
      maxPhotos: z.number().int().min(1).max(surveyLimits.maxPhotos).default(3),
    }),
  ],
  { error: () => '题型不正确' },
);
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

const choiceIds = (q: SurveyQuestion): string[] | undefined =>
  q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.id) : undefined;

export const SurveyQuestions = z
  .array(SurveyQuestion)
  .min(1, '至少需要 1 道题')
  .max(surveyLimits.maxQuestions, `最多 ${surveyLimits.maxQuestions} 道题`)
  .superRefine((questions, ctx) => {
    const seen = new Map<string, SurveyQuestion>();
    questions.forEach((q, i) => {
      const issue = (message: string, path: (string | number)[] = []) =>
        ctx.addIssue({ code: 'custom', message, path: [i, ...path] });
      if (seen.has(q.id)) issue(`题目编号重复：${q.id}`, ['id']);
      const ids = q.type === 'ranking' ? q.items.map((o) => o.id) : (choiceIds(q) ?? []);
      if (new Set(ids).size !== ids.length)
        issue('选项编号重复', [q.type === 'ranking' ? 'items' : 'options']);
      if (q.type === 'multiple') {
        const max = q.maxSelect ?? q.options.length;
        if (max > q.options.length || q.minSelect > max) issue('最少/最多可选数量不合理', ['maxSelect']);
      }
      if (q.type === 'scale' && q.min >= q.max) issue('分值范围不合理', ['max']);
      if (q.type === 'ranking' && q.pick !== undefined && q.pick > q.items.length)
        issue('排序数量超过改造内容数量', ['pick']);
      if (q.showIf) {
        const source = seen.get(q.showIf.questionId);
        const sourceIds = source && choiceIds(source);
        if (!sourceIds) issue('显示条件只能引用前面的单选或多选题', ['showIf', 'questionId']);
        else if (q.showIf.optionIds.some((o) => !sourceIds.includes(o)))
          issue('显示条件中的选项不存在', ['showIf', 'optionIds']);
      }
      seen.set(q.id, q);
    });
  });

const IsoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const SurveyCreateBody = z
  .object({
    projectId: ObjectIdString,
    title: z.string().trim().min(1, '请填写标题').max(100, '标题最多 100 字'),
    description: z.string().trim().max(surveyLimits.maxDescription).default(''),
    questions: SurveyQuestions,
    opensAt: IsoTime,
    closesAt: IsoTime,
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), {
    message: '结束时间必须晚于开始时间',
    path: ['closesAt'],
  });
export type SurveyCreateBody = z.infer<typeof SurveyCreateBody>;

/** Changing `questions` is refused once the survey has answers; make a new version instead. */
export const SurveyUpdateBody = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(100, '标题最多 100 字').optional(),
    description: z.string().trim().max(surveyLimits.maxDescription).optional(),
    questions: SurveyQuestions.optional(),
    opensAt: IsoTime.optional(),
    closesAt: IsoTime.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' });
export type SurveyUpdateBody = z.infer<typeof SurveyUpdateBody>;

/** A new version copies the survey; questions may be replaced, the new version opens at the given times. */
export const SurveyVersionBody = z
  .object({ questions: SurveyQuestions.optional(), opensAt: IsoTime, closesAt: IsoTime })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), {
    message: '结束时间必须晚于开始时间',
    path: ['closesAt'],
  });
export type SurveyVersionBody = z.infer<typeof SurveyVersionBody>;

export const SurveyListQuery = PageQuery.extend({
  projectId: ObjectIdString.optional(),
  status: z.enum(surveyStatuses, { message: '状态不正确' }).optional(),
});
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;

export const SurveyIdParams = z.object({ id: ObjectIdString });
export const SurveyHouseholdParams = z.object({ id: ObjectIdString, householdId: ObjectIdString });

export const AnswerValue = z.union([
  z.string().max(surveyLimits.maxTextAnswer, `回答最多 ${surveyLimits.maxTextAnswer} 字`),
  z.number(),
  z.array(z.string().max(500)).max(surveyLimits.maxOptions),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const SurveyAnswers = z.record(Key, AnswerValue);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const SurveyResponseBody = z.object({ answers: SurveyAnswers });
export type SurveyResponseBody = z.infer<typeof SurveyResponseBody>;
export const SurveyPaperResponseBody = z.object({
  answers: SurveyAnswers,
  channel: z.enum(staffEntryChannels, { message: '录入渠道只能是入户走访、座谈或纸质' }),
});
export type SurveyPaperResponseBody = z.infer<typeof SurveyPaperResponseBody>;

export const CollectionOverviewQuery = z.object({ regionId: ObjectIdString.optional() });
export type CollectionOverviewQuery = z.infer<typeof CollectionOverviewQuery>;

export interface AnswerIssue {
  path: string;
  message: string;
}

/** Whether `q` is shown given the answers so far (show-if on an earlier choice question). */
export function isQuestionShown(q: SurveyQuestion, answers: SurveyAnswers): boolean {
  if (!q.showIf) return true;
  const a = answers[q.showIf.questionId];
  const picked = typeof a === 'string' ? [a] : Array.isArray(a) ? a : [];
  return q.showIf.optionIds.some((id) => picked.includes(id));
}

const isBlank = (a: AnswerValue | undefined) =>
  a === undefined || (typeof a === 'string' && a.trim() === '') || (Array.isArray(a) && a.length === 0);

/**
 * Checks answers against the questions: types, required, show-if, min/max. Used by the server before it
 * writes a response and by the clients before they send one; returns every problem found.
 */
function failOn(issues: AnswerIssue[], q: SurveyQuestion, message: string): void {
  issues.push({ path: q.id, message: `${q.title}：${message}` });
}

export function checkAnswers(questions: SurveyQuestion[], answers: SurveyAnswers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const ids = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers))
    if (!ids.has(key)) issues.push({ path: key, message: '没有这道题' });
  for (const q of questions) {
    const a = answers[q.id];
    // A plain function (not a per-question closure): named closures cost a defineProperty each under tsx.
    const fail = failOn.bind(null, issues, q);
    if (!isQuestionShown(q, answers)) {
      if (a !== undefined) fail('按前面的回答，这道题不需要作答');
      continue;
    }
    if (isBlank(a)) {
      if (q.required) fail('此题必答');
      continue;
    }
    const list = Array.isArray(a) ? a : undefined;
    switch (q.type) {
      case 'single':
        if (typeof a !== 'string' || !q.options.some((o) => o.id === a)) fail('请选择一个有效选项');
        break;
      case 'multiple': {
        const max = q.maxSelect ?? q.options.length;
        if (
          !list ||
          list.some((x) => !q.options.some((o) => o.id === x)) ||
          new Set(list).size !== list.length
        )
          fail('请选择有效选项');
        else if (list.length < q.minSelect || list.length > max) fail(`请选择 ${q.minSelect}–${max} 项`);
        break;
      }
      case 'text':
        if (typeof a !== 'string') fail('请填写文字');
        else if (a.trim().length > q.maxLength) fail(`最多 ${q.maxLength} 字`);
        break;
      case 'scale':
        if (typeof a !== 'number' || !Number.isInteger(a) || a < q.min || a > q.max)
          fail(`请打 ${q.min}–${q.max} 分`);
        break;
      case 'ranking': {
        const pick = q.pick ?? q.items.length;
        if (!list || list.some((x) => !q.items.some((o) => o.id === x)) || new Set(list).size !== list.length)
          fail('请对有效的改造内容排序');
        else if (list.length > pick) fail(`最多排序 ${pick} 项`);
        break;
      }
      case 'photo':
        if (!list || list.some((x) => !/^(\/|https?:\/\/)\S+$/.test(x))) fail('照片地址不正确');
        else if (list.length > q.maxPhotos) fail(`最多 ${q.maxPhotos} 张照片`);
        break;
    }
  }
  return issues;
}

/** An exact fraction with its percentage (two decimals) for display. */
export interface Ratio {
  numerator: number;
  denominator: number;
  percent: number;
}
export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  percent: denominator === 0 ? 0 : Math.round((numerator * 10000) / denominator) / 100,
});
/** numerator/denominator ≥ target, in integers (no rounding). */
export const meetsAtLeast = (r: Ratio, t: { numerator: number; denominator: number }) =>
  r.denominator > 0 && r.numerator * t.denominator >= t.numerator * r.denominator;

export interface CollectionRow {
  id: string;
  name: string;
  households: number;
  responded: number;
  rate: Ratio;
  meetsTarget: boolean;
}

export interface MissingHousehold {
  householdId: string;
  building: string;
  unit: string;
  room: string;
  /** Masked owner name, e.g. 张*. */
  owner: string;
}

export interface SurveyCollectionView extends CollectionRow {
  surveyId: string;
  status: SurveyStatus;
  byChannel: Record<ParticipationChannel, number>;
  buildings: CollectionRow[];
  missing: MissingHousehold[];
}

export interface CollectionOverview {
  target: typeof collectionRateTarget;
  /** Every compound with an opened survey in the region, summed. */
  total: CollectionRow;
  compounds: (CollectionRow & { surveyId: string; surveyTitle: string; status: SurveyStatus })[];
  /** Compounds under 80%, with the households still to visit. */
  belowTarget: {
    compoundId: string;
    name: string;
    surveyId: string;
    rate: Ratio;
    missing: MissingHousehold[];
  }[];
}

/** Results of one question over all responses (percentages are of the households that answered it). */
export interface QuestionResult {
  questionId: string;
  title: string;
  type: SurveyQuestionType;
  answered: number;
  options?: { id: string; label: string; count: number; percent: number }[];
  scale?: { average: number; distribution: { value: number; count: number }[] };
  /** Borda score: rank 1 of N earns N points, rank N earns 1; sorted by score. */
  ranking?: {
    id: string;
    label: string;
    score: number;
    firstChoices: number;
    timesRanked: number;
    averageRank: number;
  }[];
  texts?: { text: string; building: string }[];
  photos?: string[];
  /** Cross-tab by building for single, multiple and scale questions: counts per option id or scale value. */
  byBuilding?: { buildingId: string; building: string; answered: number; counts: Record<string, number> }[];
}

export interface SurveyResultsView {
  surveyId: string;
  responses: number;
  questions: QuestionResult[];
}

export interface SurveyView {
  id: string;
  projectId: string;
  compoundId: string;
  title: string;
  description: string;
  questions: SurveyQuestion[];
  opensAt: string;
  closesAt: string;
  status: SurveyStatus;
  statusLabel: string;
  version: number;
  previousVersionId?: string;
  createdAt: string;
}

/** A resident's open survey with whether each of their households in the compound has answered. */
export interface MySurveyView extends Omit<SurveyView, 'questions'> {
  households: { householdId: string; address: string; answered: boolean }[];
}

/** What the household gets back after answering (their receipt); staff also see the edit history. */
export interface SurveyReceipt {
  receiptNo: string;
  surveyId: string;
  surveyTitle: string;
  householdId: string;
  address: string;
  channel: ParticipationChannel;
  channelLabel: string;
  answers: SurveyAnswers;
  submittedAt: string;
  updatedAt: string;
  revision: number;
  history?: { answers: SurveyAnswers; channel: ParticipationChannel; at: string }[];
}
