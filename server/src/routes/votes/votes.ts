import Router from '@koa/router';
import {
  article278ItemLabel,
  VoteCreateBody,
  VoteHouseholdsQuery,
  VoteIdParams,
  VoteListQuery,
} from '@jiugai/shared';
import { InvalidStateError } from '../../errors';
import { logger } from '../../logger';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { recordAudit } from '../../commands/audit';
import { notifyCompoundResidents } from '../../commands/notifications';
import { voteWorkbook } from '../../commands/voteExport';
import { voteHouseholdRows } from '../../commands/voteRecord';
import { tallyVote } from '../../commands/voteTally';
import { closeVote, createVote, voteInScope } from '../../commands/votes';
import { Vote, type VoteDoc } from '../../models/vote';
import { statusAt, statusFilter, surveyStaffRoles, voteOpenerRoles } from '../../policies/participation';
import { presentVote } from '../../presenters/vote';

async function announce(vote: VoteDoc): Promise<void> {
  try {
    await notifyCompoundResidents(vote.compoundId, 'vote_open', {
      title: vote.title,
      voteId: String(vote._id),
      projectId: String(vote.projectId),
      closesAt: vote.closesAt,
    });
  } catch (err) {
    logger.warn({ err, voteId: String(vote._id) }, '表决通知发送失败');
  }
}

/** Staff side of votes: open, close, follow participation per household, export the legal record. */
export function votesRouter(): Router {
  const router = new Router({ prefix: '/votes' });
  const staff = auth({ roles: surveyStaffRoles });
  const openers = auth({ roles: voteOpenerRoles });

  router.get('/', staff, async (ctx) => {
    const q = parse(VoteListQuery, ctx.query);
    const filter: Record<string, unknown> = {
      ...scopeFilter(currentUser(ctx)),
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.status ? statusFilter(q.status) : {}),
    };
    const [items, total] = await Promise.all([
      Vote.find(filter, { final: 0 })
        .sort({ opensAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<VoteDoc[]>(),
      Vote.countDocuments(filter),
    ]);
    ctx.body = { items: items.map((v) => presentVote(v)), total, page: q.page, size: q.size };
  });

  router.post('/', openers, async (ctx) => {
    const body = parse(VoteCreateBody, ctx.request.body);
    const vote = await createVote(currentUser(ctx), body);
    await recordAudit(ctx, {
      action: 'vote.create',
      targetType: 'vote',
      targetId: String(vote._id),
      regionPath: vote.regionPath,
      summary: `发起表决「${vote.title}」，${article278ItemLabel[body.article278Item]}，${vote.totals.households} 户`,
    });
    await announce(vote);
    ctx.status = 201;
    ctx.body = presentVote(vote);
  });

  router.post('/:id/close', openers, async (ctx) => {
    const { id } = parse(VoteIdParams, ctx.params);
    const vote = await closeVote(await voteInScope(currentUser(ctx), id));
    const { view } = await tallyVote(vote._id);
    await recordAudit(ctx, {
      action: 'vote.close',
      targetType: 'vote',
      targetId: id,
      regionPath: vote.regionPath,
      summary: `提前结束表决「${vote.title}」，计票指纹 ${view.fingerprint?.slice(0, 16)}…`,
    });
    ctx.body = { vote: presentVote(vote), tally: view };
  });

  router.get('/:id/households', staff, async (ctx) => {
    const { id } = parse(VoteIdParams, ctx.params);
    const q = parse(VoteHouseholdsQuery, ctx.query);
    const vote = await voteInScope(currentUser(ctx), id);
    const rows = await voteHouseholdRows(vote, statusAt(vote) === 'closed');
    const filtered = q.voted === undefined ? rows : rows.filter((r) => r.voted === (q.voted === 'true'));
    ctx.body = {
      items: filtered.slice((q.page - 1) * q.size, q.page * q.size),
      total: filtered.length,
      page: q.page,
      size: q.size,
    };
  });

  router.get('/:id/export', staff, async (ctx) => {
    const { id } = parse(VoteIdParams, ctx.params);
    const vote = await voteInScope(currentUser(ctx), id);
    if (statusAt(vote) !== 'closed') throw InvalidStateError('表决结束后才能导出计票结果');
    const { view } = await tallyVote(vote._id);
    ctx.body = await voteWorkbook(vote, view, await voteHouseholdRows(vote, true));
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment(`表决计票-${vote.title}.xlsx`);
    await recordAudit(ctx, {
      action: 'vote.export',
      targetType: 'vote',
      targetId: id,
      regionPath: vote.regionPath,
      summary: `导出表决「${vote.title}」计票结果与逐户记录`,
    });
  });

  return router;
}
