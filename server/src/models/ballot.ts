import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ParticipationChannel } from '@jiugai/shared';
import { defineModel } from './defineModel';

/**
 * One household's ballot. Area (0.01 m²) and owner are copied from the household when cast, so the tally and
 * the legal record do not move if a household is edited later. The unique index on (voteId, householdId) is
 * what guarantees one ballot per household, also under concurrent requests.
 */
const ballotSchema = new Schema(
  {
    voteId: { type: Schema.Types.ObjectId, ref: 'Vote', required: true },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', required: true },
    buildingId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    ownerKey: { type: String, required: true },
    areaCenti: { type: Number, required: true, min: 0 },
    optionId: { type: String, required: true },
    channel: { type: String, enum: Object.values(ParticipationChannel), required: true },
    castBy: { type: String, required: true },
    castAt: { type: Date, required: true },
    changes: { type: Number, default: 0 },
  },
  { versionKey: false },
);
ballotSchema.index({ voteId: 1, householdId: 1 }, { unique: true });

export type BallotDoc = InferSchemaType<typeof ballotSchema> & { _id: mongoose.Types.ObjectId };
export const Ballot = defineModel('Ballot', ballotSchema);
