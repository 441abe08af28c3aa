import { z } from 'zod';
import { PageQuery } from './pagination';
import { contactPhone, objectId, personName } from './staff';
import { PhotoList, UploadUrl } from './uploads';

// ---- Stage machine ----

export const ProjectStage = {
  Consultation: 'consultation',
  Design: 'design',
  Review: 'review',
  Procedures: 'procedures',
  Construction: 'construction',
  BasicallyComplete: 'basically_complete',
  Acceptance: 'acceptance',
  Handover: 'handover',
} as const;
export type ProjectStage = (typeof ProjectStage)[keyof typeof ProjectStage];
export const projectStages = Object.values(ProjectStage) as [ProjectStage, ...ProjectStage[]];
export const projectStageLabel: Record<ProjectStage, string> = {
  consultation: '征求意见',
  design: '方案设计',
  review: '专家评审',
  procedures: '前期手续',
  construction: '施工',
  basically_complete: '基本完工',
  acceptance: '联合竣工验收',
  handover: '移交/长效管理',
};
/**
 * Allowed transitions: forward one step, plus going back when a review sends the plan back for revision
 * or a joint acceptance fails and the work must be rectified.
 */
export const projectStageTransitions: Record<ProjectStage, ProjectStage[]> = {
  consultation: ['design'],
  design: ['review'],
  review: ['procedures', 'design'],
  procedures: ['construction'],
  construction: ['basically_complete'],
  basically_complete: ['acceptance'],
  acceptance: ['handover', 'construction'],
  handover: [],
};
export const canTransition = (from: ProjectStage, to: ProjectStage): boolean =>
  projectStageTransitions[from]?.includes(to) ?? false;
export const stageIndex = (stage: ProjectStage): number => projectStages.indexOf(stage);

// ---- Renovation content categories (the seed's list) ----

export const ContentCategory = {
  UndergroundPipes: 'underground_pipes',
  WaterSupply: 'water_supply',
  Heating: 'heating',
  Drainage: 'drainage',
  CableUndergrounding: 'cable_undergrounding',
  Facade: 'facade',
  Roads: 'roads',
  Greening: 'greening',
  Lighting: 'lighting',
  Beautification: 'beautification',
  Parking: 'parking',
  ChargingPiles: 'charging_piles',
  LeisureSquare: 'leisure_square',
  Fitness: 'fitness',
  PropertyManagement: 'property_management',
} as const;
export type ContentCategory = (typeof ContentCategory)[keyof typeof ContentCategory];
export const contentCategories = Object.values(ContentCategory) as [ContentCategory, ...ContentCategory[]];
export const contentCategoryLabel: Record<ContentCategory, string> = {
  underground_pipes: '地下管网',
  water_supply: '供水',
  heating: '供热',
  drainage: '排水',
  cable_undergrounding: '弱电缆线入地',
  facade: '外立面',
  roads: '道路',
  greening: '绿地',
  lighting: '亮化',
  beautification: '美化',
  parking: '停车位',
  charging_piles: '充电桩',
  leisure_square: '休闲广场',
  fitness: '体育健身设施',
  property_management: '物业管理',
};

// ---- Milestones (the seed's deadlines, month-day of the project year) ----

export const MilestoneKey = {
  Procedures: 'procedures',
  BasicCompletion: 'basic_completion',
  Acceptance: 'acceptance',
} as const;
export type MilestoneKey = (typeof MilestoneKey)[keyof typeof MilestoneKey];
export const milestoneKeys = Object.values(MilestoneKey) as [MilestoneKey, ...MilestoneKey[]];
export const milestoneDefaults: Record<
  MilestoneKey,
  { label: string; monthDay: string; doneAtStage: ProjectStage }
> = {
  procedures: { label: '完成前期手续及方案评审', monthDay: '04-10', doneAtStage: 'construction' },
  basic_completion: { label: '基本完成改造任务', monthDay: '10-31', doneAtStage: 'basically_complete' },
  acceptance: { label: '完成竣工验收', monthDay: '12-31', doneAtStage: 'handover' },
};

export const ReviewVerdict = { Pass: 'pass', Revise: 'revise', Reject: 'reject' } as const;
export type ReviewVerdict = (typeof ReviewVerdict)[keyof typeof ReviewVerdict];
export const reviewVerdicts = Object.values(ReviewVerdict) as [ReviewVerdict, ...ReviewVerdict[]];
export const reviewVerdictLabel: Record<ReviewVerdict, string> = {
  pass: '通过',
  revise: '修改后通过',
  reject: '不通过',
};

