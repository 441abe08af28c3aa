import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { voteKinds } from '@jiugai/shared';
import { defineModel } from './defineModel';

const optionSchema = new Schema(
  {
    id: { type: String, required: true },
    label: { type: String, required: true },
    description: { type: String, default: '' },
    feeFenPerSqmMonth: { type: Number },
  },
  { _id: false },
);

/**
 * An owners' vote (表决) on one matter of Civil Code art. 278. `totals` are fixed when the vote is opened from
 * the households eligible then (created up to `eligibleAsOf`); `final` is written once, after close, with the
 * tally and its SHA-256 fingerprint.
 */
const voteSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    title: { type: String, required: true, maxlength: 100 },
    description: { type: String, default: '' },
    article278Item: { type: Number, required: true, min: 1, max: 9 },
    kind: { type: String, enum: voteKinds, required: true },
    options: { type: [optionSchema], required: true },
    /** Empty: the whole compound is eligible. */
    buildingIds: { type: [Schema.Types.ObjectId], default: [] },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    allowChange: { type: Boolean, default: false },
    eligibleAsOf: { type: Date, required: true },
    totals: {
      households: { type: Number, required: true },
      areaCenti: { type: Number, required: true },
      owners: { type: Number, required: true },
    },
    createdBy: { type: String, required: true },
    final: {
      tally: { type: Schema.Types.Mixed },
      fingerprint: { type: String },
      finalizedAt: { type: Date },
    },
  },
  { timestamps: true },
);
voteSchema.index({ projectId: 1, opensAt: -1 });
voteSchema.index({ compoundId: 1, closesAt: -1 });
voteSchema.index({ regionPath: 1, opensAt: -1 });

export type VoteDoc = Omit<InferSchemaType<typeof voteSchema>, 'totals'> & {
  _id: mongoose.Types.ObjectId;
  totals: { households: number; areaCenti: number; owners: number };
};
export const Vote = defineModel('Vote', voteSchema);
