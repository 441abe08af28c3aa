import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';

/**
 * A renovation project (改造项目): one per compound per year. `regionPath` is the compound's path so region
 * scope filters apply; `sceneId` is the short id carried by the board's QR / mini-program code.
 */
const projectSchema = new Schema(
  {
    compoundId: { type: Schema.Types.ObjectId, ref: 'Region', required: true },
    regionPath: { type: String, required: true },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    stage: { type: String, required: true },
    sceneId: { type: String, required: true, maxlength: 32 },
  },
  { timestamps: true },
);
projectSchema.index({ compoundId: 1, year: 1 }, { unique: true });
projectSchema.index({ sceneId: 1 }, { unique: true });
projectSchema.index({ regionPath: 1 });

export type ProjectDoc = InferSchemaType<typeof projectSchema> & { _id: mongoose.Types.ObjectId };
export const Project = defineModel('Project', projectSchema);