export const AcceptanceParty = {
  Construction: 'construction',
  StreetOffice: 'street_office',
  Community: 'community',
  Residents: 'residents',
  HousingBureau: 'housing_bureau',
} as const;
export type AcceptanceParty = (typeof AcceptanceParty)[keyof typeof AcceptanceParty];
export const acceptanceParties = Object.values(AcceptanceParty) as [AcceptanceParty, ...AcceptanceParty[]];
export const acceptancePartyLabel: Record<AcceptanceParty, string> = {
  construction: '参建单位',
  street_office: '街道办事处',
  community: '社区',
  residents: '居民代表',
  housing_bureau: '住建局',
};

export const HandoverFacility = {
  Water: 'water',
  Heating: 'heating',
  Power: 'power',
  Telecom: 'telecom',
  Gas: 'gas',
  Other: 'other',
} as const;
export type HandoverFacility = (typeof HandoverFacility)[keyof typeof HandoverFacility];
export const handoverFacilities = Object.values(HandoverFacility) as [
  HandoverFacility,
  ...HandoverFacility[],
];
export const handoverFacilityLabel: Record<HandoverFacility, string> = {
  water: '供水设施',
  heating: '供热设施',
  power: '供电设施',
  telecom: '通信设施',
  gas: '燃气设施',
  other: '其他设施',
};

// ---- Request schemas ----

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字符`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字符`);

export const ProjectFigures = z.object({
  buildings: z.number().int('栋数必须是整数').min(0, '栋数不能为负').max(10000, '栋数过大'),
  households: z.number().int('户数必须是整数').min(0, '户数不能为负').max(100000, '户数过大'),
  /** 建筑面积, m². */
  floorArea: z.number().min(0, '建筑面积不能为负').max(10_000_000, '建筑面积过大'),
});
export type ProjectFigures = z.infer<typeof ProjectFigures>;

export const ResponsiblePerson = z.object({
  role: text('职务', 50),
  name: personName,
  phone: contactPhone.optional(),
});
export type ResponsiblePerson = z.infer<typeof ResponsiblePerson>;

/** The three text boards of 五牌一图; the overview and managers boards are built from the project itself. */
export const BoardTexts = z.object({
  fireSafety: optionalText('消防保卫牌', 2000).optional(),
  safetyProduction: optionalText('安全生产牌', 2000).optional(),
  civilisedConstruction: optionalText('文明施工牌', 2000).optional(),
});
export type BoardTexts = z.infer<typeof BoardTexts>;

