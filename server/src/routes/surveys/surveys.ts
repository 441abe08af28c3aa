import type mongoose from 'mongoose';
import Router from '@koa/router';
import {
  CollectionOverviewQuery,
  SurveyCreateBody,
  SurveyIdParams,
  SurveyListQuery,
  SurveyUpdateBody,
  SurveyVersionBody,
} from '@jiugai/shared';
import { auth, currentUser, scopeFilter } from '../../middlewares/auth';
import { parse } from '../../middlewares/validate';
import { recordAudit } from '../../commands/audit';
import { collectionOverview, surveyCollection } from '../../commands/collectionRate';
import { notifyCompoundResidents } from '../../commands/notifications';
import { surveyResults } from '../../commands/surveyResults';
import { surveyWorkbook, type HouseholdAddress } from '../../commands/surveyExport';
import {
  closeSurvey,
  createSurvey,
  createSurveyVersion,
  surveyInScope,
  updateSurvey,
} from '../../commands/surveys';
import { logger } from '../../logger';
import { Household } from '../../models/household';
import { Region } from '../../models/region';
import { Survey, type SurveyDoc } from '../../models/survey';
import { SurveyResponse, type SurveyResponseDoc } from '../../models/surveyResponse';
import { statusFilter, surveyStaffRoles } from '../../policies/participation';
import { presentSurvey } from '../../presenters/survey';

const staff = auth({ roles: surveyStaffRoles });

async function announce(survey: SurveyDoc): Promise<void> {
  try {
    await notifyCompoundResidents(survey.compoundId, 'survey_open', {
      title: survey.title,
      surveyId: String(survey._id),
      projectId: String(survey.projectId),
      closesAt: survey.closesAt,
    });
  } catch (err) {
    logger.warn({ err, surveyId: String(survey._id) }, '征求意见通知发送失败');
  }
}

async function buildingNames(compoundId: mongoose.Types.ObjectId): Promise<Map<string, string>> {
  const buildings = await Region.find({ parentId: compoundId, level: 'building' }, { name: 1 }).lean();
  return new Map(buildings.map((b) => [String(b._id), b.name]));
}

/** Staff side of surveys: build, version, close, follow collection, results and export. */
export function surveysRouter(): Router {
  const router = new Router({ prefix: '/surveys' });

  router.get('/', staff, async (ctx) => {
    const q = parse(SurveyListQuery, ctx.query);
    const filter: Record<string, unknown> = {
      ...scopeFilter(currentUser(ctx)),
      ...(q.projectId ? { projectId: q.projectId } : {}),
      ...(q.status ? statusFilter(q.status) : {}),
    };
    const [items, total] = await Promise.all([
      Survey.find(filter)
        .sort({ opensAt: -1 })
        .skip((q.page - 1) * q.size)
        .limit(q.size)
        .lean<SurveyDoc[]>(),
      Survey.countDocuments(filter),
    ]);
    ctx.body = { items: items.map((s) => presentSurvey(s)), total, page: q.page, size: q.size };
  });

  router.post('/', staff, async (ctx) => {
    const body = parse(SurveyCreateBody, ctx.request.body);
    const survey = await createSurvey(currentUser(ctx), body);
    await recordAudit(ctx, {
      action: 'survey.create',
      targetType: 'survey',
      targetId: String(survey._id),
      regionPath: survey.regionPath,
      summary: `创建征求意见表「${survey.title}」，${survey.questions.length} 道题`,
    });
    await announce(survey);
    ctx.status = 201;
    ctx.body = presentSurvey(survey);
  });

  router.get('/collection', staff, async (ctx) => {
    const q = parse(CollectionOverviewQuery, ctx.query);
    ctx.body = await collectionOverview(currentUser(ctx), q.regionId);
  });

  router.patch('/:id', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const body = parse(SurveyUpdateBody, ctx.request.body);
    const survey = await updateSurvey(await surveyInScope(currentUser(ctx), id), body);
    await recordAudit(ctx, {
      action: 'survey.update',
      targetType: 'survey',
      targetId: id,
      regionPath: survey.regionPath,
      summary: `修改征求意见表「${survey.title}」：${Object.keys(body).join('、')}`,
    });
    ctx.body = presentSurvey(survey);
  });

  router.post('/:id/versions', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const body = parse(SurveyVersionBody, ctx.request.body);
    const user = currentUser(ctx);
    const survey = await createSurveyVersion(user, await surveyInScope(user, id), body);
    await recordAudit(ctx, {
      action: 'survey.version',
      targetType: 'survey',
      targetId: String(survey._id),
      regionPath: survey.regionPath,
      summary: `征求意见表「${survey.title}」第 ${survey.version} 版`,
    });
    await announce(survey);
    ctx.status = 201;
    ctx.body = presentSurvey(survey);
  });

  router.post('/:id/close', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const survey = await closeSurvey(await surveyInScope(currentUser(ctx), id));
    await recordAudit(ctx, {
      action: 'survey.close',
      targetType: 'survey',
      targetId: id,
      regionPath: survey.regionPath,
      summary: `提前结束征求意见「${survey.title}」`,
    });
    ctx.body = presentSurvey(survey);
  });

  router.get('/:id/collection', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    ctx.body = await surveyCollection(await surveyInScope(currentUser(ctx), id));
  });

  router.get('/:id/results', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const survey = await surveyInScope(currentUser(ctx), id);
    const [responses, names] = await Promise.all([
      SurveyResponse.find({ surveyId: survey._id }, { buildingId: 1, answers: 1 }).lean<
        SurveyResponseDoc[]
      >(),
      buildingNames(survey.compoundId),
    ]);
    const inputs = responses.map((r) => ({ buildingId: String(r.buildingId), answers: r.answers }));
    ctx.body = {
      surveyId: id,
      responses: responses.length,
      questions: surveyResults(survey.questions, inputs, names),
    };
  });

  router.get('/:id/export', staff, async (ctx) => {
    const { id } = parse(SurveyIdParams, ctx.params);
    const survey = await surveyInScope(currentUser(ctx), id);
    const [responses, names, collection] = await Promise.all([
      SurveyResponse.find({ surveyId: survey._id }, { history: 0 }).lean<SurveyResponseDoc[]>(),
      buildingNames(survey.compoundId),
      surveyCollection(survey),
    ]);
    const households = await Household.find(
      { _id: { $in: responses.map((r) => r.householdId) } },
      { buildingId: 1, unit: 1, room: 1 },
    ).lean();
    const addresses = new Map<string, HouseholdAddress>(
      households.map((h) => [
        String(h._id),
        { building: names.get(String(h.buildingId)) ?? '', unit: h.unit, room: h.room },
      ]),
    );
    const inputs = responses.map((r) => ({ buildingId: String(r.buildingId), answers: r.answers }));
    const results = surveyResults(survey.questions, inputs, names);
    ctx.body = await surveyWorkbook(survey, collection, results, responses, addresses);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.attachment(`征求意见-${survey.title}-v${survey.version}.xlsx`);
    await recordAudit(ctx, {
      action: 'survey.export',
      targetType: 'survey',
      targetId: id,
      regionPath: survey.regionPath,
      summary: `导出征求意见表「${survey.title}」${responses.length} 份答卷`,
    });
  });

  return router;
}
