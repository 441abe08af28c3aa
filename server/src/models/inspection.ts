import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';

const rating = { type: Number, required: true, min: 1, max: 5 };

/** A supervision-group member's inspection record (巡查记录) of one project. `regionPath`: the compound's path. */
const inspectionSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    regionPath: { type: String, required: true },
    memberId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    memberCategory: { type: String, default: '' },
    /** The day inspected, China calendar date "YYYY-MM-DD". */
    date: { type: String, required: true },
    ratings: { quality: rating, safety: rating, civility: rating },
    findings: { type: String, required: true, maxlength: 2000 },
    photos: { type: [String], default: [] },
  },
  { timestamps: true },
);
inspectionSchema.index({ projectId: 1, date: -1 });
inspectionSchema.index({ regionPath: 1 });
inspectionSchema.index({ memberId: 1, createdAt: -1 });

export type InspectionDoc = InferSchemaType<typeof inspectionSchema> & { _id: mongoose.Types.ObjectId };
export const Inspection = defineModel('Inspection', inspectionSchema);
