import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './defineModel';

/** A progress update of a project (text, photos, percent), newest shown first on the board. */
const progressUpdateSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    regionPath: { type: String, required: true },
    text: { type: String, required: true, maxlength: 2000 },
    photos: { type: [String], default: [] },
    percent: { type: Number, required: true, min: 0, max: 100 },
    authorId: { type: String, required: true },
    authorName: { type: String, default: '' },
  },
  { timestamps: true },
);
progressUpdateSchema.index({ projectId: 1, createdAt: -1 });

export type ProgressUpdateDoc = InferSchemaType<typeof progressUpdateSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const ProgressUpdate = defineModel('ProgressUpdate', progressUpdateSchema);
