import { z } from 'zod';
import { PageQuery } from './pagination';
import { staffEntryChannels, type ParticipationChannel, type Ratio } from './surveys';

/** The matters of Civil Code art. 278, items 一 to 九. */
export const article278Items = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Article278Item = (typeof article278Items)[number];
export const article278ItemLabel: Record<Article278Item, string> = {
  1: '（一）制定和修改业主大会议事规则',
  2: '（二）制定和修改管理规约',
  3: '（三）选举业主委员会或者更换业主委员会成员',
  4: '（四）选聘和解聘物业服务企业或者其他管理人',
  5: '（五）使用建筑物及其附属设施的维修资金',
  6: '（六）筹集建筑物及其附属设施的维修资金',
  7: '（七）改建、重建建筑物及其附属设施',
  8: '（八）改变共有部分的用途或者利用共有部分从事经营活动',
  9: '（九）有关共有和共同管理权利的其他重大事项',
};
/** Items 六, 七, 八 need ≥ 3/4 of participating area and headcount; all others more than half. */
export const supermajorityItems: readonly Article278Item[] = [6, 7, 8];

export interface Threshold {
  numerator: number;
  denominator: number;
  /** true: strictly more than (过半数); false: at least (以上 includes the bound). */
  strict: boolean;
}
export const participationThreshold: Threshold = { numerator: 2, denominator: 3, strict: false };
export const approvalThreshold = (item: Article278Item): Threshold =>
  supermajorityItems.includes(item)
    ? { numerator: 3, denominator: 4, strict: false }
    : { numerator: 1, denominator: 2, strict: true };
const fractionWords: Record<string, string> = { '1/2': '二分之一', '2/3': '三分之二', '3/4': '四分之三' };
const fractionInWords = (t: Threshold) =>
  fractionWords[`${t.numerator}/${t.denominator}`] ?? `${t.numerator}/${t.denominator}`;
/**
 * A threshold in the words of the law (民法典第一千二百五十九条: 以上 includes the bound, 超过 does not):
 * 过半数 for strictly more than half, 三分之二以上 / 四分之三以上 for at least.
 */
export function thresholdInWords(t: Threshold): string {
  if (t.strict) return t.numerator * 2 === t.denominator ? '过半数' : `超过${fractionInWords(t)}`;
  return `${fractionInWords(t)}以上`;
}
/** The same with what it means exactly: 过半数（超过二分之一）, 三分之二以上（含三分之二）. */
export const thresholdExplained = (t: Threshold): string =>
  `${thresholdInWords(t)}（${t.strict ? '超过' : '含'}${fractionInWords(t)}）`;
/** As a comparison: > 1/2, ≥ 2/3. */
export const thresholdSymbol = (t: Threshold): string =>
  `${t.strict ? '>' : '≥'} ${t.numerator}/${t.denominator}`;

/** Exact comparison in integers: part/whole against the threshold. */
export const meetsThreshold = (part: number, whole: number, t: Threshold): boolean =>
  whole > 0 &&
  (t.strict ? part * t.denominator > t.numerator * whole : part * t.denominator >= t.numerator * whole);

/** yes_no: 同意/反对/弃权; choice: one of several property-service plans or red-property fee standards. */
export const VoteKind = { YesNo: 'yes_no', Choice: 'choice' } as const;
export type VoteKind = (typeof VoteKind)[keyof typeof VoteKind];
export const voteKinds = Object.values(VoteKind) as [VoteKind, ...VoteKind[]];

/** Every vote offers abstention; it counts as participating, never as approving. */
export const abstainOptionId = 'abstain';
export const yesNoOptions = [
  { id: 'yes', label: '同意' },
  { id: 'no', label: '反对' },
] as const;

export const VoteStatus = { Scheduled: 'scheduled', Open: 'open', Closed: 'closed' } as const;
export type VoteStatus = (typeof VoteStatus)[keyof typeof VoteStatus];
export const voteStatuses = Object.values(VoteStatus) as [VoteStatus, ...VoteStatus[]];
export const voteStatusLabel: Record<VoteStatus, string> = {
  scheduled: '未开始',
  open: '表决中',
  closed: '已结束',
};

