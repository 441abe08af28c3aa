import Router from '@koa/router';
import type { Context } from 'koa';
import {
  participationChannelLabel,
  SurveyHouseholdParams,
  SurveyIdParams,
  SurveyPaperResponseBody,
  SurveyResponseBody,
  type MySurveyView,
} from '@jiugai/shared';
import type { AuthUser } from '../../auth/tokens';
import { ForbiddenError, NotFoundError } from '../../errors';
import { auth, currentUser } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { recordAudit } from '../../commands/audit';
import { householdAddress } from '../../commands/surveyHouseholdAddress';
import { lookUpResponse, writeSurveyResponse } from '../../commands/surveyResponses';
import { batchedById } from '../../commands/surveyVoteBatching';
import { surveyInScope } from '../../commands/surveys';
import { Household, type HouseholdDoc } from '../../models/household';
import { Region } from '../../models/region';
import { Survey, type SurveyDoc } from '../../models/survey';
import { SurveyResponse, type SurveyResponseDoc } from '../../models/surveyResponse';
import {
  assertResidentOfCompound,
  boundHousehold,
  boundHouseholdIds,
  householdInScope,
  householdRoles,
  paperEntryRoles,
  statusFilter,
  surveyStaffRoles,
} from '../../policies/participation';
import { addressOf, presentReceipt, presentSurvey } from '../../presenters/survey';

const isHouseholdRole = (user: AuthUser) => householdRoles.includes(user.role);

const findSurvey = batchedById((ids) => Survey.find({ _id: { $in: ids } }).lean<SurveyDoc[]>());

async function loadSurvey(id: string): Promise<SurveyDoc> {
  const survey = await findSurvey(id);
  if (!survey) throw NotFoundError('找不到该征求意见表');
  return survey;
}

function assertSameCompound(survey: SurveyDoc, household: HouseholdDoc): void {
  if (String(household.compoundId) !== String(survey.compoundId))
    throw ForbiddenError('该房屋不在本次征求意见的小区内');
}

async function respond(
  ctx: Context,
  household: HouseholdDoc,
  survey: SurveyDoc,
  answers: SurveyResponseBody['answers'],
  channel: SurveyResponseDoc['channel'],
  existing?: Promise<SurveyResponseDoc | null>,
) {
  const user = currentUser(ctx);
  const [{ response, created }, address] = await Promise.all([
    writeSurveyResponse({ survey, household, answers, channel, by: user.id, existing }),
    householdAddress(household),
  ]);
  await recordAudit(ctx, {
    action: created ? 'survey.response' : 'survey.response.edit',
    targetType: 'surveyResponse',
    targetId: String(response._id),
    regionPath: household.regionPath,
    channel: channel === 'miniapp' ? 'miniapp' : participationChannelLabel[channel],
    summary: `${created ? '提交' : '修改'}「${survey.title}」：${address}`,
  });
  ctx.status = created ? 201 : 200;
  ctx.body = presentReceipt(response, survey, address);
}

/** Residents answer for their bound households; staff enter paper forms; both read receipts. */
export function surveyResponsesRouter(): Router {
  const router = new Router({ prefix: '/surveys' });

  router.get('/mine', auth({ roles: householdRoles }), async (ctx) => {
    const ids = await boundHouseholdIds(currentUser(ctx));
    const households = await Household.find(
      { _id: { $in: ids } },
      { compoundId: 1, buildingId: 1, unit: 1, room: 1 },
    ).lean<HouseholdDoc[]>();
    const surveys = await Survey.find({
      compoundId: { $in: households.map((h) => h.compoundId) },
      ...statusFilter('open'),
    })
      .sort({ closesAt: 1 })
      .lean<SurveyDoc[]>();
    const [answered, buildings] = await Promise.all([
      SurveyResponse.find(
        { surveyId: { $in: surveys.map((s) => s._id) }, householdId: { $in: ids } },
        { surveyId: 1, householdId: 1 },
      ).lean(),
      Region.find({ _id: { $in: households.map((h) => h.buildingId) } }, { name: 1 }).lean(),
    ]);
    const done = new Set(answered.map((r) => `${r.surveyId}:${r.householdId}`));
    const names = new Map(buildings.map((b) => [String(b._id), b.name]));
    const items: MySurveyView[] = surveys.map((s) => {
      const { questions: _questions, ...view } = presentSurvey(s);
      return {
        ...view,
        households: households
          .filter((h) => String(h.compoundId) === String(s.compoundId))
          .map((h) => ({
            householdId: String(h._id),
            address: addressOf(h, names.get(String(h.buildingId)) ?? ''),
            answered: done.has(`${s._id}:${h._id}`),
          })),
      };
    });
    ctx.body = { items };
  });

  router.get('/:id', auth({ roles: [...surveyStaffRoles, ...householdRoles] }), async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const user = currentUser(ctx);
    if (!isHouseholdRole(user)) {
      ctx.body = presentSurvey(await surveyInScope(user, id));
      return;
    }
    const survey = await loadSurvey(id);
    await assertResidentOfCompound(user, String(survey.compoundId));
    ctx.body = presentSurvey(survey);
  });

  router.put('/:id/responses/:householdId', auth({ roles: householdRoles }), async (ctx) => {
    const { id, householdId } = parse(SurveyHouseholdParams, ctx.params);
    const { answers } = parse(SurveyResponseBody, ctx.request.body);
    // The reads go out in the same batch (the household's current response too, used only once the checks
    // pass); a household error still wins over a survey error.
    const pendingSurvey = loadSurvey(id);
    pendingSurvey.catch(() => undefined);
    const existing = lookUpResponse(id, householdId);
    const household = await boundHousehold(currentUser(ctx), householdId);
    const survey = await pendingSurvey;
    assertSameCompound(survey, household);
    await respond(ctx, household, survey, answers, 'miniapp', existing);
  });

  router.put('/:id/paper-responses/:householdId', auth({ roles: paperEntryRoles }), async (ctx) => {
    const { id, householdId } = parse(SurveyHouseholdParams, ctx.params);
    const { answers, channel } = parse(SurveyPaperResponseBody, ctx.request.body);
    const user = currentUser(ctx);
    const survey = await surveyInScope(user, id);
    const household = await householdInScope(user, householdId);
    assertSameCompound(survey, household);
    await respond(ctx, household, survey, answers, channel);
  });

  router.get(
    '/:id/responses/:householdId',
    auth({ roles: [...surveyStaffRoles, ...householdRoles] }),
    async (ctx) => {
      const { id, householdId } = parse(SurveyHouseholdParams, ctx.params);
      const user = currentUser(ctx);
      const staff = !isHouseholdRole(user);
      const household = staff
        ? await householdInScope(user, householdId)
        : await boundHousehold(user, householdId);
      const survey = staff ? await surveyInScope(user, id) : await loadSurvey(id);
      const response = await SurveyResponse.findOne({
        surveyId: survey._id,
        householdId: household._id,
      }).lean<SurveyResponseDoc>();
      if (!response) throw NotFoundError('该户尚未提交意见');
      ctx.body = presentReceipt(response, survey, await householdAddress(household), { withHistory: staff });
    },
  );

  return router;
}
