import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ParticipationChannel, type SurveyAnswers } from '@jiugai/shared';
import { defineModel } from './defineModel';

const channels = Object.values(ParticipationChannel);

/** An earlier state of a response, kept whenever it is edited. */
const revisionSchema = new Schema(
  {
    answers: { type: Schema.Types.Mixed, required: true },
    channel: { type: String, enum: channels, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * One household's answer to a survey, whoever gave it: a bound resident online, or staff from a visit, a meeting
 * or a paper form. The unique index on (surveyId, householdId) is what makes "one response per household" hold
 * under concurrent submissions.
 */
const surveyResponseSchema = new Schema(
  {
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', required: true },
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    buildingId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    /** The household's building path, for staff scope. */
    regionPath: { type: String, required: true },
    channel: { type: String, enum: channels, required: true },
    answers: { type: Schema.Types.Mixed, required: true },
    submittedBy: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    revision: { type: Number, default: 1 },
    history: { type: [revisionSchema], default: [] },
    /** Set by each batched edit, to tell which of a batch's edits applied (commands/surveyVoteBatching). */
    writeId: { type: String },
  },
  { timestamps: true, minimize: false },
);
surveyResponseSchema.index({ surveyId: 1, householdId: 1 }, { unique: true });
surveyResponseSchema.index({ surveyId: 1, buildingId: 1 });

export type SurveyResponseDoc = Omit<InferSchemaType<typeof surveyResponseSchema>, 'answers'> & {
  _id: mongoose.Types.ObjectId;
  answers: SurveyAnswers;
};
export const SurveyResponse = defineModel('SurveyResponse', surveyResponseSchema);