export const ProjectCreate = z.object({
  compoundId: objectId('小区'),
  year: z.number().int('年度必须是整数').min(2000, '年度无效').max(2100, '年度无效'),
  name: text('项目名称', 100).optional(),
  /** Omitted: counted from the compound's buildings and households. */
  figures: ProjectFigures.optional(),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

export const ProjectUpdate = z
  .object({
    name: text('项目名称', 100),
    description: optionalText('项目概况', 2000),
    figures: ProjectFigures,
    constructionUnit: optionalText('施工单位', 100),
    supervisionUnit: optionalText('监理单位', 100),
    plannedStart: isoDate,
    plannedCompletion: isoDate,
    actualStart: isoDate,
    actualCompletion: isoDate,
    responsiblePersons: z.array(ResponsiblePerson).max(20, '责任人最多 20 位'),
    complaintPhone: contactPhone,
    boardTexts: BoardTexts,
    sitePlanUrl: UploadUrl,
    isDemonstration: z.boolean(),
    experienceSummary: optionalText('经验总结', 5000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

export const PlanItem = z.object({
  category: z.enum(contentCategories, { message: '请选择有效的改造类别' }),
  title: text('改造内容', 100),
  description: optionalText('说明', 1000).optional(),
  leadDept: optionalText('牵头部门', 100).optional(),
  responsibleUnits: z.array(text('责任单位', 100)).max(20, '责任单位最多 20 个').default([]),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanUpdate = z.object({
  designUnit: text('设计单位', 100),
  renderings: PhotoList.default([]),
  items: z.array(PlanItem).min(1, '请至少填写一项改造内容').max(100, '改造内容最多 100 项'),
});
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const ExpertReviewCreate = z.object({
  opinion: text('评审意见', 5000),
  verdict: z.enum(reviewVerdicts, { message: '请选择评审结论' }),
});
export type ExpertReviewCreate = z.infer<typeof ExpertReviewCreate>;

export const StageChange = z.object({
  to: z.enum(projectStages, { message: '请选择有效的阶段' }),
  note: optionalText('备注', 500).optional(),
});
export type StageChange = z.infer<typeof StageChange>;

export const MilestoneParams = z.object({
  id: objectId('项目'),
  key: z.enum(milestoneKeys, { message: '节点无效' }),
});
export const MilestoneUpdate = z
  .object({ deadline: isoDate, doneAt: isoDate.nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '请至少修改一项');
export type MilestoneUpdate = z.infer<typeof MilestoneUpdate>;

export const ProgressCreate = z.object({
  text: text('进度说明', 2000),
  photos: PhotoList.default([]),
  percent: z.number().int('进度必须是整数').min(0, '进度不能小于 0').max(100, '进度不能超过 100'),
});
export type ProgressCreate = z.infer<typeof ProgressCreate>;

export const AcceptanceRecordBody = z.object({
  date: isoDate,
  participants: z
    .array(
      z.object({
        party: z.enum(acceptanceParties, { message: '参加方无效' }),
        name: text('单位或人员', 100),
      }),
    )
    .min(1, '请填写参加验收的各方')
    .max(50, '参加方最多 50 个'),
  verdict: z.enum(['passed', 'failed'], { message: '请选择验收结论' }),
  notes: optionalText('验收意见', 2000).optional(),
});
export type AcceptanceRecordBody = z.infer<typeof AcceptanceRecordBody>;

export const HandoverCreate = z.object({
  facility: z.enum(handoverFacilities, { message: '请选择移交的设施' }),
  operator: text('接管单位', 100),
  date: isoDate,
  notes: optionalText('备注', 500).optional(),
});
export type HandoverCreate = z.infer<typeof HandoverCreate>;

export const ProjectListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stage: z.enum(projectStages, { message: '阶段无效' }).optional(),
  regionId: objectId('区域').optional(),
  q: z.string().trim().max(50, '关键词最多 50 个字符').optional(),
  demonstration: z.enum(['true', 'false']).optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

/** Public search from the mini-program: by street, community, compound or project name. */
export const ProjectSearchQuery = z.object({
  q: z.string().trim().max(50, '关键词最多 50 个字符').default(''),
  /** The projects of one compound, e.g. the resident's own. */
  compoundId: objectId('小区').optional(),
  size: z.coerce.number().int().min(1).max(50, '每次最多 50 条').default(20),
});
export type ProjectSearchQuery = z.infer<typeof ProjectSearchQuery>;

/** `:id` of public project routes: the project id or its scene id. */
export const ProjectRefParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '项目编号无效') });

// ---- Views ----

export interface MilestoneView {
  key: MilestoneKey;
  label: string;
  deadline: string;
  doneAt: string | null;
  overdue: boolean;
}
export interface ExpertReviewView {
  id: string;
  expertName: string;
  opinion: string;
  verdict: ReviewVerdict;
  at: string;
}
export interface ProgressView {
  id: string;
  text: string;
  photos: string[];
  percent: number;
  at: string;
  authorName: string;
}
export interface ProjectSummary {
  id: string;
  sceneId: string;
  name: string;
  year: number;
  stage: ProjectStage;
  stageLabel: string;
  compoundId: string;
  compoundName: string;
  communityName: string;
  streetName: string;
  figures: ProjectFigures;
  isDemonstration: boolean;
  percent: number;
  overdue: boolean;
}
export interface ProjectDetail extends ProjectSummary {
  description: string;
  constructionUnit: string;
  supervisionUnit: string;
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
  responsiblePersons: ResponsiblePerson[];
  complaintPhone: string;
  boardTexts: BoardTexts;
  sitePlanUrl: string | null;
  experienceSummary: string;
  plan: { designUnit: string; renderings: string[]; items: PlanItem[] } | null;
  reviews: ExpertReviewView[];
  milestones: MilestoneView[];
  stageHistory: { from: ProjectStage | null; to: ProjectStage; at: string; note: string }[];
  acceptance: (AcceptanceRecordBody & { recordedAt: string }) | null;
  handovers: (HandoverCreate & { id: string })[];
  allowedNextStages: ProjectStage[];
}
export interface ProjectSearchHit {
  id: string;
  sceneId: string;
  /** For the resident's binding form (buildings of this compound). */
  compoundId: string;
  name: string;
  year: number;
  stage: ProjectStage;
  stageLabel: string;
  compoundName: string;
  communityName: string;
  streetName: string;
}
