import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { supervisorCategories } from '@jiugai/shared';
import { defineModel } from './defineModel';

/** Membership of a project's supervision group (义务监督小组). `regionPath`: the project's compound path. */
const supervisionMemberSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'Project', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    regionPath: { type: String, required: true },
    category: { type: String, enum: supervisorCategories, required: true },
    addedBy: { type: String, default: '' },
  },
  { timestamps: true },
);
supervisionMemberSchema.index({ projectId: 1, userId: 1 }, { unique: true });
supervisionMemberSchema.index({ userId: 1 });

export type SupervisionMemberDoc = InferSchemaType<typeof supervisionMemberSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const SupervisionMember = defineModel('SupervisionMember', supervisionMemberSchema);
