import { checkAnswers, type ParticipationChannel, type SurveyAnswers } from '@jiugai/shared';
import mongoose from 'mongoose';
import { ConflictError, InvalidStateError, ValidationError } from '../errors';
import type { HouseholdDoc } from '../models/household';
import type { SurveyDoc } from '../models/survey';
import { SurveyResponse, type SurveyResponseDoc } from '../models/surveyResponse';
import { statusAt } from '../policies/participation';
import { batchedById, batchedInsert, splitPairs } from './surveyVoteBatching';

/** Every field is set here (ids, defaults, timestamps), so the batched insert can skip mongoose's hydration. */
const insertResponse = batchedInsert((docs: Record<string, unknown>[]) =>
  SurveyResponse.insertMany(docs, { ordered: false, lean: true }),
);

/** A household's current response to a survey, keyed `surveyId:householdId`; edits in a burst read together. */
const findResponse = batchedById(
  (keys) => {
    const [surveyIds, householdIds] = splitPairs(keys);
    return SurveyResponse.find({
      surveyId: { $in: surveyIds },
      householdId: { $in: householdIds },
    }).lean<SurveyResponseDoc[]>();
  },
  (r) => `${r.surveyId}:${r.householdId}`,
);

export interface ResponseWrite {
  survey: SurveyDoc;
  household: HouseholdDoc;
  answers: SurveyAnswers;
  channel: ParticipationChannel;
  /** User id of the resident, or of the staff member entering a paper form. */
  by: string;
}

/**
 * Stores a household's response, or edits it while the survey is open, keeping the previous answers in
 * `history`. The first write relies on the unique (surveyId, householdId) index, so concurrent submissions
 * for one household end as one response. An online response and a staff-entered one never replace each other.
 */
export async function writeSurveyResponse(
  w: ResponseWrite,
): Promise<{ response: SurveyResponseDoc; created: boolean }> {
  const status = statusAt(w.survey);
  if (status !== 'open')
    throw InvalidStateError(status === 'scheduled' ? '征求意见尚未开始' : '征求意见已结束，不能再提交或修改');
  const issues = checkAnswers(w.survey.questions, w.answers);
  if (issues.length) throw ValidationError(issues[0].message, issues);

  await SurveyResponse.init();
  const now = new Date();
  try {
    const doc = {
      _id: new mongoose.Types.ObjectId(),
      surveyId: w.survey._id,
      householdId: w.household._id,
      compoundId: w.household.compoundId,
      buildingId: w.household.buildingId,
      regionPath: w.household.regionPath,
      channel: w.channel,
      answers: w.answers,
      submittedBy: w.by,
      submittedAt: now,
      revision: 1,
      history: [],
      createdAt: now,
      updatedAt: now,
    };
    await insertResponse(doc);
    return { response: doc as unknown as SurveyResponseDoc, created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }

  const existing = await findResponse(`${w.survey._id}:${w.household._id}`);
  if (!existing) throw ConflictError();
  const online = w.channel === 'miniapp';
  if ((existing.channel === 'miniapp') !== online)
    throw InvalidStateError(
      online
        ? '社区已为您家录入了线下征求意见表，如需修改请联系社区'
        : '该户已在小程序提交意见，不能再录入线下意见表',
    );
  const previous = {
    answers: existing.answers,
    channel: existing.channel,
    by: existing.submittedBy,
    at: existing.updatedAt,
  };
  const updated = await SurveyResponse.findOneAndUpdate(
    { _id: existing._id, revision: existing.revision },
    {
      $set: { answers: w.answers, channel: w.channel, submittedBy: w.by },
      $inc: { revision: 1 },
      $push: { history: previous },
    },
    { returnDocument: 'after' },
  ).lean<SurveyResponseDoc>();
  if (!updated) throw ConflictError('该户的意见表刚被修改过，请刷新后重试');
  return { response: updated, created: false };
}
