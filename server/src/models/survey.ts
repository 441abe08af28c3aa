import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import type { SurveyQuestion } from '@jiugai/shared';
import { defineModel } from './defineModel';

/**
 * A survey (征求意见表) of one project's compound. `questions` are checked by the shared zod schema before they
 * are stored. Once a response exists the questions are frozen; a new version is a new document that points
 * back at the one it replaces.
 */
const surveySchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    title: { type: String, required: true, maxlength: 100 },
    description: { type: String, default: '' },
    questions: { type: [Schema.Types.Mixed], required: true },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    version: { type: Number, default: 1 },
    previousVersionId: { type: Schema.Types.ObjectId, ref: 'Survey' },
    createdBy: { type: String, required: true },
  },
  { timestamps: true },
);
surveySchema.index({ projectId: 1, version: -1 });
surveySchema.index({ compoundId: 1, opensAt: -1 });
surveySchema.index({ regionPath: 1, opensAt: -1 });

export type SurveyDoc = Omit<InferSchemaType<typeof surveySchema>, 'questions'> & {
  _id: mongoose.Types.ObjectId;
  questions: SurveyQuestion[];
};
export const Survey = defineModel('Survey', surveySchema);