export const VoteResult = { Passed: 'passed', Failed: 'failed', NotValid: 'not_valid' } as const;
export type VoteResult = (typeof VoteResult)[keyof typeof VoteResult];
export const voteResultLabel: Record<VoteResult, string> = {
  passed: '通过',
  failed: '未通过',
  not_valid: '表决无效（参与不足三分之二）',
};

const ObjectIdString = z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确');
const IsoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const VoteChoiceOption = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '选项编号只能由字母、数字、-、_ 组成')
    .refine((id) => id !== abstainOptionId, '选项编号不能是 abstain'),
  label: z.string().trim().min(1, '请填写选项名称').max(100, '选项名称最多 100 字'),
  description: z.string().trim().max(1000).default(''),
  /** Red-property fee standard: fen per m² of exclusive area per month. */
  feeFenPerSqmMonth: z.number().int('收费标准以分为单位，必须是整数').min(0).max(100_000).optional(),
});
export type VoteChoiceOption = z.infer<typeof VoteChoiceOption>;

export const VoteCreateBody = z
  .object({
    projectId: ObjectIdString,
    title: z.string().trim().min(1, '请填写表决事项').max(100, '表决事项最多 100 字'),
    description: z.string().trim().max(5000).default(''),
    article278Item: z
      .number({ error: () => '表决事项类别必须是第一至第九项' })
      .int('表决事项类别必须是第一至第九项')
      .min(1, '表决事项类别必须是第一至第九项')
      .max(9, '表决事项类别必须是第一至第九项')
      .transform((n) => n as Article278Item),
    kind: z.enum(voteKinds, { message: '表决方式不正确' }),
    /** Only for `choice`: the plans or fee standards to choose among. */
    options: z.array(VoteChoiceOption).max(20, '最多 20 个选项').optional(),
    /** Eligible households: the whole compound, or only these buildings. */
    buildingIds: z.array(ObjectIdString).max(500).optional(),
    opensAt: IsoTime,
    closesAt: IsoTime,
    allowChange: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    if (Date.parse(b.closesAt) <= Date.parse(b.opensAt))
      ctx.addIssue({ code: 'custom', message: '结束时间必须晚于开始时间', path: ['closesAt'] });
    if (b.kind === 'choice') {
      const ids = (b.options ?? []).map((o) => o.id);
      if (ids.length < 2)
        ctx.addIssue({ code: 'custom', message: '选择型表决至少需要 2 个选项', path: ['options'] });
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', message: '选项编号重复', path: ['options'] });
    } else if (b.options?.length) {
      ctx.addIssue({ code: 'custom', message: '同意/反对/弃权表决不需要填写选项', path: ['options'] });
    }
  });
export type VoteCreateBody = z.infer<typeof VoteCreateBody>;

export const VoteListQuery = PageQuery.extend({
  projectId: ObjectIdString.optional(),
  status: z.enum(voteStatuses, { message: '状态不正确' }).optional(),
});
export type VoteListQuery = z.infer<typeof VoteListQuery>;

/** How far back a resident's list of closed votes reaches by default, and at most (days). */
export const defaultClosedVoteDays = 180;
export const maxClosedVoteDays = 730;
/**
 * A resident's votes (GET /votes/mine): the open ones (soonest deadline first, the default), or the closed ones
 * of their compounds, most recently closed first, closed within the last `withinDays` days.
 */
export const MyVotesQuery = PageQuery.extend({
  status: z.enum(['open', 'closed'], { message: '状态只能是 open 或 closed' }).default('open'),
  withinDays: z.coerce
    .number({ error: () => `天数必须是 1 到 ${maxClosedVoteDays} 的整数` })
    .int(`天数必须是 1 到 ${maxClosedVoteDays} 的整数`)
    .min(1, `天数必须是 1 到 ${maxClosedVoteDays} 的整数`)
    .max(maxClosedVoteDays, `天数必须是 1 到 ${maxClosedVoteDays} 的整数`)
    .default(defaultClosedVoteDays),
});
export type MyVotesQuery = z.infer<typeof MyVotesQuery>;
export const VoteIdParams = z.object({ id: ObjectIdString });
export const VoteHouseholdParams = z.object({ id: ObjectIdString, householdId: ObjectIdString });

