import mongoose from 'mongoose';
import {
  checkAnswers,
  contentCategoryLabel,
  type ContentCategory,
  type ParticipationChannel,
  type SurveyAnswers,
  type SurveyQuestion,
} from '@jiugai/shared';
import { areaCenti } from '../commands/votes';
import { tallyVote } from '../commands/voteTally';
import { Ballot } from '../models/ballot';
import { Household } from '../models/household';
import { Project } from '../models/project';
import { Survey } from '../models/survey';
import { SurveyResponse } from '../models/surveyResponse';
import { User } from '../models/user';
import { Vote } from '../models/vote';
import { prng } from './demoRandom';

const day = 86_400_000;
const defaultItems: ContentCategory[] = [
  'underground_pipes',
  'water_supply',
  'heating',
  'facade',
  'roads',
  'parking',
  'fitness',
];
const comments = [
  '希望加装楼道照明',
  '停车位太少，晚上停不下',
  '下水道经常堵',
  '希望增加健身器材',
  '外墙保温要做好',
  '施工时注意噪音',
];

/** The district's standard 征求意见表, its ranking question built from the project's plan items. */
export function standardQuestions(items: ContentCategory[]): SurveyQuestion[] {
  const choices = items.map((c) => ({ id: c, label: contentCategoryLabel[c] }));
  return [
    {
      id: 'agree',
      type: 'single',
      title: '您是否同意本小区实施老旧小区改造？',
      required: true,
      options: [
        { id: 'yes', label: '同意' },
        { id: 'no', label: '不同意' },
      ],
    },
    {
      id: 'wanted',
      type: 'multiple',
      title: '您最希望改造的内容（最多选 3 项）',
      required: true,
      showIf: { questionId: 'agree', optionIds: ['yes'] },
      options: choices,
      minSelect: 1,
      maxSelect: 3,
    },
    {
      id: 'priority',
      type: 'ranking',
      title: '请按轻重缓急为改造内容排序（前 3 项）',
      required: false,
      items: choices,
      pick: 3,
    },
    {
      id: 'satisfaction',
      type: 'scale',
      title: '您对小区现状的满意程度',
      required: true,
      min: 1,
      max: 5,
      minLabel: '很不满意',
      maxLabel: '很满意',
    },
    { id: 'comment', type: 'text', title: '其他意见和建议', required: false, maxLength: 500 },
    { id: 'photo', type: 'photo', title: '可上传反映问题的照片', required: false, maxPhotos: 3 },
  ];
}

type Rng = ReturnType<typeof prng>;

function answersFor(rng: Rng, items: ContentCategory[]): SurveyAnswers {
  const shuffled = [...items].sort(() => rng.next() - 0.5);
  const agree = rng.next() < 0.92 ? 'yes' : 'no';
  return {
    agree,
    ...(agree === 'yes' ? { wanted: shuffled.slice(0, rng.int(1, 3)) } : {}),
    ...(rng.next() < 0.7 ? { priority: shuffled.slice(0, 3) } : {}),
    satisfaction: rng.int(1, 4),
    ...(rng.next() < 0.2 ? { comment: rng.pick(comments) } : {}),
  };
}

const channelFor = (rng: Rng): ParticipationChannel => {
  const x = rng.next();
  return x < 0.6 ? 'miniapp' : x < 0.85 ? 'door_to_door' : x < 0.95 ? 'meeting' : 'paper';
};

export interface ParticipationSummary {
  surveys: number;
  responses: number;
  votes: number;
  ballots: number;
}

/**
 * Demo surveys, responses, votes and ballots on top of `seedDemo()`: a 征求意见表 per project (open for projects
 * still in 征求意见, closed with 82–95% collected otherwise, a few compounds left under 80%), and in the first
 * compound an open red-property fee vote plus a closed, tallied property-service vote. Households of the demo
 * residents are left unanswered in open surveys and votes so the mini-program has something to do.
 */
