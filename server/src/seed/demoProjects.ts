import mongoose from 'mongoose';
import type { ContentCategory, ProjectStage } from '@jiugai/shared';
import { milestoneDefaults, projectStages, stageIndex } from '@jiugai/shared';
import { constructionUnits, designUnits, supervisionUnits } from './demoData';
import type { prng } from './demoRandom';

type Rng = ReturnType<typeof prng>;

/** How the 30 demo projects spread over the stages (in stage order). */
export const demoStageCounts: Record<ProjectStage, number> = {
  consultation: 4,
  design: 4,
  review: 3,
  procedures: 4,
  construction: 7,
  basically_complete: 4,
  acceptance: 2,
  handover: 2,
};
export const demoStages = (): ProjectStage[] =>
  projectStages.flatMap((s) => Array<ProjectStage>(demoStageCounts[s]).fill(s));

const items: { category: ContentCategory; title: string; leadDept?: string; responsibleUnits?: string[] }[] =
  [
    { category: 'water_supply', title: '更换小区供水管网及入户阀门' },
    { category: 'heating', title: '改造供热管网，更换老化保温层' },
    { category: 'drainage', title: '雨污分流改造，疏通排水管道' },
    {
      category: 'cable_undergrounding',
      title: '空中缆线整治，弱电缆线入地',
      leadDept: '区工信局',
      responsibleUnits: [
        '区住建局',
        '中国移动包头分公司',
        '中国联通包头市分公司',
        '中国电信包头分公司',
        '中国广电包头市分公司',
      ],
    },
    { category: 'facade', title: '外墙保温及外立面粉刷' },
    { category: 'roads', title: '小区道路铺装及无障碍坡道' },
    { category: 'greening', title: '补植绿地，修整花坛' },
    { category: 'lighting', title: '安装太阳能路灯及楼道声控灯' },
    { category: 'parking', title: '规划施划停车位' },
    { category: 'charging_piles', title: '建设电动自行车充电桩' },
    { category: 'fitness', title: '配置体育健身设施' },
    { category: 'property_management', title: '引入红色物业，建立长效管理机制' },
  ];

const boardTexts = {
  fireSafety: '施工现场严禁吸烟；动火作业须办理动火证并配备灭火器；消防通道保持畅通。',
  safetyProduction: '进入施工现场必须佩戴安全帽；高处作业系好安全带；临时用电一机一闸一漏保。',
  civilisedConstruction:
    '施工时间 7:00–12:00、14:00–20:00；裸露土方全部覆盖；渣土车辆密闭运输；文明施工，不扰民。',
};

/** The stage-dependent part of a demo project: plan, reviews, dates, milestones, acceptance, handover. */
export function demoProjectDetails(
  rng: Rng,
  year: number,
  stage: ProjectStage,
  street: string,
  community: string,
  demonstration: boolean,
) {
  const at = stageIndex(stage);
  const reached = (s: ProjectStage) => at >= stageIndex(s);
  const date = (md: string) => `${year}-${md}`;
  const planItems = items.filter((_, i) => i < 4 || rng.next() < 0.5);
  const milestones = (Object.keys(milestoneDefaults) as (keyof typeof milestoneDefaults)[]).map((key) => ({
    key,
    deadline: date(milestoneDefaults[key].monthDay),
    doneAt: reached(milestoneDefaults[key].doneAtStage)
      ? date(key === 'procedures' ? '04-08' : key === 'basic_completion' ? '10-25' : '12-20')
      : null,
  }));
  const history = projectStages.slice(0, at + 1).map((to, i) => ({
    from: i === 0 ? null : projectStages[i - 1],
    to,
    at: new Date(`${year}-0${Math.min(9, i + 1)}-0${(i % 9) + 1}T02:00:00Z`),
    note: i === 0 ? '项目创建' : '',
    by: '',
  }));
  return {
    description: `本项目位于${street}${community}，主要对小区内基础配套设施进行改造，同步实施地上部分的改造提升。`,
    constructionUnit: reached('procedures') ? rng.pick(constructionUnits) : '',
    supervisionUnit: reached('procedures') ? rng.pick(supervisionUnits) : '',
    plannedStart: date('04-15'),
    plannedCompletion: date('10-31'),
    actualStart: reached('construction') ? date('04-18') : null,
    actualCompletion: reached('basically_complete') ? date('10-25') : null,
    responsiblePersons: [
      { role: '区住建局负责人', name: '赵志强', phone: '0472-4171234' },
      { role: `${street}负责人`, name: rng.pick(['刘海燕', '孙建军', '周红梅']), phone: '0472-4185678' },
      ...(reached('procedures')
        ? [{ role: '施工单位项目经理', name: rng.pick(['马德胜', '郭永刚']), phone: '13904721234' }]
        : []),
    ],
    complaintPhone: '0472-4179999',
    boardTexts,
    plan: reached('design') ? { designUnit: rng.pick(designUnits), renderings: [], items: planItems } : null,
    reviews: reached('procedures')
      ? [
          {
            _id: new mongoose.Types.ObjectId(),
            expertId: '',
            expertName: '评审专家 王工',
            opinion: '方案符合小区实际，同意实施。建议增加充电桩数量。',
            verdict: 'pass',
            at: new Date(`${year}-03-20T02:00:00Z`),
          },
        ]
      : [],
    milestones,
    stageHistory: history,
    acceptance: reached('handover')
      ? {
          date: date('12-15'),
          participants: [
            { party: 'construction', name: '参建单位' },
            { party: 'street_office', name: street },
            { party: 'community', name: community },
            { party: 'residents', name: '居民代表 5 人' },
            { party: 'housing_bureau', name: '区住建局' },
          ],
          verdict: 'passed',
          notes: '工程质量符合设计要求，同意验收。',
          recordedAt: new Date(`${year}-12-15T08:00:00Z`),
        }
      : null,
    handovers: reached('handover')
      ? [
          {
            _id: new mongoose.Types.ObjectId(),
            facility: 'water',
            operator: '包头市供水总公司',
            date: date('12-20'),
          },
          {
            _id: new mongoose.Types.ObjectId(),
            facility: 'heating',
            operator: '包头市热力总公司',
            date: date('12-20'),
          },
        ]
      : [],
    percent: reached('acceptance')
      ? 100
      : stage === 'basically_complete'
        ? 95
        : stage === 'construction'
          ? rng.int(20, 80)
          : 0,
    isDemonstration: demonstration,
    experienceSummary: demonstration
      ? '坚持“一个小区、一套方案”，居民全程参与；引入红色物业，形成街道主导、社区落实、居民参与的长效管理机制。'
      : '',
  };
}

export function demoProgressTexts(stage: ProjectStage): string[] {
  const at = stageIndex(stage);
  const texts: string[] = [];
  if (at >= stageIndex('construction'))
    texts.push('施工单位进场，围挡及五牌一图设置完毕', '地下管网开挖及更换施工中');
  if (at >= stageIndex('basically_complete')) texts.push('外立面及道路工程基本完成');
  if (at >= stageIndex('acceptance')) texts.push('完成联合竣工验收准备，资料归档中');
  return texts;
}
