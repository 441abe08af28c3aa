import type { SurveyCreateBody, SurveyUpdateBody, SurveyVersionBody } from '@jiugai/shared';
import type { AuthUser } from '../auth/tokens';
import { InvalidStateError, NotFoundError, ValidationError } from '../errors';
import { assertInScope } from '../middlewares/auth';
import { Survey, type SurveyDoc } from '../models/survey';
import { SurveyResponse } from '../models/surveyResponse';
import { projectInScope } from '../policies/participation';

/** A survey the staff caller may manage: 404 or 403 out_of_scope. */
export async function surveyInScope(user: AuthUser, id: string): Promise<SurveyDoc> {
  const survey = await Survey.findById(id).lean<SurveyDoc>();
  if (!survey) throw NotFoundError('找不到该征求意见表');
  assertInScope(user, survey.regionPath);
  return survey;
}

export async function createSurvey(user: AuthUser, body: SurveyCreateBody): Promise<SurveyDoc> {
  const project = await projectInScope(user, body.projectId);
  const doc = await Survey.create({
    projectId: project._id,
    compoundId: project.compoundId,
    regionPath: project.regionPath,
    title: body.title,
    description: body.description,
    questions: body.questions,
    opensAt: new Date(body.opensAt),
    closesAt: new Date(body.closesAt),
    createdBy: user.id,
  });
  return doc.toObject() as SurveyDoc;
}

/** Title, description and times can change any time; questions only while nobody has answered. */
export async function updateSurvey(survey: SurveyDoc, body: SurveyUpdateBody): Promise<SurveyDoc> {
  if (body.questions && (await SurveyResponse.exists({ surveyId: survey._id })))
    throw InvalidStateError('该征求意见表已有答卷，不能再修改题目；如需调整请创建新版本');
  const opensAt = body.opensAt ? new Date(body.opensAt) : survey.opensAt;
  const closesAt = body.closesAt ? new Date(body.closesAt) : survey.closesAt;
  if (closesAt <= opensAt) throw ValidationError('closesAt：结束时间必须晚于开始时间');
  const set = { ...body, opensAt, closesAt };
  const updated = await Survey.findByIdAndUpdate(
    survey._id,
    { $set: set },
    { returnDocument: 'after' },
  ).lean<SurveyDoc>();
  if (!updated) throw NotFoundError('找不到该征求意见表');
  return updated;
}

/** A new version: same project and title, new questions and times; the old version closes when the new one opens. */
export async function createSurveyVersion(
  user: AuthUser,
  survey: SurveyDoc,
  body: SurveyVersionBody,
): Promise<SurveyDoc> {
  const opensAt = new Date(body.opensAt);
  const doc = await Survey.create({
    projectId: survey.projectId,
    compoundId: survey.compoundId,
    regionPath: survey.regionPath,
    title: survey.title,
    description: survey.description,
    questions: body.questions ?? survey.questions,
    opensAt,
    closesAt: new Date(body.closesAt),
    version: survey.version + 1,
    previousVersionId: survey._id,
    createdBy: user.id,
  });
  if (survey.closesAt > opensAt) await Survey.updateOne({ _id: survey._id }, { $set: { closesAt: opensAt } });
  return doc.toObject() as SurveyDoc;
}

/** Ends collection now (staff closing early). */
export async function closeSurvey(survey: SurveyDoc, now = new Date()): Promise<SurveyDoc> {
  if (survey.closesAt <= now) throw InvalidStateError('该征求意见表已经结束');
  const set = survey.opensAt > now ? { opensAt: now, closesAt: now } : { closesAt: now };
  return (await Survey.findByIdAndUpdate(
    survey._id,
    { $set: set },
    { returnDocument: 'after' },
  ).lean<SurveyDoc>())!;
}