export async function seedParticipation(opts: { now?: Date } = {}): Promise<ParticipationSummary> {
  const rng = prng(20240278);
  const now = opts.now ?? new Date();
  const projects = await Project.find({}, { compoundId: 1, regionPath: 1, stage: 1, plan: 1 })
    .sort({ regionPath: 1 })
    .lean();
  const households = await Household.find(
    {},
    { compoundId: 1, buildingId: 1, regionPath: 1, area: 1, ownerKey: 1 },
  ).lean();
  const demoBound = new Set(
    (await User.find({ role: 'resident' }, { householdIds: 1 }).lean()).flatMap((u) =>
      (u.householdIds ?? []).map(String),
    ),
  );
  const byCompound = new Map<string, typeof households>();
  for (const h of households)
    byCompound.set(String(h.compoundId), [...(byCompound.get(String(h.compoundId)) ?? []), h]);
  const firstCompound = String(
    (await Household.findOne({ _id: { $in: [...demoBound] } }, { compoundId: 1 }).lean())?.compoundId ?? '',
  );

  const surveys: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  projects.forEach((p, i) => {
    const planItems = [...new Set((p.plan?.items ?? []).map((it) => it.category as ContentCategory))];
    const items = planItems.length >= 3 ? planItems : defaultItems;
    const open = p.stage === 'consultation' || String(p.compoundId) === firstCompound;
    const survey = {
      _id: new mongoose.Types.ObjectId(),
      projectId: p._id,
      compoundId: p.compoundId,
      regionPath: p.regionPath,
      title: open ? '老旧小区改造征求意见表' : '老旧小区改造征求意见表（已结束）',
      description: '请每户填写一份，征集率需达到 80% 以上。',
      questions: standardQuestions(items),
      opensAt: new Date(now.getTime() - (open ? 10 : 120) * day),
      closesAt: new Date(now.getTime() + (open ? 20 : -90) * day),
      version: 1,
      createdBy: 'seed',
    };
    surveys.push(survey);
    // Every seventh compound stays under the 80% target, so the dashboard has something to chase.
    const rate = open
      ? 0.55 + rng.next() * 0.2
      : i % 7 === 3
        ? 0.7 + rng.next() * 0.08
        : 0.82 + rng.next() * 0.13;
    for (const h of byCompound.get(String(p.compoundId)) ?? []) {
      if (demoBound.has(String(h._id)) || rng.next() >= rate) continue;
      const answers = answersFor(rng, items);
      if (checkAnswers(survey.questions, answers).length) continue;
      const at = new Date(
        survey.opensAt.getTime() + rng.next() * Math.min(now.getTime() - survey.opensAt.getTime(), 25 * day),
      );
      responses.push({
        surveyId: survey._id,
        householdId: h._id,
        compoundId: h.compoundId,
        buildingId: h.buildingId,
        regionPath: h.regionPath,
        channel: channelFor(rng),
        answers,
        submittedBy: 'seed',
        submittedAt: at,
        revision: 1,
        history: [],
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  await Survey.insertMany(surveys, { lean: true });
  await SurveyResponse.insertMany(responses, { lean: true });

  const first = projects.find((p) => String(p.compoundId) === firstCompound) ?? projects[0];
  const eligible = first ? (byCompound.get(String(first.compoundId)) ?? []) : [];
  if (!first || eligible.length === 0)
    return { surveys: surveys.length, responses: responses.length, votes: 0, ballots: 0 };
  const totals = {
    households: eligible.length,
    areaCenti: eligible.reduce((s, h) => s + areaCenti(h.area), 0),
    owners: new Set(eligible.map((h) => h.ownerKey)).size,
  };
  const base = {
    projectId: first._id,
    compoundId: first.compoundId,
    regionPath: first.regionPath,
    buildingIds: [],
    totals,
    createdBy: 'seed',
  };
  const openVote = {
    ...base,
    _id: new mongoose.Types.ObjectId(),
    title: '红色物业服务收费标准',
    description: '改造完成后引入红色物业，请在两档收费标准中选择一档（按专有部分面积按月收取）。',
    article278Item: 4,
    kind: 'choice',
    options: [
      {
        id: 'fee050',
        label: '每月每平方米 0.50 元（基础服务）',
        description: '保洁、秩序维护、绿化养护',
        feeFenPerSqmMonth: 50,
      },
      {
        id: 'fee080',
        label: '每月每平方米 0.80 元（含设施维护）',
        description: '基础服务并含公共设施日常维护',
        feeFenPerSqmMonth: 80,
      },
    ],
    opensAt: new Date(now.getTime() - 3 * day),
    closesAt: new Date(now.getTime() + 11 * day),
    allowChange: true,
    eligibleAsOf: new Date(now.getTime() - 3 * day),
  };
  const closedVote = {
    ...base,
    _id: new mongoose.Types.ObjectId(),
    title: '选聘物业服务企业（红色物业）',
    description: '是否同意由社区推荐的红色物业服务企业为本小区提供物业服务。',
    article278Item: 4,
    kind: 'yes_no',
    options: [
      { id: 'yes', label: '同意' },
      { id: 'no', label: '反对' },
    ],
    opensAt: new Date(now.getTime() - 60 * day),
    closesAt: new Date(now.getTime() - 45 * day),
    allowChange: false,
    eligibleAsOf: new Date(now.getTime() - 60 * day),
  };
  await Vote.insertMany([openVote, closedVote], { lean: true });
  const ballots: Record<string, unknown>[] = [];
  const cast = (vote: typeof openVote | typeof closedVote, share: number, pick: () => string) => {
    for (const h of eligible) {
      if (demoBound.has(String(h._id)) && vote === openVote) continue;
      if (rng.next() >= share) continue;
      const channel = channelFor(rng);
      ballots.push({
        voteId: vote._id,
        householdId: h._id,
        buildingId: h.buildingId,
        regionPath: h.regionPath,
        ownerKey: h.ownerKey,
        areaCenti: areaCenti(h.area),
        optionId: pick(),
        channel,
        castBy: 'seed',
        castAt: new Date(
          vote.opensAt.getTime() + rng.next() * Math.min(now.getTime() - vote.opensAt.getTime(), 14 * day),
        ),
        changes: 0,
      });
    }
  };
  cast(openVote, 0.45, () => (rng.next() < 0.62 ? 'fee050' : rng.next() < 0.9 ? 'fee080' : 'abstain'));
  cast(closedVote, 0.86, () => (rng.next() < 0.78 ? 'yes' : rng.next() < 0.7 ? 'no' : 'abstain'));
  await Ballot.insertMany(ballots, { lean: true });
  await tallyVote(closedVote._id);
  return { surveys: surveys.length, responses: responses.length, votes: 2, ballots: ballots.length };
}