const OptionId = z.string().min(1, '请选择').max(32);
export const BallotBody = z.object({ optionId: OptionId });
export type BallotBody = z.infer<typeof BallotBody>;
export const PaperBallotBody = z.object({
  optionId: OptionId,
  channel: z.enum(staffEntryChannels, { message: '录入渠道只能是入户走访、座谈或纸质' }),
});
export type PaperBallotBody = z.infer<typeof PaperBallotBody>;

export interface VoteOptionView {
  id: string;
  label: string;
  description?: string;
  feeFenPerSqmMonth?: number;
}

export interface TallyOptionRow {
  optionId: string;
  label: string;
  households: number;
  /** Among participants: area in 0.01 m² and owners by headcount. */
  area: Ratio;
  headcount: Ratio;
  passed: boolean;
}

/** Participation and, once closed, the approval per option. Areas are integers in 0.01 m². */
export interface TallyView {
  voteId: string;
  status: VoteStatus;
  article278Item: Article278Item;
  totals: { households: number; areaCenti: number; owners: number };
  participation: { households: number; area: Ratio; headcount: Ratio; met: boolean; threshold: Threshold };
  byChannel: Partial<Record<ParticipationChannel, number>>;
  /** Absent while the vote is open: only participation is visible then. */
  approval?: {
    threshold: Threshold;
    options: TallyOptionRow[];
    abstentions: { households: number; area: Ratio; headcount: Ratio };
  };
  result?: VoteResult;
  resultLabel?: string;
  winningOptionId?: string;
  /** SHA-256 of the final tally and per-household record, fixed at close. */
  fingerprint?: string;
  finalizedAt?: string;
}

export interface VoteView {
  id: string;
  projectId: string;
  compoundId: string;
  title: string;
  description: string;
  article278Item: Article278Item;
  article278Label: string;
  kind: VoteKind;
  /** The choices on the ballot, abstain last. */
  options: VoteOptionView[];
  buildingIds: string[];
  opensAt: string;
  closesAt: string;
  status: VoteStatus;
  statusLabel: string;
  allowChange: boolean;
  /** What passing needs, in words: e.g. 参与表决 ≥ 2/3，同意 > 1/2. */
  rule: string;
  totals: { households: number; areaCenti: number; owners: number };
}

/** One of the resident's households in a vote of their list. */
export interface MyVoteHousehold {
  householdId: string;
  address: string;
  voted: boolean;
  /** Closed votes only, when the household voted: its own choice (e.g. 同意, or 弃权). */
  optionId?: string;
  optionLabel?: string;
}

/**
 * A vote in the resident's list. Closed votes also carry the final result; option counts are never in the list
 * (they are in the tally, and only after close).
 */
export interface MyVoteView extends VoteView {
  households: MyVoteHousehold[];
  /** Closed votes only. */
  result?: VoteResult;
  resultLabel?: string;
  /** Closed votes only: the label of the option that carried, if one did. */
  winningOptionLabel?: string;
}

export interface BallotReceipt {
  receiptNo: string;
  voteId: string;
  voteTitle: string;
  householdId: string;
  address: string;
  optionId: string;
  optionLabel: string;
  channel: ParticipationChannel;
  channelLabel: string;
  castAt: string;
  changes: number;
}

export const VoteHouseholdsQuery = PageQuery.extend({
  voted: z.enum(['true', 'false'], { message: 'voted 只能是 true 或 false' }).optional(),
});
export type VoteHouseholdsQuery = z.infer<typeof VoteHouseholdsQuery>;

/** One row of the per-household record; the option only after close. */
export interface VoteHouseholdRow {
  householdId: string;
  address: string;
  owner: string;
  areaCenti: number;
  voted: boolean;
  channel?: ParticipationChannel;
  castAt?: string;
  optionId?: string;
}
