import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type {
  MilestoneKey,
  MilestoneView,
  PlanItem,
  ProjectDetail,
  ProjectStage,
  ProjectSummary,
  ReviewVerdict,
  AcceptanceRecordBody,
  HandoverCreate,
  ResponsiblePerson,
  ProjectSearchHit,
} from '@jiugai/shared';
import { milestoneDefaults, projectStageLabel, projectStageTransitions } from '@jiugai/shared';
import type { ProjectDoc } from '../models/project';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Today's date in Asia/Shanghai, YYYY-MM-DD (deadlines are calendar dates there). */
export const todayInShanghai = (): string => dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD');

export function presentMilestones(
  project: Pick<ProjectDoc, 'milestones'>,
  today = todayInShanghai(),
): MilestoneView[] {
  return (project.milestones ?? []).map((m) => {
    const key = m.key as MilestoneKey;
    return {
      key,
      label: milestoneDefaults[key]?.label ?? key,
      deadline: m.deadline ?? '',
      doneAt: m.doneAt ?? null,
      overdue: !m.doneAt && Boolean(m.deadline) && today > m.deadline!,
    };
  });
}

export function presentProjectSummary(p: ProjectDoc): ProjectSummary {
  return {
    id: String(p._id),
    sceneId: p.sceneId,
    name: p.name,
    year: p.year,
    stage: p.stage as ProjectStage,
    stageLabel: projectStageLabel[p.stage as ProjectStage],
    compoundId: String(p.compoundId),
    compoundName: p.compoundName ?? '',
    communityName: p.communityName ?? '',
    streetName: p.streetName ?? '',
    figures: {
      buildings: p.figures?.buildings ?? 0,
      households: p.figures?.households ?? 0,
      floorArea: p.figures?.floorArea ?? 0,
    },
    isDemonstration: Boolean(p.isDemonstration),
    percent: p.percent ?? 0,
    overdue: presentMilestones(p).some((m) => m.overdue),
  };
}

export const presentSearchHit = (p: ProjectDoc): ProjectSearchHit => ({
  id: String(p._id),
  sceneId: p.sceneId,
  compoundId: String(p.compoundId),
  name: p.name,
  year: p.year,
  stage: p.stage as ProjectStage,
  stageLabel: projectStageLabel[p.stage as ProjectStage],
  compoundName: p.compoundName ?? '',
  communityName: p.communityName ?? '',
  streetName: p.streetName ?? '',
});

export const presentPersons = (p: ProjectDoc): ResponsiblePerson[] =>
  (p.responsiblePersons ?? []).map((r) => ({
    role: r.role ?? '',
    name: r.name ?? '',
    ...(r.phone ? { phone: r.phone } : {}),
  }));

export const presentPlanItems = (p: ProjectDoc): PlanItem[] =>
  (p.plan?.items ?? []).map((i) => ({
    category: i.category as PlanItem['category'],
    title: i.title,
    ...(i.description ? { description: i.description } : {}),
    ...(i.leadDept ? { leadDept: i.leadDept } : {}),
    responsibleUnits: [...(i.responsibleUnits ?? [])],
  }));

export function presentProjectDetail(p: ProjectDoc): ProjectDetail {
  return {
    ...presentProjectSummary(p),
    description: p.description ?? '',
    constructionUnit: p.constructionUnit ?? '',
    supervisionUnit: p.supervisionUnit ?? '',
    plannedStart: p.plannedStart ?? null,
    plannedCompletion: p.plannedCompletion ?? null,
    actualStart: p.actualStart ?? null,
    actualCompletion: p.actualCompletion ?? null,
    responsiblePersons: presentPersons(p),
    complaintPhone: p.complaintPhone ?? '',
    boardTexts: {
      fireSafety: p.boardTexts?.fireSafety ?? '',
      safetyProduction: p.boardTexts?.safetyProduction ?? '',
      civilisedConstruction: p.boardTexts?.civilisedConstruction ?? '',
    },
    sitePlanUrl: p.sitePlanUrl ?? null,
    experienceSummary: p.experienceSummary ?? '',
    plan: p.plan
      ? {
          designUnit: p.plan.designUnit ?? '',
          renderings: [...(p.plan.renderings ?? [])],
          items: presentPlanItems(p),
        }
      : null,
    reviews: (p.reviews ?? []).map((r) => ({
      id: String(r._id),
      expertName: r.expertName ?? '',
      opinion: r.opinion ?? '',
      verdict: r.verdict as ReviewVerdict,
      at: (r.at ?? new Date()).toISOString(),
    })),
    milestones: presentMilestones(p),
    stageHistory: (p.stageHistory ?? []).map((e) => ({
      from: (e.from ?? null) as ProjectStage | null,
      to: e.to as ProjectStage,
      at: (e.at ?? new Date()).toISOString(),
      note: e.note ?? '',
    })),
    acceptance: p.acceptance
      ? {
          date: p.acceptance.date ?? '',
          participants: (p.acceptance.participants ?? []).map((x) => ({
            party: x.party as AcceptanceRecordBody['participants'][number]['party'],
            name: x.name ?? '',
          })),
          verdict: p.acceptance.verdict as AcceptanceRecordBody['verdict'],
          ...(p.acceptance.notes ? { notes: p.acceptance.notes } : {}),
          recordedAt: (p.acceptance.recordedAt ?? new Date()).toISOString(),
        }
      : null,
    handovers: (p.handovers ?? []).map((h) => ({
      id: String(h._id),
      facility: h.facility as HandoverCreate['facility'],
      operator: h.operator ?? '',
      date: h.date ?? '',
      ...(h.notes ? { notes: h.notes } : {}),
    })),
    allowedNextStages: projectStageTransitions[p.stage as ProjectStage] ?? [],
  };
}
