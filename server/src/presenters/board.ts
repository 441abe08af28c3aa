import type { ProjectBoard, ProjectStage } from '@jiugai/shared';
import { contentCategoryLabel, projectStageLabel } from '@jiugai/shared';
import type { ProjectDoc } from '../models/project';
import type { ProgressUpdateDoc } from '../models/progressUpdate';
import { presentMilestones, presentPersons, presentPlanItems } from './project';
import { presentProgress } from './progress';

const overviewText = (p: ProjectDoc): string =>
  [
    `项目名称：${p.name}`,
    `所在位置：${[p.districtName, p.streetName, p.communityName, p.compoundName].filter(Boolean).join(' ')}`,
    `改造规模：${p.figures?.buildings ?? 0} 栋、${p.figures?.households ?? 0} 户、建筑面积 ${p.figures?.floorArea ?? 0} 平方米`,
    p.constructionUnit ? `施工单位：${p.constructionUnit}` : '',
    p.supervisionUnit ? `监理单位：${p.supervisionUnit}` : '',
    p.plannedStart ? `计划开工：${p.plannedStart}` : '',
    p.plannedCompletion ? `计划竣工：${p.plannedCompletion}` : '',
  ]
    .filter(Boolean)
    .join('\n');

/** Everything the physical board shows. Responsible persons' phones are their public work numbers. */
export function presentBoard(p: ProjectDoc, progress: ProgressUpdateDoc[]): ProjectBoard {
  const persons = presentPersons(p);
  return {
    projectId: String(p._id),
    sceneId: p.sceneId,
    compoundId: String(p.compoundId),
    name: p.name,
    year: p.year,
    stage: p.stage as ProjectStage,
    stageLabel: projectStageLabel[p.stage as ProjectStage],
    isDemonstration: Boolean(p.isDemonstration),
    experienceSummary: p.isDemonstration ? (p.experienceSummary ?? '') : '',
    overview: {
      districtName: p.districtName ?? '',
      streetName: p.streetName ?? '',
      communityName: p.communityName ?? '',
      compoundName: p.compoundName ?? '',
      address: p.address ?? '',
      description: p.description ?? '',
      figures: {
        buildings: p.figures?.buildings ?? 0,
        households: p.figures?.households ?? 0,
        floorArea: p.figures?.floorArea ?? 0,
      },
      designUnit: p.plan?.designUnit ?? '',
      constructionUnit: p.constructionUnit ?? '',
      supervisionUnit: p.supervisionUnit ?? '',
    },
    content: presentPlanItems(p).map((i) => ({ ...i, categoryLabel: contentCategoryLabel[i.category] })),
    renderings: [...(p.plan?.renderings ?? [])],
    dates: {
      plannedStart: p.plannedStart ?? null,
      plannedCompletion: p.plannedCompletion ?? null,
      actualStart: p.actualStart ?? null,
      actualCompletion: p.actualCompletion ?? null,
    },
    responsiblePersons: persons,
    complaintPhone: p.complaintPhone ?? '',
    fiveBoards: {
      overview: overviewText(p),
      managers: persons,
      fireSafety: p.boardTexts?.fireSafety ?? '',
      safetyProduction: p.boardTexts?.safetyProduction ?? '',
      civilisedConstruction: p.boardTexts?.civilisedConstruction ?? '',
    },
    sitePlanUrl: p.sitePlanUrl ?? null,
    milestones: presentMilestones(p),
    percent: p.percent ?? 0,
    latestProgress: progress.map(presentProgress),
    updatedAt: ((p as { updatedAt?: Date }).updatedAt ?? new Date()).toISOString(),
  };
}
