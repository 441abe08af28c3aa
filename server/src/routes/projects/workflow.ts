import Router from '@koa/router';
import type { Context } from 'koa';
import type { ProjectStage } from '@jiugai/shared';
import {
  AcceptanceRecordBody,
  ExpertReviewCreate,
  HandoverCreate,
  IdParams,
  MilestoneParams,
  MilestoneUpdate,
  PlanUpdate,
  StageChange,
  canTransition,
  milestoneDefaults,
  projectStageLabel,
  handoverFacilityLabel,
} from '@jiugai/shared';
import { parse } from '../../middlewares/validate';
import { auth, currentUser } from '../../middlewares/auth';
import { ConflictError, InvalidStateError } from '../../errors';
import { recordAudit } from '../../commands/audit';
import { projectInScope } from '../../policies/projectAccess';
import { presentProjectDetail, todayInShanghai } from '../../presenters/project';
import { Project, type ProjectDoc } from '../../models/project';
import { User } from '../../models/user';
import { invalidateBoard } from '../board/boardCache';
import { projectManagers } from './projects';

export const projectReviewers = ['expert', 'bureau_admin', 'super_admin'] as const;

/** Why a project may not enter `to` yet, or undefined when it may. */
function stageBlocker(p: ProjectDoc, to: ProjectStage): string | undefined {
  if (to === 'review' && !p.plan) return '请先填写改造方案，再提交专家评审';
  const lastReview = p.reviews?.[p.reviews.length - 1];
  if (to === 'procedures' && !(lastReview && lastReview.verdict !== 'reject')) return '方案尚未通过专家评审';
  if (to === 'handover' && p.acceptance?.verdict !== 'passed') return '联合竣工验收尚未通过';
  return undefined;
}

async function saveAndRespond(
  ctx: Context,
  project: ProjectDoc,
  update: Record<string, unknown>,
  audit: { action: string; summary: string },
) {
  const updated = await Project.findOneAndUpdate({ _id: project._id, updatedAt: project.updatedAt }, update, {
    returnDocument: 'after',
  }).lean<ProjectDoc>();
  if (!updated) throw ConflictError();
  invalidateBoard(String(project._id));
  await recordAudit(ctx, {
    ...audit,
    targetType: 'project',
    targetId: String(project._id),
    regionPath: project.regionPath,
  });
  ctx.body = presentProjectDetail(updated);
}

/** Plan, expert reviews, stage changes, milestones, joint acceptance and handovers of a project. */
export function projectWorkflowRouter(): Router {
  const router = new Router({ prefix: '/projects/:id' });
  const managers = auth({ roles: [...projectManagers] });

  router.put('/plan', managers, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const plan = parse(PlanUpdate, ctx.request.body);
    const project = await projectInScope(currentUser(ctx), id);
    await saveAndRespond(
      ctx,
      project,
      { $set: { plan } },
      { action: 'project.plan', summary: `更新改造方案（${plan.items.length} 项内容）` },
    );
  });

  router.post('/reviews', auth({ roles: [...projectReviewers] }), async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(ExpertReviewCreate, ctx.request.body);
    const user = currentUser(ctx);
    const project = await projectInScope(user, id);
    if (project.stage !== 'review') throw InvalidStateError('项目不在专家评审阶段，不能录入评审意见');
    const expert = await User.findById(user.id, { name: 1 }).lean();
    const review = {
      expertId: user.id,
      expertName: expert?.name ?? '',
      opinion: body.opinion,
      verdict: body.verdict,
      at: new Date(),
    };
    await saveAndRespond(
      ctx,
      project,
      { $push: { reviews: review } },
      { action: 'project.review', summary: `录入专家评审意见：${body.verdict}` },
    );
    ctx.status = 201;
  });

  router.post('/stage', managers, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const { to, note } = parse(StageChange, ctx.request.body);
    const user = currentUser(ctx);
    const project = await projectInScope(user, id);
    const from = project.stage as ProjectStage;
    if (!canTransition(from, to)) {
      throw InvalidStateError(`不能从“${projectStageLabel[from]}”转到“${projectStageLabel[to]}”`, {
        from,
        to,
      });
    }
    const blocker = stageBlocker(project, to);
    if (blocker) throw InvalidStateError(blocker, { from, to });
    const today = todayInShanghai();
    const milestones = (project.milestones ?? []).map((m) =>
      !m.doneAt && milestoneDefaults[m.key as keyof typeof milestoneDefaults]?.doneAtStage === to
        ? { ...m, doneAt: today }
        : m,
    );
    const set: Record<string, unknown> = { stage: to, milestones };
    if (to === 'construction' && !project.actualStart) set.actualStart = today;
    if (to === 'basically_complete' && !project.actualCompletion) set.actualCompletion = today;
    const event = { from, to, at: new Date(), note: note ?? '', by: user.id };
    await saveAndRespond(
      ctx,
      project,
      { $set: set, $push: { stageHistory: event } },
      {
        action: 'project.stage',
        summary: `阶段：${projectStageLabel[from]} → ${projectStageLabel[to]}`,
      },
    );
  });

  router.patch('/milestones/:key', managers, async (ctx) => {
    const { id, key } = parse(MilestoneParams, ctx.params);
    const body = parse(MilestoneUpdate, ctx.request.body);
    const project = await projectInScope(currentUser(ctx), id);
    const milestones = (project.milestones ?? []).map((m) => (m.key === key ? { ...m, ...body } : m));
    await saveAndRespond(
      ctx,
      project,
      { $set: { milestones } },
      {
        action: 'project.milestone',
        summary: `修改节点：${milestoneDefaults[key].label}`,
      },
    );
  });

  router.put('/acceptance', managers, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(AcceptanceRecordBody, ctx.request.body);
    const project = await projectInScope(currentUser(ctx), id);
    if (project.stage !== 'acceptance') throw InvalidStateError('项目不在联合竣工验收阶段');
    await saveAndRespond(
      ctx,
      project,
      { $set: { acceptance: { ...body, recordedAt: new Date() } } },
      {
        action: 'project.acceptance',
        summary: `联合竣工验收：${body.verdict === 'passed' ? '合格' : '不合格'}`,
      },
    );
  });

  router.post('/handovers', managers, async (ctx) => {
    const { id } = parse(IdParams, ctx.params);
    const body = parse(HandoverCreate, ctx.request.body);
    const project = await projectInScope(currentUser(ctx), id);
    if (project.acceptance?.verdict !== 'passed') throw InvalidStateError('联合竣工验收合格后才能移交设施');
    await saveAndRespond(
      ctx,
      project,
      { $push: { handovers: body } },
      {
        action: 'project.handover',
        summary: `${handoverFacilityLabel[body.facility]}移交：${body.operator}`,
      },
    );
    ctx.status = 201;
  });

  return router;
}
