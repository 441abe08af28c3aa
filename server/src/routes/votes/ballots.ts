import Router from '@koa/router';
import type { Context } from 'koa';
import {
  BallotBody,
  MyVotesQuery,
  PaperBallotBody,
  participationChannelLabel,
  VoteHouseholdParams,
  VoteIdParams,
  type ParticipationChannel,
} from '@jiugai/shared';
import type { AuthUser } from '../../auth/tokens';
import { InvalidStateError, NotFoundError } from '../../errors';
import { auth, currentUser } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { recordAudit } from '../../commands/audit';
import { householdAddress } from '../../commands/surveyHouseholdAddress';
import { listMyVotes } from '../../commands/myVotes';
import { castBallot, lookUpBallot } from '../../commands/voteBallots';
import { batchedById } from '../../commands/surveyVoteBatching';
import { tallyVote } from '../../commands/voteTally';
import { voteInScope } from '../../commands/votes';
import { Ballot, type BallotDoc } from '../../models/ballot';
import type { HouseholdDoc } from '../../models/household';
import { Vote, type VoteDoc } from '../../models/vote';
import {
  assertResidentOfCompound,
  boundHousehold,
  householdInScope,
  householdRoles,
  paperEntryRoles,
  statusAt,
  surveyStaffRoles,
} from '../../policies/participation';
import { presentBallot, presentVote } from '../../presenters/vote';

const isHouseholdRole = (user: AuthUser) => householdRoles.includes(user.role);
const everyone = auth({ roles: [...surveyStaffRoles, ...householdRoles] });

const findVote = batchedById((ids) => Vote.find({ _id: { $in: ids } }, { final: 0 }).lean<VoteDoc[]>());

async function loadVote(id: string): Promise<VoteDoc> {
  const vote = await findVote(id);
  if (!vote) throw NotFoundError('找不到该表决');
  return vote;
}

/** Staff get a vote in their scope; residents a vote of a compound they live in. */
async function visibleVote(user: AuthUser, id: string): Promise<VoteDoc> {
  if (!isHouseholdRole(user)) return voteInScope(user, id);
  const vote = await loadVote(id);
  await assertResidentOfCompound(user, String(vote.compoundId));
  return vote;
}

async function vote(
  ctx: Context,
  v: VoteDoc,
  household: HouseholdDoc,
  optionId: string,
  channel: ParticipationChannel,
  existing?: Promise<BallotDoc | null>,
) {
  const user = currentUser(ctx);
  const [{ ballot, created }, address] = await Promise.all([
    castBallot({ vote: v, household, optionId, channel, by: user.id, existing }),
    householdAddress(household),
  ]);
  // The option stays out of the audit summary: counts must not be readable before close.
  await recordAudit(ctx, {
    action: created ? 'vote.ballot' : 'vote.ballot.change',
    targetType: 'ballot',
    targetId: String(ballot._id),
    regionPath: household.regionPath,
    channel: channel === 'miniapp' ? 'miniapp' : participationChannelLabel[channel],
    summary: `${created ? '投票' : '修改表决票'}「${v.title}」：${address}`,
  });
  ctx.status = created ? 201 : 200;
  ctx.body = presentBallot(ballot, v, address);
}

/** Residents vote for their bound households; staff enter paper ballots; everyone concerned sees the tally. */
export function ballotsRouter(): Router {
  const router = new Router({ prefix: '/votes' });

  router.get('/mine', auth({ roles: householdRoles }), async (ctx) => {
    const q = parse(MyVotesQuery, ctx.query);
    ctx.body = await listMyVotes(currentUser(ctx), q);
  });

  router.get('/:id', everyone, async (ctx) => {
    const { id } = parse(VoteIdParams, ctx.params);
    ctx.body = presentVote(await visibleVote(currentUser(ctx), id));
  });

  router.get('/:id/tally', everyone, async (ctx) => {
    const { id } = parse(VoteIdParams, ctx.params);
    const v = await visibleVote(currentUser(ctx), id);
    ctx.body = (await tallyVote(v._id)).view;
  });

  router.put('/:id/ballots/:householdId', auth({ roles: householdRoles }), async (ctx) => {
    const { id, householdId } = parse(VoteHouseholdParams, ctx.params);
    const { optionId } = parse(BallotBody, ctx.request.body);
    // The household's current ballot is read in the same batch, and used only once the checks pass.
    const existing = lookUpBallot(id, householdId);
    const [household, v] = await Promise.all([boundHousehold(currentUser(ctx), householdId), loadVote(id)]);
    await vote(ctx, v, household, optionId, 'miniapp', existing);
  });

  router.put('/:id/paper-ballots/:householdId', auth({ roles: paperEntryRoles }), async (ctx) => {
    const { id, householdId } = parse(VoteHouseholdParams, ctx.params);
    const { optionId, channel } = parse(PaperBallotBody, ctx.request.body);
    const user = currentUser(ctx);
    const [v, household] = await Promise.all([voteInScope(user, id), householdInScope(user, householdId)]);
    await vote(ctx, v, household, optionId, channel);
  });

  router.get('/:id/ballots/:householdId', everyone, async (ctx) => {
    const { id, householdId } = parse(VoteHouseholdParams, ctx.params);
    const user = currentUser(ctx);
    const staff = !isHouseholdRole(user);
    const [v, household] = staff
      ? await Promise.all([voteInScope(user, id), householdInScope(user, householdId)])
      : await Promise.all([loadVote(id), boundHousehold(user, householdId)]);
    if (staff && statusAt(v) !== 'closed')
      throw InvalidStateError('表决结束前，工作人员不能查看各户的表决意见');
    const ballot = await Ballot.findOne({ voteId: v._id, householdId: household._id }).lean<BallotDoc>();
    if (!ballot) throw NotFoundError('该户尚未投票');
    ctx.body = presentBallot(ballot, v, await householdAddress(household));
  });

  return router;
}
