import { checkAnswers, type ParticipationChannel, type SurveyAnswers } from '@jiugai/shared';
import type { AnyBulkWriteOperation } from 'mongodb';
import mongoose from 'mongoose';
import { ConflictError, InvalidStateError, ValidationError } from '../errors';
import type { HouseholdDoc } from '../models/household';
import type { SurveyDoc } from '../models/survey';
import { SurveyResponse, type SurveyResponseDoc } from '../models/surveyResponse';
import { statusAt } from '../policies/participation';
import { batchedById, batchedInsert, batchedUpdate, splitPairs } from './surveyVoteBatching';

/** Every field is set here (ids, defaults, timestamps), so the batched insert can skip mongoose's hydration. */
const insertResponse = batchedInsert((docs: Record<string, unknown>[]) =>
  SurveyResponse.insertMany(docs, { ordered: false, lean: true }),
);

/** Edits in a burst go out as one bulkWrite; see editInPlace. */
const updateResponse = batchedUpdate({
  bulkWrite: (ops, options) => SurveyResponse.collection.bulkWrite(ops as AnyBulkWriteOperation[], options),
  writeIds: (ids) =>
    SurveyResponse.collection
      .find({ _id: { $in: ids as mongoose.Types.ObjectId[] } }, { projection: { writeId: 1 } })
      .toArray(),
});

/** A household's current response to a survey, keyed `surveyId:householdId`; edits in a burst read together. */
const findResponse = batchedById(
  (keys) => {
    const [surveyIds, householdIds] = splitPairs(keys);
    // Without `history`: it grows with every edit and the write path never needs it.
    return SurveyResponse.find(
      { surveyId: { $in: surveyIds }, householdId: { $in: householdIds } },
      { history: 0 },
    ).lean<SurveyResponseDoc[]>();
  },
  (r) => `${r.surveyId}:${r.householdId}`,
);

/**
 * Starts reading a household's current response. Routes call it as soon as they know the ids, so the read goes
 * out in the same batch as the survey and household reads and an edit costs no extra round trip.
 */
export function lookUpResponse(surveyId: string, householdId: string): Promise<SurveyResponseDoc | null> {
  const pending = findResponse(`${surveyId}:${householdId}`);
  pending.catch(() => undefined);
  return pending;
}

export interface ResponseWrite {
  survey: SurveyDoc;
  household: HouseholdDoc;
  answers: SurveyAnswers;
  channel: ParticipationChannel;
  /** User id of the resident, or of the staff member entering a paper form. */
  by: string;
  /** From lookUpResponse, when the route started it early. */
  existing?: Promise<SurveyResponseDoc | null>;
}

/**
 * Stores a household's response, or edits it while the survey is open, keeping the previous answers in
 * `history`. The first write relies on the unique (surveyId, householdId) index, so concurrent submissions
 * for one household end as one response (the losers become edits). An online response and a staff-entered one
 * never replace each other.
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
  const existing = await (w.existing ?? lookUpResponse(String(w.survey._id), String(w.household._id)));
  if (!existing) {
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
  }

  if (existing) {
    const edited = await editInPlace(existing, w, now);
    if (edited) return { response: edited, created: false };
  }

  // One atomic step: the stored state moves into `history` and the new answers replace it, provided the
  // household's existing response came through the same kind of channel (online vs. staff-entered).
  const online = isOnline(w.channel);
  const updated = (await SurveyResponse.collection.findOneAndUpdate(
    {
      surveyId: w.survey._id,
      householdId: w.household._id,
      channel: online ? 'miniapp' : { $ne: 'miniapp' },
    },
    [
      {
        $set: {
          history: {
            $concatArrays: [
              { $ifNull: ['$history', []] },
              [{ answers: '$answers', channel: '$channel', by: '$submittedBy', at: '$updatedAt' }],
            ],
          },
          answers: { $literal: w.answers },
          channel: { $literal: w.channel },
          submittedBy: { $literal: w.by },
          revision: { $add: ['$revision', 1] },
          updatedAt: { $literal: now },
        },
      },
    ],
    { returnDocument: 'after', projection: { history: 0 } },
  )) as SurveyResponseDoc | null;
  if (!updated) {
    const existing = await findResponse(`${w.survey._id}:${w.household._id}`);
    if (!existing) throw ConflictError();
    throw InvalidStateError(
      online
        ? '社区已为您家录入了线下征求意见表，如需修改请联系社区'
        : '该户已在小程序提交意见，不能再录入线下意见表',
    );
  }
  return { response: updated, created: false };
}

const isOnline = (channel: string) => channel === 'miniapp';

/**
 * The usual edit, batched with the others of its turn: applies only while the stored response is still the one
 * read (same revision, same channel), so the state pushed into `history` is exactly the stored one and the new
 * revision is known without reading it back. Null when it did not apply (another edit came first, or the channel
 * kind differs); the caller then takes the one-document path, which re-reads and reports.
 */
async function editInPlace(
  existing: SurveyResponseDoc,
  w: ResponseWrite,
  now: Date,
): Promise<SurveyResponseDoc | null> {
  if (typeof existing.revision !== 'number' || isOnline(existing.channel) !== isOnline(w.channel))
    return null;
  const applied = await updateResponse({
    filter: { _id: existing._id, revision: existing.revision, channel: existing.channel },
    update: {
      $set: { answers: w.answers, channel: w.channel, submittedBy: w.by, updatedAt: now },
      $inc: { revision: 1 },
      $push: {
        history: {
          answers: existing.answers,
          channel: existing.channel,
          by: existing.submittedBy,
          at: existing.updatedAt,
        },
      },
    },
  });
  if (!applied) return null;
  return {
    ...existing,
    answers: w.answers,
    channel: w.channel,
    submittedBy: w.by,
    revision: existing.revision + 1,
    updatedAt: now,
  };
}
